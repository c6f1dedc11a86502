package org.govgrid.bench;

import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.regex.Matcher;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * GPS track ingest (全科巡查): GRID_WORKERs of the first demo town each start a patrol in
 * their grid and upload batches of 500 points through
 * {@code POST /api/v1/patrols/{id}/track}; beside the same points written with
 * {@code COPY patrol_track_point ... FROM STDIN} (one COPY and one transaction per batch)
 * into patrols inserted directly, on as many connections. Point {@code k} of client
 * {@code c} is the same on both sides: {@code base + k} seconds, a walk inside the
 * client's grid, accuracy 5 m, speed 1.2 m/s.
 */
final class PatrolBench {

	static final int BATCH = 500;

	static final String DOMAIN = "SR";

	static final String COPY = "copy patrol_track_point (patrol_id, recorded_at, lon, lat, accuracy, speed) from stdin";

	private static final String INSERT_PATROL = """
			insert into patrol (worker_id, domain_code, grid_id, region_path, status, started_at, start_lon, start_lat)
			values (?, ?, ?, ?, 'ACTIVE', ?, ?, ?) returning id""";

	/** Times as the phone sends them: ISO-8601 with the local offset, whole seconds. */
	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX");

	private static final ZoneOffset LOCAL = ZoneOffset.ofHours(8);

	private final String url;

	private final long run;

	private final List<Worker> workers = new ArrayList<>();

	/** One patrol per client and side. */
	private final long[] apiPatrols;

	private final long[] rawPatrols;

	/** The first point's instant; the last is {@code batches * 500} seconds later, in the past. */
	private final Instant base;

	private String townPath;

	PatrolBench(String url, long run, int clients, int batchesPerClient) {
		this.url = url;
		this.run = run;
		this.apiPatrols = new long[clients];
		this.rawPatrols = new long[clients];
		// the API refuses points more than 1 min in the future: the whole track lies in the past
		this.base = Instant.now()
			.truncatedTo(ChronoUnit.SECONDS)
			.minusSeconds((long) batchesPerClient * BATCH)
			.minusSeconds(3600);
	}

	/** GRID_WORKER accounts through the API, each in its own grid of the demo town. */
	void prepare(Connection db, Api admin, int clients) throws Exception {
		try (PreparedStatement query = db.prepareStatement("select path from region where code = ?")) {
			query.setString(1, EventBench.DEMO_TOWN);
			try (ResultSet rs = query.executeQuery()) {
				if (!rs.next()) {
					throw new IllegalStateException("demo town " + EventBench.DEMO_TOWN + " not found (demo profile?)");
				}
				this.townPath = rs.getString(1);
			}
		}
		List<EventBench.Place> grids = new ArrayList<>();
		try (PreparedStatement query = db.prepareStatement("select g.id, g.name, g.path, g.parent_id, g.boundary "
				+ "from region g where g.level = 'GRID' and g.path like ? order by g.code")) {
			query.setString(1, this.townPath + "/%");
			try (ResultSet rs = query.executeQuery()) {
				while (rs.next()) {
					Matcher matcher = Runner.NUMBER.matcher(rs.getString(5));
					double[] corners = new double[8];
					int n = 0;
					while (n < 8 && matcher.find()) {
						corners[n++] = Double.parseDouble(matcher.group());
					}
					grids.add(new EventBench.Place(new Runner.Grid(rs.getLong(1), corners), rs.getString(2),
							rs.getString(3), rs.getLong(4)));
				}
			}
		}
		if (grids.isEmpty()) {
			throw new IllegalStateException("no grids in the demo town " + EventBench.DEMO_TOWN);
		}
		for (int c = 0; c < clients; c++) {
			EventBench.Place grid = grids.get(c % grids.size());
			String username = "benchpatrol" + this.run + "x" + (c + 1);
			Api api = Runner.newUser(admin, this.url, username, grid.grid().id(), "GRID_WORKER");
			long userId = EventBench.count(db, "select id from app_user where username = '" + username + "'");
			this.workers.add(new Worker(api, userId, grid));
		}
	}

	String townPath() {
		return this.townPath;
	}

	int grids() {
		return (int) this.workers.stream().map(w -> w.place().grid().id()).distinct().count();
	}

	Instant base() {
		return this.base;
	}

	long[] apiPatrols() {
		return this.apiPatrols;
	}

	long[] rawPatrols() {
		return this.rawPatrols;
	}

	/** Where client {@code c} starts: the middle of its grid. */
	private double[] start(int c) {
		return round(this.workers.get(c).place().grid().pointAt(0.5, 0.5));
	}

	/**
	 * Point {@code k} of client {@code c}: a slow Lissajous walk over the middle of the
	 * grid (u, v in 0.15–0.85), one point a second.
	 */
	private double[] point(int c, long k) {
		double u = 0.5 + 0.35 * Math.sin(2 * Math.PI * k / 3000.0 + c);
		double v = 0.5 + 0.35 * Math.sin(2 * Math.PI * k / 4100.0);
		return round(this.workers.get(c).place().grid().pointAt(u, v));
	}

	/** The JSON carries 7 decimals; COPY gets the same text. */
	private static double[] round(double[] point) {
		return new double[] { Math.round(point[0] * 1e7) / 1e7, Math.round(point[1] * 1e7) / 1e7 };
	}

	private String time(long k) {
		return OffsetDateTime.ofInstant(this.base.plusSeconds(k), LOCAL).format(TIME);
	}

	/**
	 * Starts client {@code c}'s patrol through the API, then moves its start back to the
	 * track's first point: the API takes only points from 5 minutes before a patrol's
	 * start on, and the benchmark's track lies in the past.
	 */
	void startApi(Connection db, int c) throws Exception {
		double[] at = start(c);
		HttpResponse<byte[]> response = this.workers.get(c)
			.api()
			.post("/api/v1/patrols", String.format(Locale.ROOT, "{\"domainCode\":\"%s\",\"lon\":%.7f,\"lat\":%.7f}",
					DOMAIN, at[0], at[1]));
		Api.expect(response, 201, "POST /api/v1/patrols");
		this.apiPatrols[c] = Long.parseLong(Api.field(Api.text(response), "id"));
		try (PreparedStatement backdate = db.prepareStatement("update patrol set started_at = ? where id = ?")) {
			backdate.setTimestamp(1, Timestamp.from(this.base));
			backdate.setLong(2, this.apiPatrols[c]);
			backdate.executeUpdate();
		}
	}

	/** Inserts client {@code c}'s patrol for the baseline, as the API's start does. */
	void startRaw(Connection db, int c) throws SQLException {
		Worker worker = this.workers.get(c);
		double[] at = start(c);
		try (PreparedStatement insert = db.prepareStatement(INSERT_PATROL)) {
			insert.setLong(1, worker.userId());
			insert.setString(2, DOMAIN);
			insert.setLong(3, worker.place().grid().id());
			insert.setString(4, worker.place().path());
			insert.setTimestamp(5, Timestamp.from(this.base));
			insert.setDouble(6, at[0]);
			insert.setDouble(7, at[1]);
			try (ResultSet rs = insert.executeQuery()) {
				rs.next();
				this.rawPatrols[c] = rs.getLong(1);
			}
		}
	}

	/**
	 * The monthly partitions the points fall into, created as the server's nightly job
	 * does when missing (it makes this month and the next ones ahead).
	 */
	List<String> ensurePartitions(Connection db, int batchesPerClient) throws SQLException {
		TreeSet<LocalDate> months = new TreeSet<>();
		Instant last = this.base.plusSeconds((long) batchesPerClient * BATCH);
		for (Instant t = this.base; !t.isAfter(last); t = t.plus(1, ChronoUnit.DAYS)) {
			months.add(t.atZone(ZoneOffset.UTC).toLocalDate().withDayOfMonth(1));
		}
		months.add(last.atZone(ZoneOffset.UTC).toLocalDate().withDayOfMonth(1));
		List<String> names = new ArrayList<>();
		for (LocalDate month : months) {
			String name = "patrol_track_point_" + month.format(DateTimeFormatter.ofPattern("yyyy_MM"));
			boolean exists = EventBench.count(db, "select count(*) from pg_class where relname = '" + name + "'") > 0;
			long stray = EventBench.count(db, "select count(*) from patrol_track_point_default where recorded_at >= '"
					+ month + "' and recorded_at < '" + month.plusMonths(1) + "'");
			if (!exists && stray == 0) {
				try (Statement statement = db.createStatement()) {
					statement.execute("create table if not exists " + name + " partition of patrol_track_point "
							+ "for values from ('" + month + "') to ('" + month.plusMonths(1) + "')");
				}
				names.add(name + " (created by the runner)");
			}
			else {
				names.add(exists ? name : "patrol_track_point_default (" + month + " already held there)");
			}
		}
		return names;
	}

	/** Batch {@code b} of client {@code c} through the API; the receipt must accept all 500. */
	void apiBatch(int c, int b) throws Exception {
		StringBuilder json = new StringBuilder(BATCH * 110);
		json.append("{\"batchKey\":\"bench-").append(this.run).append('-').append(c).append('-').append(b)
			.append("\",\"points\":[");
		for (int j = 0; j < BATCH; j++) {
			long k = (long) b * BATCH + j;
			double[] p = point(c, k);
			json.append(j == 0 ? "" : ",")
				.append(String.format(Locale.ROOT,
						"{\"time\":\"%s\",\"lon\":%.7f,\"lat\":%.7f,\"accuracy\":5,\"speed\":1.2}", time(k), p[0], p[1]));
		}
		json.append("]}");
		HttpResponse<byte[]> response = this.workers.get(c)
			.api()
			.post("/api/v1/patrols/" + this.apiPatrols[c] + "/track", json.toString());
		Api.expect(response, 200, "POST /api/v1/patrols/{id}/track");
		String body = Api.text(response);
		String accepted = Api.field(body, "accepted");
		if (!String.valueOf(BATCH).equals(accepted) || body.contains("\"replayed\":true")) {
			throw new IllegalStateException("track batch " + b + " of client " + c + " answered " + body);
		}
	}

	/** A baseline client on its own connection (autocommit off): one COPY and one commit per batch. */
	BatchTask rawClient(int c, Connection connection) throws SQLException {
		connection.setAutoCommit(false);
		CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
		long patrol = this.rawPatrols[c];
		return b -> {
			StringBuilder rows = new StringBuilder(BATCH * 64);
			for (int j = 0; j < BATCH; j++) {
				long k = (long) b * BATCH + j;
				double[] p = point(c, k);
				rows.append(patrol)
					.append('\t')
					.append(time(k))
					.append(String.format(Locale.ROOT, "\t%.7f\t%.7f\t5\t1.2\n", p[0], p[1]));
			}
			try {
				long copied = copy.copyIn(COPY,
						new ByteArrayInputStream(rows.toString().getBytes(StandardCharsets.UTF_8)));
				connection.commit();
				if (copied != BATCH) {
					throw new IllegalStateException("COPY of batch " + b + " of client " + c + " wrote " + copied);
				}
			}
			catch (SQLException | RuntimeException ex) {
				connection.rollback();
				throw ex;
			}
		};
	}

	/** One batch, by its number in the client's track. */
	interface BatchTask {

		void run(int batch) throws Exception;

	}

	/** A GRID_WORKER account, signed in, and the grid it patrols. */
	record Worker(Api api, long userId, EventBench.Place place) {
	}

}
