package org.govgrid.bench;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The search box over the generated residents ({@link PeopleGenerator}): the queries (name
 * fragments as people type them: a two-character given name such as 晓明 or surname and
 * given name; address fragments such as 金山路88号 or 阳光花园3幢), the wait for the
 * server's background index build, the raw-PostgreSQL baseline of the same lookup
 * ({@code like '%…%'} over name and address in the town, 20 rows) and the answer checks.
 */
final class SearchBench {

	/** Probe for a complete index: every address on it contains this road, and nothing else does. */
	private static final String PROBE = "金山路";

	private SearchBench() {
	}

	/** The first {@code count} generated residents, as the generator drew them. */
	static List<PeopleGenerator.Person> sample(int count) {
		PeopleGenerator.Sequence sequence = new PeopleGenerator.Sequence(1);
		List<PeopleGenerator.Person> people = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			people.add(sequence.next(i));
		}
		return people;
	}

	static List<String> nameFragments(List<PeopleGenerator.Person> people, int count) {
		Set<String> queries = new LinkedHashSet<>();
		for (PeopleGenerator.Person person : people) {
			String name = person.name();
			queries.add(name.length() == 3 ? name.substring(1) : name);
			if (queries.size() == count) {
				break;
			}
		}
		return List.copyOf(queries);
	}

	static List<String> addressFragments(List<PeopleGenerator.Person> people, int count) {
		Set<String> queries = new LinkedHashSet<>();
		for (PeopleGenerator.Person person : people) {
			queries.add(person.index() % 2 == 0 ? person.roadAndNumber() : person.estate() + person.building() + "幢");
			if (queries.size() == count) {
				break;
			}
		}
		return List.copyOf(queries);
	}

	static String url(String q, String types, int size) {
		return "/api/v1/search?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8)
				+ (types == null ? "" : "&types=" + types) + "&size=" + size;
	}

	/** The same lookup in plain SQL: any name or current address containing the text. */
	static Measure.Task raw(Connection connection, String townPath, List<String> queries) throws SQLException {
		Statement statement = connection.createStatement();
		return i -> {
			String like = "'%" + queries.get(i % queries.size()).replace("'", "''") + "%'";
			try (ResultSet rs = statement.executeQuery("select id, name, id_masked, current_address, grid_id"
					+ " from bd_person where (name like " + like + " or current_address like " + like + ")"
					+ " and region_path like '" + townPath + "/%' limit 20")) {
				while (rs.next()) {
					for (int c = 1; c <= 5; c++) {
						rs.getString(c);
					}
				}
			}
		};
	}

	static long sqlCount(Connection db, String townPath, String fragment) throws SQLException {
		String like = "'%" + fragment.replace("'", "''") + "%'";
		return Long.parseLong(DashboardBench.single(db, "select count(*) from bd_person where (name like " + like
				+ " or current_address like " + like + ") and region_path like '" + townPath + "/%'"));
	}

	/** The people total the API answers for {@code q}. */
	static long apiTotal(Api api, String q) throws Exception {
		HttpResponse<byte[]> response = Api.expect(api.get(url(q, "people", 1)), 200, "GET /api/v1/search");
		Matcher total = Pattern.compile("\"type\":\"people\",\"total\":(\\d+)").matcher(Api.text(response));
		return total.find() ? Long.parseLong(total.group(1)) : -1;
	}

	/**
	 * Waits until the index holds every resident of the town (the probe road's count by
	 * the API equals SQL's), printing progress; returns seconds waited.
	 */
	static double awaitIndex(Connection db, Api api, String townPath, int timeoutMinutes) throws Exception {
		long expected = sqlCount(db, townPath, PROBE);
		long started = System.nanoTime();
		long deadline = started + timeoutMinutes * 60_000_000_000L;
		while (true) {
			long indexed = apiTotal(api, PROBE);
			if (indexed == expected) {
				return (System.nanoTime() - started) / 1e9;
			}
			if (System.nanoTime() > deadline) {
				throw new IllegalStateException("search index incomplete after " + timeoutMinutes + " min: " + indexed
						+ " of " + expected + " " + PROBE + " residents");
			}
			System.out.printf(Locale.ROOT, "runner: search: waiting for the index build (%d of %d %s residents)%n",
					indexed, expected, PROBE);
			Thread.sleep(5_000);
		}
	}

	/** The server's own account of the build: its log lines, if the log is at hand. */
	static String buildLog(String serverLog) {
		if (serverLog == null) {
			return "";
		}
		try {
			String built = null;
			String written = null;
			for (String line : Files.readAllLines(Path.of(serverLog), StandardCharsets.UTF_8)) {
				Matcher b = Pattern.compile("Search index: built in \\d+ s").matcher(line);
				Matcher w = Pattern.compile("Search index: \\d+ documents written").matcher(line);
				if (b.find()) {
					built = b.group();
				}
				if (w.find()) {
					written = w.group();
				}
			}
			return built == null ? "" : " (server log: " + written + "; " + built + ")";
		}
		catch (Exception ex) {
			return "";
		}
	}

}
