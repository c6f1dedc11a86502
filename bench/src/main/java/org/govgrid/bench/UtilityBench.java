package org.govgrid.bench;

import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * Utility readings ingest (水电煤气): a CENTER_STAFF client per thread posts batches of
 * {@value #BATCH} hourly interval readings (20 meters × 100 hours) through
 * {@code POST /api/v1/special/utility-readings}; beside the same readings written with
 * {@code COPY utility_reading ... FROM STDIN} (one COPY and one transaction per batch) for
 * meters of their own, on as many connections. Batch {@code i} of client {@code c} covers
 * the same hours and values on both sides, all in the past.
 */
final class UtilityBench {

	static final int BATCH = 2000;

	static final int METERS_PER_CLIENT = 20;

	static final int HOURS_PER_BATCH = BATCH / METERS_PER_CLIENT;

	static final String COPY = "copy utility_reading (meter_id, read_at, value, cumulative, usage) from stdin";

	private final long run;

	private final int clients;

	private final Instant base;

	private final String[][] apiNumbers;

	private final long[][] rawMeters;

	UtilityBench(long run, int clients, int batchesPerClient) {
		this.run = run;
		this.clients = clients;
		this.apiNumbers = new String[clients][METERS_PER_CLIENT];
		this.rawMeters = new long[clients][METERS_PER_CLIENT];
		// every batch of every client lies in the past (the API refuses readings ahead of now)
		this.base = Instant.now()
			.truncatedTo(ChronoUnit.HOURS)
			.minus((long) (batchesPerClient + 2) * HOURS_PER_BATCH, ChronoUnit.HOURS);
	}

	Instant base() {
		return this.base;
	}

	/** Meters on houses of the town (API side by number, COPY side by id), and the partitions ahead. */
	void prepare(Connection db, String townPath, int batchesPerClient) throws Exception {
		List<Long> houses = new ArrayList<>();
		try (PreparedStatement ps = db.prepareStatement(
				"select id from bd_house where region_path like ? order by id limit 200")) {
			ps.setString(1, townPath + "/%");
			try (ResultSet rs = ps.executeQuery()) {
				while (rs.next()) {
					houses.add(rs.getLong(1));
				}
			}
		}
		if (houses.isEmpty()) {
			throw new IllegalStateException("no house in " + townPath + " for the utility meters");
		}
		try (PreparedStatement ps = db.prepareStatement("""
				insert into utility_meter (kind, meter_number, house_id, grid_id, region_path, address, lon, lat)
				select 'ELECTRICITY', ?, id, grid_id, region_path, address, lon, lat from bd_house where id = ?
				returning id""")) {
			int h = 0;
			for (int c = 0; c < this.clients; c++) {
				for (int m = 0; m < METERS_PER_CLIENT; m++) {
					String number = String.format(Locale.ROOT, "BA%d-%d-%d", this.run, c, m);
					this.apiNumbers[c][m] = number;
					insert(ps, number, houses.get(h++ % houses.size()));
					this.rawMeters[c][m] = insert(ps, String.format(Locale.ROOT, "BR%d-%d-%d", this.run, c, m),
							houses.get(h++ % houses.size()));
				}
			}
		}
		// the months the readings fall in, as the API creates them the first time
		LocalDate month = this.base.atZone(ZoneOffset.UTC).toLocalDate().withDayOfMonth(1);
		LocalDate last = Instant.now().atZone(ZoneOffset.UTC).toLocalDate().withDayOfMonth(1);
		try (Statement statement = db.createStatement()) {
			for (; !month.isAfter(last); month = month.plusMonths(1)) {
				String name = "utility_reading_" + month.toString().substring(0, 7).replace('-', '_');
				statement.execute("create table if not exists " + name + " partition of utility_reading for values from ('"
						+ month + "') to ('" + month.plusMonths(1) + "')");
			}
		}
	}

	private static long insert(PreparedStatement ps, String number, long house) throws Exception {
		ps.setString(1, number);
		ps.setLong(2, house);
		try (ResultSet rs = ps.executeQuery()) {
			rs.next();
			return rs.getLong(1);
		}
	}

	private Instant hour(int batch, int k) {
		return this.base.plus((long) batch * HOURS_PER_BATCH + k, ChronoUnit.HOURS);
	}

	private static double value(int client, int meter, int batch, int k) {
		return 0.1 + ((client * 31 + meter * 7 + batch * 3 + k) % 17) / 10.0;
	}

	/** The JSON body of batch {@code batch} of client {@code client}. */
	String apiBody(int client, int batch) {
		StringBuilder json = new StringBuilder(BATCH * 110).append("{\"readings\":[");
		for (int m = 0; m < METERS_PER_CLIENT; m++) {
			for (int k = 0; k < HOURS_PER_BATCH; k++) {
				if (m > 0 || k > 0) {
					json.append(',');
				}
				json.append("{\"meterNumber\":\"")
					.append(this.apiNumbers[client][m])
					.append("\",\"kind\":\"ELECTRICITY\",\"time\":\"")
					.append(hour(batch, k))
					.append("\",\"value\":")
					.append(value(client, m, batch, k))
					.append(",\"cumulative\":false}");
			}
		}
		return json.append("]}").toString();
	}

	/** The same readings as COPY text for the COPY side's meters. */
	String copyText(int client, int batch) {
		StringBuilder text = new StringBuilder(BATCH * 60);
		for (int m = 0; m < METERS_PER_CLIENT; m++) {
			for (int k = 0; k < HOURS_PER_BATCH; k++) {
				double v = value(client, m, batch, k);
				text.append(this.rawMeters[client][m])
					.append('\t')
					.append(hour(batch, k))
					.append('\t')
					.append(v)
					.append("\tf\t")
					.append(v)
					.append('\n');
			}
		}
		return text.toString();
	}

	void apiBatch(Api client, int c, int batch) throws Exception {
		String body = Api.text(Api.expect(client.post("/api/v1/special/utility-readings", apiBody(c, batch)), 200,
				"POST utility-readings"));
		if (!body.contains("\"accepted\":" + BATCH)) {
			throw new IllegalStateException("not all readings accepted: " + body.substring(0, Math.min(300, body.length())));
		}
	}

	static void copyBatch(Connection connection, String text) throws Exception {
		CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
		copy.copyIn(COPY, new StringReader(text));
		connection.commit();
	}

	long[] rawMeterIds() {
		return java.util.Arrays.stream(this.rawMeters).flatMapToLong(java.util.Arrays::stream).toArray();
	}

	String apiNumberPattern() {
		return "BA" + this.run + "-%";
	}

}
