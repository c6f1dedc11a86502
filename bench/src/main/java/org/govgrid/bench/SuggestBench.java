package org.govgrid.bench;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * 智能分拨's evaluation (issue 19): {@link #generate} writes half a year of closed events of
 * the demo town with varied texts ({@link ReportTexts}), each resolved by the unit its
 * 大类 goes to (now and then by the community or the centre instead), in time order; the
 * newest fifth is held out in {@code bench_suggest_holdout} rather than stored, so the
 * server learns only the past at its restart. {@link #measure} then asks
 * {@code POST /api/v1/events/suggest} for every held-out report, oldest first, and counts
 * how often the category and the unit it ended with are first, or in the top 3.
 */
final class SuggestBench {

	/** The demo town's departments by the 大类 they handle (DemoData's codes). */
	private static final Map<String, String> DEPARTMENT_OF = Map.of("CSGL", "CG", "HJWS", "HB", "AQSC", "YJGL",
			"XFAQ", "YJGL", "ZAYH", "GA", "SCJG", "SCJG", "MSFW", "MZ", "GGSS", "ZJ");

	private SuggestBench() {
	}

	record Holdout(String description, String category, String unitKey, double lon, double lat) {
	}

	/** {@code --events N} (default 6000) closed or held-out events over the last 180 days. */
	static void generate(Bench.Options options) throws Exception {
		int total = options.getInt("events", 6000);
		try (Connection db = DriverManager.getConnection(options.require("jdbc"), options.get("db-user", "postgres"),
				"")) {
			if (Long.parseLong(Runner.single(db, "select count(*) from event where code like 'SB%'")) > 0) {
				System.out.println("suggest: history already generated");
				return;
			}
			List<Object[]> grids = new ArrayList<>();
			try (Statement st = db.createStatement();
					ResultSet rs = st.executeQuery("""
							select g.id, g.parent_id, c.parent_id, g.path, g.center_lon, g.center_lat from region g
							join region c on c.id = g.parent_id join region t on t.id = c.parent_id
							where g.level = 'GRID' and t.code = '""" + EventBench.DEMO_TOWN + "' order by g.id")) {
				while (rs.next()) {
					grids.add(new Object[] { rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4),
							rs.getDouble(5), rs.getDouble(6) });
				}
			}
			Map<String, Long> departments = new HashMap<>();
			try (Statement st = db.createStatement();
					ResultSet rs = st.executeQuery("select code, id from department where code like '"
							+ EventBench.DEMO_TOWN + "-%'")) {
				while (rs.next()) {
					departments.put(rs.getString(1).substring(EventBench.DEMO_TOWN.length() + 1), rs.getLong(2));
				}
			}
			long reporter = Long.parseLong(Runner.single(db, "select id from app_user where username = 'worker1'"));
			List<String> categories = ReportTexts.PHRASES.keySet().stream().sorted().toList();
			Random random = new Random(20261207L);
			// some categories are far commoner than others (Zipf-like weights, shuffled)
			double[] weights = new double[categories.size()];
			for (int i = 0; i < weights.length; i++) {
				weights[i] = 1.0 / (1 + random.nextInt(categories.size()));
			}
			double weightSum = Arrays.stream(weights).sum();
			long now = Instant.now().getEpochSecond();
			long span = 180L * 86400;
			int held = total / 5;
			db.setAutoCommit(false);
			try (Statement st = db.createStatement()) {
				st.execute("""
						create table if not exists bench_suggest_holdout (seq int primary key, description text not null,
						    category_code text not null, unit_key text not null, lon double precision not null,
						    lat double precision not null)""");
			}
			try (PreparedStatement event = db.prepareStatement("""
					insert into event (code, title, description, category_code, level, source, reporter_id, reporter_name,
					    lon, lat, address, grid_id, community_id, town_id, region_path, status, handling_level, unit_kind,
					    unit_id, acceptance_minutes, disposal_minutes, reported_at, closed_at)
					values (?, ?, ?, ?, 'GENERAL', 'GRID_WORKER', ?, '基准网格员', ?, ?, '基准地址', ?, ?, ?, ?, 'CLOSED',
					    'TOWN', ?, ?, 120, 1440, ?, ?)""");
					PreparedStatement holdout = db.prepareStatement(
							"insert into bench_suggest_holdout values (?, ?, ?, ?, ?, ?)")) {
				for (int i = 0; i < total; i++) {
					String category = pick(categories, weights, weightSum, random);
					String description = ReportTexts.text(category, random);
					Object[] grid = grids.get(random.nextInt(grids.size()));
					String unitKey = unitKey(category, (long) grid[1], (long) grid[2], departments, random);
					double lon = (double) grid[4] + (random.nextDouble() - 0.5) * 0.002;
					double lat = (double) grid[5] + (random.nextDouble() - 0.5) * 0.002;
					if (i >= total - held) {
						holdout.setInt(1, i);
						holdout.setString(2, description);
						holdout.setString(3, category);
						holdout.setString(4, unitKey);
						holdout.setDouble(5, lon);
						holdout.setDouble(6, lat);
						holdout.addBatch();
						continue;
					}
					// in time order: event i of total over the last 180 days
					Instant reported = Instant.ofEpochSecond(now - span + span * i / total);
					String[] unit = unitKey.split(":");
					int p = 1;
					event.setString(p++, String.format(Locale.ROOT, "SB%08d", i));
					event.setString(p++, description.length() <= 40 ? description : description.substring(0, 40) + "…");
					event.setString(p++, description);
					event.setString(p++, category);
					event.setLong(p++, reporter);
					event.setDouble(p++, lon);
					event.setDouble(p++, lat);
					event.setLong(p++, (long) grid[0]);
					event.setLong(p++, (long) grid[1]);
					event.setLong(p++, (long) grid[2]);
					event.setString(p++, (String) grid[3]);
					event.setString(p++, unit[0]);
					event.setLong(p++, Long.parseLong(unit[1]));
					event.setTimestamp(p++, Timestamp.from(reported));
					event.setTimestamp(p, Timestamp.from(reported.plusSeconds(3600 + random.nextInt(86400))));
					event.addBatch();
				}
				event.executeBatch();
				holdout.executeBatch();
			}
			db.commit();
			System.out.printf(Locale.ROOT, "suggest: %d closed events and %d held out in %d grids of %s%n",
					total - held, held, grids.size(), EventBench.DEMO_TOWN);
		}
	}

	private static String pick(List<String> categories, double[] weights, double sum, Random random) {
		double r = random.nextDouble() * sum;
		for (int i = 0; i < weights.length; i++) {
			r -= weights[i];
			if (r <= 0) {
				return categories.get(i);
			}
		}
		return categories.get(categories.size() - 1);
	}

	/**
	 * The 大类's department; disputes and other matters by the community or the centre;
	 * and one case in eight handled by the community whatever it is.
	 */
	private static String unitKey(String category, long communityId, long townId, Map<String, Long> departments,
			Random random) {
		String top = category.substring(0, category.indexOf('-'));
		if (random.nextInt(8) == 0 || top.equals("MDJF")) {
			return "COMMUNITY:" + communityId;
		}
		Long department = departments.get(DEPARTMENT_OF.get(top));
		return department == null ? "TOWN_CENTRE:" + townId : "DEPARTMENT:" + department;
	}

	static List<Holdout> holdouts(Connection db) throws Exception {
		List<Holdout> holdouts = new ArrayList<>();
		try (Statement st = db.createStatement();
				ResultSet rs = st.executeQuery("select description, category_code, unit_key, lon, lat"
						+ " from bench_suggest_holdout order by seq")) {
			while (rs.next()) {
				holdouts.add(new Holdout(rs.getString(1), rs.getString(2), rs.getString(3), rs.getDouble(4),
						rs.getDouble(5)));
			}
		}
		return holdouts;
	}

	private static final Pattern CODE = Pattern.compile("\"code\"\\s*:\\s*\"([^\"]+)\"");

	private static final Pattern UNIT = Pattern.compile("\"kind\"\\s*:\\s*\"([^\"]+)\"\\s*,\\s*\"id\"\\s*:\\s*(\\d+)");

	/** Asks for every held-out report in order; the markdown section with the figures. */
	static String measure(Connection db, Api centre, int warmup) throws Exception {
		List<Holdout> holdouts = holdouts(db);
		if (holdouts.isEmpty()) {
			throw new IllegalStateException("no held-out reports: run generate-suggest first (BENCH_SUGGEST=N)");
		}
		String learnt = Runner.single(db, "select count(*) from event where status = 'CLOSED'");
		for (int w = 0; w < warmup; w++) {
			suggest(centre, holdouts.get(w % holdouts.size()));
		}
		int categoryTop1 = 0;
		int categoryTop3 = 0;
		int unitTop1 = 0;
		int unitTop3 = 0;
		Map<String, Integer> frequency = new HashMap<>();
		long[] nanos = new long[holdouts.size()];
		for (int i = 0; i < holdouts.size(); i++) {
			Holdout holdout = holdouts.get(i);
			long started = System.nanoTime();
			String body = suggest(centre, holdout);
			nanos[i] = System.nanoTime() - started;
			int categoriesEnd = body.indexOf("\"units\"");
			List<String> codes = all(CODE, body.substring(0, categoriesEnd < 0 ? body.length() : categoriesEnd), 1);
			List<String> units = all(UNIT, categoriesEnd < 0 ? "" : body.substring(categoriesEnd), 2);
			categoryTop1 += !codes.isEmpty() && codes.get(0).equals(holdout.category()) ? 1 : 0;
			categoryTop3 += codes.contains(holdout.category()) ? 1 : 0;
			unitTop1 += !units.isEmpty() && units.get(0).equals(holdout.unitKey()) ? 1 : 0;
			unitTop3 += units.contains(holdout.unitKey()) ? 1 : 0;
			frequency.merge(holdout.category(), 1, Integer::sum);
		}
		Arrays.sort(nanos);
		int n = holdouts.size();
		int majority = frequency.values().stream().max(Integer::compare).orElse(0);
		StringBuilder out = new StringBuilder();
		out.append("\n## 智能分拨: suggested category and unit on held-out reports\n\n");
		out.append(String.format(Locale.ROOT, "- learnt from %s closed events of the demo town (at the restart); %d "
				+ "newer reports held out and asked for in time order by a CENTER_STAFF of %s, with their point; %d "
				+ "warm-up calls first%n", learnt, n, EventBench.DEMO_TOWN, warmup));
		out.append("- texts: several phrasings per 小类 with places, remarks, typos, dialect words and one report in "
				+ "twelve mixing in another category (`bench/.../ReportTexts.java`); units: the 大类's department, "
				+ "disputes and one case in eight the community\n\n");
		out.append("| measure | top-1 | top-3 |\n|---|---|---|\n");
		out.append(String.format(Locale.ROOT, "| category (小类) | %.1f %% | %.1f %% |%n", 100.0 * categoryTop1 / n,
				100.0 * categoryTop3 / n));
		out.append(String.format(Locale.ROOT, "| unit | %.1f %% | %.1f %% |%n", 100.0 * unitTop1 / n,
				100.0 * unitTop3 / n));
		out.append(String.format(Locale.ROOT, "| (baseline: always the commonest 小类) | %.1f %% | |%n",
				100.0 * majority / n));
		out.append(String.format(Locale.ROOT,
				"%n`POST /api/v1/events/suggest` latency over %d calls, one client: p50 %s ms, p95 %s ms, p99 %s ms%n", n,
				Measure.ms(rank(nanos, 0.50) / 1e6), Measure.ms(rank(nanos, 0.95) / 1e6),
				Measure.ms(rank(nanos, 0.99) / 1e6)));
		return out.toString();
	}

	private static double rank(long[] sorted, double p) {
		return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
	}

	private static String suggest(Api api, Holdout holdout) throws Exception {
		HttpResponse<byte[]> response = Api.expect(
				api.post("/api/v1/events/suggest",
						String.format(Locale.ROOT, "{\"description\":\"%s\",\"lon\":%.7f,\"lat\":%.7f}",
								Api.json(holdout.description()), holdout.lon(), holdout.lat())),
				200, "POST /api/v1/events/suggest");
		return Api.text(response);
	}

	private static List<String> all(Pattern pattern, String text, int groups) {
		List<String> found = new ArrayList<>();
		Matcher matcher = pattern.matcher(text);
		while (matcher.find()) {
			found.add(groups == 1 ? matcher.group(1) : matcher.group(1) + ":" + matcher.group(2));
		}
		return found;
	}

}
