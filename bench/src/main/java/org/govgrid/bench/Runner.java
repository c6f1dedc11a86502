package org.govgrid.bench;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Measures what a user waits on in the foundation, each through the API and as the same
 * work in plain SQL against the same database in the same run, and prints them side by
 * side with the ratio at p50. Starts nothing: the server and its PostgreSQL are given.
 */
final class Runner {

	static final String BENCH_PASSWORD = "Bench#2026ok";

	static final Pattern NUMBER = Pattern.compile("-?\\d+(?:\\.\\d+)?(?:[eE][-+]?\\d+)?");

	private static final String SUBTREE = "select id, parent_id, level, code, name, path from region "
			+ "where path = ? or path like ? order by path";

	private static final String GRIDS_UNDER = "select g.id, g.code, g.name, g.parent_id, p.name, g.boundary "
			+ "from region g left join region p on p.id = g.parent_id "
			+ "where (g.path = ? or g.path like ?) and g.level = 'GRID' and g.boundary is not null order by g.path";

	/**
	 * Core PostgreSQL cannot index {@code polygon @> point}, only {@code polygon @> polygon}:
	 * the degenerate polygon of the point is the GiST pre-filter, the exact test follows.
	 */
	private static final String LOCATE = "select r.id, r.code, r.name, r.level, r.parent_id, r.path, r.boundary, "
			+ "r.center_lon, r.center_lat from (select g.id from (select point(?, ?) as p) q "
			+ "join bench_grid_polygon g on g.poly @> polygon(box(q.p, q.p)) and g.poly @> q.p "
			+ "order by g.id limit 1) hit join region r on r.id = hit.id";

	private final String url;

	private final String jdbc;

	private final String dbUser;

	private final String scale;

	private final int iterations;

	private final int warmup;

	private final int clients;

	private final int concurrentRequests;

	private final long budgetNanos;

	private final Path results;

	private final String serverLog;

	private final List<Row> rows = new ArrayList<>();

	private final List<String> notes = new ArrayList<>();

	Runner(Bench.Options options) {
		this.url = options.require("url");
		this.jdbc = options.require("jdbc");
		this.dbUser = options.get("db-user", "postgres");
		this.scale = options.get("scale", "town");
		this.iterations = options.getInt("iterations", 2000);
		this.warmup = options.getInt("warmup", 200);
		this.clients = options.getInt("clients", 8);
		this.concurrentRequests = options.getInt("concurrent-requests", 2000);
		this.budgetNanos = options.getInt("budget-seconds", 45) * 1_000_000_000L;
		this.results = Path.of(options.get("results", "results"));
		this.serverLog = options.get("server-log", null);
		this.ops = java.util.Set.of(options.get("ops", ALL_OPS).split(","));
		this.eventClients = java.util.Arrays.stream(options.get("event-clients", "4,8").split(","))
			.mapToInt(Integer::parseInt)
			.toArray();
		this.eventCount = options.getInt("event-count", 2000);
		this.eventWarmup = options.getInt("event-warmup", 100);
		this.patrolClients = options.getInt("patrol-clients", 4);
		this.patrolBatches = options.getInt("patrol-batches", 40);
		this.patrolWarmup = options.getInt("patrol-warmup", 3);
		this.partyMembers = options.getInt("party-members", 20_000);
		this.partyActivities = options.getInt("party-activities", 10_000);
		this.crowdClients = options.getInt("crowd-clients", 4);
		this.mqtt = options.get("mqtt", null);
		this.crowdBatches = options.getInt("crowd-batches", 30);
	}

	/** Crowd-flow ingest: clients and timed 1,000-count batches per client (after 2 warm-up batches each). */
	private final int crowdClients;

	private final int crowdBatches;

	private final List<CrowdRun> crowdRuns = new ArrayList<>();

	private String crowdSetup;

	private static final String ALL_OPS = "floor,locate,tree,geojson,login,write,events,patrol";

	private final java.util.Set<String> ops;

	/** Client counts of the event-reporting runs (each run: API, then raw JDBC). */
	private final int[] eventClients;

	/** Events per run and side (fewer if the time budget ends first). */
	private final int eventCount;

	private final int eventWarmup;

	private final List<EventRun> eventRuns = new ArrayList<>();

	/** Track ingest: GRID_WORKER clients, timed 500-point batches per client, warm-up batches per client. */
	private final int patrolClients;

	private final int patrolBatches;

	private final int patrolWarmup;

	/** The generated party of the party benchmark: members and a year of activities. */
	private final int partyMembers;

	private final int partyActivities;

	private final List<PatrolRun> patrolRuns = new ArrayList<>();

	private String patrolSetup;

	/** The dashboard section of the results, when that op ran. */
	private String dashboardSection;

	/** The utility readings ingest section, when run. */
	private String utilitySection;

	private String iotSection;

	/** The open platform's token and bearer section, when run. */
	private String tokenSection;

	/** 智能分拨's accuracy on held-out reports and its latency ({@code --ops suggest}). */
	private String suggestSection;

	/** The broker of the iot op (run.sh starts one). */
	private final String mqtt;

	private String loadBefore;

	private String eventSetup;

	void run() throws Exception {
		this.loadBefore = loadAverage();
		try (Connection db = connect()) {
			Map<String, Long> levels = new LinkedHashMap<>();
			try (Statement statement = db.createStatement();
					ResultSet rs = statement.executeQuery("select level, count(*) from region group by level "
							+ "order by min(case level when 'CITY' then 0 when 'DISTRICT' then 1 when 'TOWN' then 2 "
							+ "when 'COMMUNITY' then 3 else 4 end)")) {
				while (rs.next()) {
					levels.put(rs.getString(1), rs.getLong(2));
				}
			}
			String pgVersion = single(db, "select version()");
			Target city = target(db, "level = 'CITY' order by id");
			Target town = target(db, "level = 'TOWN' order by (code like '3205051%') desc, code");
			List<Grid> grids = grids(db);
			System.out.printf(Locale.ROOT, "runner: %s regions %s; city %s, town %s (%d grids in all)%n", this.scale,
					levels, city.path, town.path, grids.size());

			long started = System.nanoTime();
			int polygons = buildPolygonTable(db);
			double polygonMillis = (System.nanoTime() - started) / 1e6;
			System.out.printf(Locale.ROOT, "runner: baseline table bench_grid_polygon (%d polygons, GiST) built in %.0f ms%n",
					polygons, polygonMillis);

			Api admin = new Api(this.url);
			admin.signIn("admin", Api.DEMO_PASSWORD, BENCH_PASSWORD);
			long run = Long.parseLong(single(db, "select count(*) from app_user where username like 'benchtown%'")) + 1;
			Api townLeader = newUser(admin, "benchtown" + run, town);
			List<String> loginUsers = new ArrayList<>();
			for (int c = 0; c < this.clients; c++) {
				loginUsers.add("benchlogin" + run + "x" + (c + 1));
				newUser(admin, loginUsers.get(c), town);
			}

			// deterministic points inside random grids
			Random random = new Random(Generator.SEED);
			int pointCount = 8192;
			double[][] points = new double[pointCount][];
			long[] expected = new long[pointCount];
			for (int k = 0; k < pointCount; k++) {
				Grid grid = grids.get(random.nextInt(grids.size()));
				double u = 0.02 + 0.96 * random.nextDouble();
				double v = 0.02 + 0.96 * random.nextDouble();
				points[k] = grid.pointAt(u, v);
				expected[k] = grid.id;
			}

if (this.ops.contains("floor")) {
			// the floor every call pays: HTTP + filters, and then the session (Spring Session JDBC)
			measure("floor: GET /api/v1/config/public (anonymous) vs select 1", client -> {
				Api anonymous = new Api(this.url);
				return i -> Api.expect(anonymous.get("/api/v1/config/public"), 200, "config/public");
			}, connection -> selectOne(connection), "tiny JSON");
			measure("floor: GET /api/v1/auth/me (session) vs select 1", client -> i -> Api.expect(admin.get("/api/v1/auth/me"), 200,
					"me"), connection -> selectOne(connection), "tiny JSON");

}
			if (this.ops.contains("locate")) {
			// a. locate
			measure("locate point → grid (admin, city scope)", client -> i -> {
				int k = i % pointCount;
				HttpResponse<byte[]> response = admin.get(String.format(Locale.ROOT,
						"/api/v1/regions/locate?lon=%.7f&lat=%.7f", points[k][0], points[k][1]));
				Api.expect(response, 200, "locate");
				String id = Api.field(Api.text(response), "id");
				if (!String.valueOf(expected[k]).equals(id)) {
					throw new IllegalStateException("locate answered grid " + id + ", expected " + expected[k]);
				}
			}, connection -> {
				PreparedStatement query = connection.prepareStatement(LOCATE);
				return i -> {
					int k = i % pointCount;
					query.setDouble(1, points[k][0] * 1e6);
					query.setDouble(2, points[k][1] * 1e6);
					try (ResultSet rs = query.executeQuery()) {
						if (!rs.next() || rs.getLong(1) != expected[k]) {
							throw new IllegalStateException("SQL locate missed grid " + expected[k]);
						}
						for (int c = 2; c <= 9; c++) {
							rs.getString(c);
						}
					}
				};
			}, "1 grid");

}
			if (this.ops.contains("tree")) {
			// b. tree
			measure("tree, town scope (TOWN_LEADER, 1 town)", client -> i -> treeCall(townLeader), connection -> subtree(connection, town),
					count(db, town) + " regions");
			measure("tree, city scope (admin)", client -> i -> treeCall(admin), connection -> subtree(connection, city),
					count(db, city) + " regions");

}
			if (this.ops.contains("geojson")) {
			// c. grids.geojson
			measure("grids.geojson, one town", client -> i -> Api.expect(
					admin.get("/api/v1/regions/" + town.id + "/grids.geojson"), 200, "grids.geojson"),
					connection -> gridsUnder(connection, town), gridCount(db, town) + " grids");
			measure("grids.geojson, whole city", client -> i -> Api.expect(
					admin.get("/api/v1/regions/" + city.id + "/grids.geojson"), 200, "grids.geojson"),
					connection -> gridsUnder(connection, city), gridCount(db, city) + " grids");

}
			if (this.ops.contains("login")) {
			// d. login
			// each client signs in as its own account: see the same-account probe below
			measure("login (bcrypt) vs password_hash lookup", client -> {
				Api fresh = new Api(this.url);
				fresh.prime();
				String username = loginUsers.get(client);
				return i -> Api.expect(fresh.login(username, BENCH_PASSWORD), 200, "login");
			}, connection -> {
				PreparedStatement query = connection
					.prepareStatement("select password_hash from app_user where username = ?");
				return i -> {
					query.setString(1, "admin");
					try (ResultSet rs = query.executeQuery()) {
						drain(rs, 1);
					}
				};
			}, "1 user");
			Map<Integer, Integer> probe = sameAccountProbe(loginUsers.get(0));
			System.out.println("runner: " + this.clients + " simultaneous sign-ins of one account answered " + probe);
			this.notes.add(this.clients + " simultaneous sign-ins of ONE account answered (HTTP status=count) " + probe
					+ (probe.keySet().stream().anyMatch(status -> status != 200)
							? ": simultaneous sign-ins of one account do not all succeed (optimistic lock on app_user → 409)" : ""));
			this.notes.add("login: the API verifies the password with bcrypt (deliberately slow, DESIGN §6), writes an "
					+ "audit record and a new JDBC session; the baseline only reads the hash, so this ratio measures "
					+ "bcrypt's cost by design, not overhead to remove. The server ran with a raised "
					+ "govgrid.security.login-attempts-per-minute so the per-address throttle does not answer 429.");

}
						// e. a boundary edit: the API answers after the whole grid index is rebuilt
			if (this.ops.contains("write")) {
				List<long[]> edits = new ArrayList<>();
				List<String> shapes = new ArrayList<>();
				try (Statement statement = db.createStatement();
						ResultSet rs = statement.executeQuery("select id, boundary from region where level = 'GRID' "
								+ "and path like '" + town.path + "/%' order by path limit " + this.clients)) {
					while (rs.next()) {
						edits.add(new long[] { rs.getLong(1) });
						shapes.add(rs.getString(2));
					}
				}
				measure("update one grid's boundary (PUT, same shape)", client -> {
					long id = edits.get(client % edits.size())[0];
					String body = "{\"boundary\":" + shapes.get(client % shapes.size()) + "}";
					return i -> {
						HttpResponse<byte[]> response = admin.put("/api/v1/regions/" + id, body);
						Api.expect(response, 200, "PUT region");
					};
				}, connection -> {
					PreparedStatement update = connection.prepareStatement(
							"update region set boundary = ?, updated_at = now(), version = version + 1 where id = ?");
					return i -> {
						update.setString(1, shapes.get(0));
						update.setLong(2, edits.get(0)[0]);
						update.executeUpdate();
					};
				}, "1 grid", 2, Math.min(20, this.iterations), 2 * this.clients);
				this.notes.add("boundary update: the API validates the shape against parent and siblings, commits, "
						+ "then rebuilds the in-memory grid index in the request thread (re-parsing only the changed "
						+ "grid, but re-reading every grid's version and re-packing the STRtree), so its latency still "
						+ "grows with the number of grids; the baseline is the single-row UPDATE.");
			}

			if (this.ops.contains("events")) {
				events(db, admin, run);
			}

			if (this.ops.contains("patrol")) {
				patrol(db, admin, run);
			}

			if (this.ops.contains("search")) {
				search(db, admin, run);
			}
			if (this.ops.contains("basedata")) {
				baseData(db, admin, run);
			}
			if (this.ops.contains("party")) {
				party(db, admin, run);
			}
			if (this.ops.contains("utility")) {
				utility(db, admin, run);
			}
			if (this.ops.contains("crowd")) {
				crowd(db, admin, run);
			}
			if (this.ops.contains("iot")) {
				iot(db, admin, run);
			}
			if (this.ops.contains("tokens")) {
				tokens(db, admin, run);
			}
			if (this.ops.contains("suggest")) {
				Target demoTown = target(db, "code = '" + EventBench.DEMO_TOWN + "'");
				this.suggestSection = SuggestBench.measure(db,
						newUser(admin, this.url, "benchsug" + run, demoTown.id, "CENTER_STAFF"), 100);
				System.out.print(this.suggestSection);
			}

			if (this.ops.contains("dashboard")) {
				long cityId = Long.parseLong(single(db, "select id from region where code = '320500'"));
				String townCode = single(db,
						"select coalesce((select code from region where code = '320505100'), '320505006')");
				Api leader = newUser(admin, this.url, "benchdash" + run, cityId, "CENTER_STAFF");
				this.dashboardSection = DashboardBench.measure(db, leader, cityId,
						Long.parseLong(single(db, "select id from region where code = '" + townCode + "'")),
						single(db, "select path from region where code = '" + townCode + "'"),
						single(db, "select path from region where code = '320500'"), 200, 5);
			}

			try (Statement statement = db.createStatement()) {
				statement.execute("drop table if exists bench_grid_polygon");
			}
			report(levels, pgVersion, polygons, polygonMillis, grids.size());
		}
	}

	interface PgFactory {

		Measure.Task open(Connection connection) throws SQLException;

	}

	private void measure(String name, Measure.TaskFactory api, PgFactory pg, String answer) throws Exception {
		measure(name, api, pg, answer, this.warmup, this.iterations, this.concurrentRequests);
	}

	private void measure(String name, Measure.TaskFactory api, PgFactory pg, String answer, int warmup,
			int iterations, int concurrentRequests) throws Exception {
		System.out.println("runner: " + name + " …");
		Measure.Task apiTask = api.open(0);
		Measure.Latency apiLatency = Measure.sequential(apiTask, warmup, iterations, this.budgetNanos,
				Math.min(30, iterations));
		Measure.Throughput apiThroughput = Measure.concurrent(api, this.clients, concurrentRequests,
				this.budgetNanos / 2);
		List<Connection> connections = new ArrayList<>();
		try {
			Connection own = connect();
			connections.add(own);
			Measure.Latency pgLatency = Measure.sequential(pg.open(own), warmup, iterations, this.budgetNanos,
					Math.min(30, iterations));
			Measure.Throughput pgThroughput = Measure.concurrent(client -> {
				Connection connection = connect();
				synchronized (connections) {
					connections.add(connection);
				}
				return pg.open(connection);
			}, this.clients, concurrentRequests, this.budgetNanos / 2);
			Row row = new Row(name, answer, apiLatency, pgLatency, apiThroughput, pgThroughput);
			this.rows.add(row);
			System.out.println("  " + row.markdown());
			for (Measure.Latency latency : List.of(apiLatency, pgLatency)) {
				if (latency.errors() > 0) {
					this.notes.add(name + ": " + latency.errors() + " errors, first: " + latency.firstError());
				}
			}
			if (apiThroughput.errors() + pgThroughput.errors() > 0) {
				this.notes.add(name + ": " + apiThroughput.errors() + " API / " + pgThroughput.errors()
						+ " SQL errors under concurrency");
			}
		}
		finally {
			for (Connection connection : connections) {
				connection.close();
			}
		}
	}

	/**
	 * Event reporting through the API beside the same rows inserted with JDBC, for each
	 * client count; then the list page and the detail over the data now in place.
	 */
	private void events(Connection db, Api admin, long run) throws Exception {
		int maxClients = java.util.Arrays.stream(this.eventClients).max().orElse(1);
		EventBench bench = new EventBench(this.url, run);
		bench.prepare(db, admin, maxClients);
		String townWhere = "region_path like '" + bench.townPath() + "/%'";
		long before = EventBench.count(db, "select count(*) from event where " + townWhere);
		StringBuilder routes = new StringBuilder();
		for (EventBench.Route route : bench.routes()) {
			routes.append(routes.length() == 0 ? "" : ", ")
				.append(String.format(Locale.ROOT, "`%s` %s (rule #%d: %s, acceptance %d min, disposal %d min)",
						route.category(), route.categoryName(), route.ruleId(),
						route.autoDispatch() ? "dispatched at once to department #" + route.departmentId()
								: "waits at the town centre, department #" + route.departmentId() + " suggested",
						route.acceptanceMinutes(), route.disposalMinutes()));
		}
		System.out.printf(Locale.ROOT, "runner: events: %d GRID_WORKER clients in %d grids of town %s, %d events there "
				+ "before; %s%n", maxClients, bench.grids(), EventBench.DEMO_TOWN, before, routes);

		// warm-up, one client per side; the API's round trips per report are read from pg_stat meanwhile.
		// Backends flush their statistics when idle, at the latest after 10 s: wait before and after.
		Thread.sleep(11_000);
		Stats start = Stats.of(db);
		Measure.Task apiWarm = bench.apiClient(0, 0, false);
		int warmErrors = 0;
		for (int k = 0; k < this.eventWarmup; k++) {
			try {
				apiWarm.run(k);
			}
			catch (Exception ex) {
				if (warmErrors++ == 0) {
					System.err.println("  warm-up error: " + ex);
				}
			}
		}
		if (warmErrors == this.eventWarmup && this.eventWarmup > 0) {
			throw new IllegalStateException("every event report of the warm-up failed");
		}
		Thread.sleep(11_000);
		String perReport = this.eventWarmup > 0 ? Stats.of(db).perCall(start, this.eventWarmup) : "–";
		try (Connection warm = connect()) {
			Measure.Task rawWarm = bench.rawClient(0, 0, warm);
			for (int k = 0; k < this.eventWarmup; k++) {
				rawWarm.run(k);
			}
		}

		for (int r = 0; r < this.eventClients.length; r++) {
			int clients = this.eventClients[r];
			// the API and the baseline get the same reports; each client count new ones
			int first = (r + 1) * 1_000_000;
			System.out.println("runner: event reporting, " + clients + " clients …");
			Measure.Load api = Measure.load(c -> bench.apiClient(c, first, true), clients, this.eventCount,
					this.budgetNanos);
			List<Connection> connections = new ArrayList<>();
			Measure.Load raw;
			try {
				raw = Measure.load(c -> {
					Connection connection = connect();
					synchronized (connections) {
						connections.add(connection);
					}
					return bench.rawClient(c, first, connection);
				}, clients, this.eventCount, this.budgetNanos);
			}
			finally {
				for (Connection connection : connections) {
					connection.close();
				}
			}
			EventRun eventRun = new EventRun(clients, api, raw);
			this.eventRuns.add(eventRun);
			System.out.println("  " + eventRun.markdown());
			if (api.throughput().errors() + raw.throughput().errors() > 0) {
				this.notes.add("event reporting, " + clients + " clients: " + api.throughput().errors()
						+ " API errors (first: " + api.latency().firstError() + "), " + raw.throughput().errors()
						+ " SQL errors (first: " + raw.latency().firstError() + ")");
			}
		}
		long after = EventBench.count(db, "select count(*) from event where " + townWhere);
		long flows = EventBench.count(db, "select count(*) from event_flow f join event e on e.id = f.event_id where e."
				+ townWhere);
		this.eventSetup = String.format(Locale.ROOT,
				"%d GRID_WORKER accounts created through the API, each its own session, in %d grids of the demo town "
						+ "%s; reports alternate %s; points inside the worker's grid; a fresh Idempotency-Key each. "
						+ "Per client count: the API run, then the raw run, each of up to %d events shared by the "
						+ "clients (or %d s); %d warm-up reports per side before the first. Town events: %d before, %d "
						+ "after (%d flow rows)",
				maxClients, bench.grids(), EventBench.DEMO_TOWN, routes, this.eventCount,
				this.budgetNanos / 1_000_000_000L, this.eventWarmup, before, after, flows);
		this.notes.add("event reporting, what one API report did in the database (pg_stat over the " + this.eventWarmup
				+ " sequential warm-up reports, whole database including background jobs "
				+ "such as the audit-chain sealer and scheduled-job locks, so approximate): " + perReport
				+ ". The baseline does "
				+ "2 transactions: the code number (the API's own upsert on event_code_sequence, in its own "
				+ "transaction as the API takes it) and then the event row with its 1 flow row (2 when the rule "
				+ "dispatches) in one transaction, on its own connection with autocommit off. The API beside it "
				+ "also reads and touches the JDBC session, checks the idempotency key, reads the category, the "
				+ "grid's lineage and every enabled routing rule, writes the audit record(s), looks up whom to "
				+ "notify, and answers with the full event detail (visibility check, the event read twice, flow, "
				+ "files, names, possible duplicates).");

		// list and detail over the data now in place, as the town's centre
		Api centre = bench.centre();
		String listPath = "/api/v1/events?page=1&size=20";
		String apiTotal = Api.field(Api.text(Api.expect(centre.get(listPath), 200, "GET " + listPath)), "total");
		long total = EventBench.count(db, "select count(*) from event where " + townWhere + " or region_path = '"
				+ bench.townPath() + "'");
		if (!String.valueOf(total).equals(apiTotal)) {
			this.notes.add("events list: the API's total " + apiTotal + " differs from the SQL count " + total);
		}
		measure("events list, page 1 of 20, town scope (CENTER_STAFF)",
				client -> i -> Api.expect(centre.get(listPath), 200, "events list"), bench::rawList,
				"20 of " + total + " events");

		List<Long> ids = bench.reportedIds(512);
		if (ids.isEmpty()) {
			this.notes.add("event detail: not measured, the API created no events");
			return;
		}
		EventBench.DetailReader reader = bench.rawDetail(db);
		long flowRows = 0;
		long duplicates = 0;
		for (int k = 0; k < ids.size(); k++) {
			int[] sizes = reader.read(ids.get(k));
			flowRows += sizes[0];
			duplicates += sizes[1];
			if (k < 5) {
				String body = Api.text(Api.expect(centre.get("/api/v1/events/" + ids.get(k)), 200, "event detail"));
				int apiFlow = EventBench.occurrences(body, "\"action\":");
				int apiDuplicates = EventBench.occurrences(body, "\"distanceMeters\":");
				if (apiFlow != sizes[0] || apiDuplicates != sizes[1]) {
					this.notes.add("event detail " + ids.get(k) + ": API " + apiFlow + " flow rows / " + apiDuplicates
							+ " duplicates, SQL " + sizes[0] + " / " + sizes[1]);
				}
			}
		}
		measure("event detail with flow and duplicates (CENTER_STAFF)",
				client -> i -> Api.expect(centre.get("/api/v1/events/" + ids.get(i % ids.size())), 200,
						"event detail"),
				connection -> {
					EventBench.DetailReader own = bench.rawDetail(connection);
					return i -> own.read(ids.get(i % ids.size()));
				}, String.format(Locale.ROOT, "1 event, %.1f flow rows, %.1f duplicates (mean of %d events)",
						flowRows / (double) ids.size(), duplicates / (double) ids.size(), ids.size()));
		this.notes.add("events list: the API counts the town's events and reads a page of 20 with the names of "
				+ "grids, units and assignees in separate queries; the baseline is the count and one page query "
				+ "joining the names, ordered by reported_at desc, id desc. Event detail: the baseline reads the "
				+ "event with its names and file ids, its flow with the targets' names, and the possible duplicates "
				+ "(open events of the category within 100 m and 72 h, the API's query): 3 queries; ids are "
				+ ids.size() + " events the API created, spread over the run.");
	}

	/**
	 * GPS track ingest: 500-point batches through {@code POST /api/v1/patrols/{id}/track}
	 * beside the same points written with COPY, one batch per transaction, with as many
	 * clients / connections.
	 */
	private void patrol(Connection db, Api admin, long run) throws Exception {
		int clients = this.patrolClients;
		int warm = this.patrolWarmup;
		int batches = this.patrolBatches;
		int perTrack = warm + batches;
		long budget = Math.max(8 * this.budgetNanos, 120_000_000_000L);
		PatrolBench bench = new PatrolBench(this.url, run, clients, perTrack);
		bench.prepare(db, admin, clients);
		for (int c = 0; c < clients; c++) {
			bench.startApi(db, c);
		}
		System.out.printf(Locale.ROOT, "runner: patrol: %d GRID_WORKER clients in %d grids of town %s, patrols %s, "
				+ "points from %s%n", clients, bench.grids(), EventBench.DEMO_TOWN,
				java.util.Arrays.toString(bench.apiPatrols()), bench.base());

		// warm-up: each client's first batches, one at a time; pg_stat meanwhile (see events)
		Thread.sleep(11_000);
		Stats start = Stats.of(db);
		for (int w = 0; w < warm; w++) {
			for (int c = 0; c < clients; c++) {
				bench.apiBatch(c, w);
			}
		}
		Thread.sleep(11_000);
		String perBatch = warm > 0 ? Stats.of(db).perCall(start, warm * clients) : "–";

		System.out.println("runner: patrol track ingest, " + clients + " clients, API …");
		Measure.Load api = Measure.loadEach(c -> i -> bench.apiBatch(c, warm + i), clients, batches, budget);
		System.out.printf(Locale.ROOT, "  API: %.0f points/s, batch %s ms%n", api.throughput().perSecond() * PatrolBench.BATCH,
				api.latency().cell());

		// the baseline: the same points, after the API run (its partitions are in place)
		List<String> partitions = bench.ensurePartitions(db, perTrack);
		for (int c = 0; c < clients; c++) {
			bench.startRaw(db, c);
		}
		List<Connection> connections = new ArrayList<>();
		Measure.Load raw;
		try {
			List<PatrolBench.BatchTask> tasks = new ArrayList<>();
			for (int c = 0; c < clients; c++) {
				Connection connection = connect();
				connections.add(connection);
				tasks.add(bench.rawClient(c, connection));
			}
			for (int w = 0; w < warm; w++) {
				for (PatrolBench.BatchTask task : tasks) {
					task.run(w);
				}
			}
			System.out.println("runner: patrol track ingest, " + clients + " connections, COPY …");
			raw = Measure.loadEach(c -> i -> tasks.get(c).run(warm + i), clients, batches, budget);
		}
		finally {
			for (Connection connection : connections) {
				connection.close();
			}
		}
		PatrolRun patrolRun = new PatrolRun(clients, api, raw);
		this.patrolRuns.add(patrolRun);
		System.out.println("  " + patrolRun.markdown());
		if (api.throughput().errors() + raw.throughput().errors() > 0) {
			this.notes.add("patrol track ingest: " + api.throughput().errors() + " API errors (first: "
					+ api.latency().firstError() + "), " + raw.throughput().errors() + " COPY errors (first: "
					+ raw.latency().firstError() + ")");
		}

		// what is stored: every point once per side, and the API's totals
		String apiIds = java.util.Arrays.stream(bench.apiPatrols()).mapToObj(String::valueOf)
			.collect(java.util.stream.Collectors.joining(","));
		String rawIds = java.util.Arrays.stream(bench.rawPatrols()).mapToObj(String::valueOf)
			.collect(java.util.stream.Collectors.joining(","));
		long apiPoints = EventBench.count(db, "select count(*) from patrol_track_point where patrol_id in (" + apiIds + ")");
		long rawPoints = EventBench.count(db, "select count(*) from patrol_track_point where patrol_id in (" + rawIds + ")");
		long apiTotals = EventBench.count(db, "select coalesce(sum(point_count), 0) from patrol where id in (" + apiIds + ")");
		long expectedApi = (long) PatrolBench.BATCH * (warm * clients + api.throughput().completed()
				- api.throughput().errors());
		long expectedRaw = (long) PatrolBench.BATCH * (warm * clients + raw.throughput().completed()
				- raw.throughput().errors());
		if (apiPoints != expectedApi || apiTotals != expectedApi || rawPoints != expectedRaw) {
			this.notes.add(String.format(Locale.ROOT, "patrol track ingest: stored %d points through the API (patrol "
					+ "totals %d), %d by COPY; expected %d and %d", apiPoints, apiTotals, rawPoints, expectedApi,
					expectedRaw));
		}
		this.patrolSetup = String.format(Locale.ROOT,
				"%d GRID_WORKER accounts created through the API, each its own session, in %d grids of the demo town "
						+ "%s; each starts one `%s` patrol in its grid (`POST /api/v1/patrols`) and uploads %d warm-up "
						+ "then %d timed batches of %d points (`POST /api/v1/patrols/{id}/track`, a unique batchKey "
						+ "each, times 1 s apart with offset +08:00 from %s, a walk inside the grid, accuracy 5, speed "
						+ "1.2); every receipt checked for `accepted` = %d. The baseline inserts one patrol row per "
						+ "client directly and writes the same points with `%s` through CopyManager, one COPY and one "
						+ "commit per batch, on as many connections (autocommit off), after the API run, with the same "
						+ "warm-up. Partitions: %s. Stored: %d points through the API (patrol totals %d), %d by COPY",
				clients, bench.grids(), EventBench.DEMO_TOWN, PatrolBench.DOMAIN, warm, batches, PatrolBench.BATCH,
				bench.base(), PatrolBench.BATCH, PatrolBench.COPY, String.join(", ", partitions), apiPoints,
				apiTotals, rawPoints);
		this.notes.add("patrol track ingest, what one API batch did in the database (pg_stat over the " + warm * clients
				+ " sequential warm-up batches, whole database, so approximate): " + perBatch + ". The API also reads "
				+ "and touches the session, parses and validates 500 points of JSON, checks the patrol's owner, locks "
				+ "the patrol row, looks the batch key up, inserts the points as one `insert … select from unnest(arrays) "
				+ "on conflict do nothing`, records the batch and updates the patrol's point count, in one transaction; "
				+ "the baseline is the COPY of the 500 rows and its commit.");
	}

	/**
	 * Crowd-flow ingest: 1,000-count batches through {@code POST /api/v1/special/crowd-flow}
	 * beside the same number of rows written with COPY, one batch per transaction, with as
	 * many clients / connections.
	 */
	private void crowd(Connection db, Api admin, long run) throws Exception {
		int clients = this.crowdClients;
		int warm = 2;
		int batches = this.crowdBatches;
		long budget = Math.max(8 * this.budgetNanos, 120_000_000_000L);
		CrowdBench bench = new CrowdBench(warm + batches);
		bench.prepare(db, admin, this.url, run);
		for (int w = 0; w < warm; w++) {
			for (int c = 0; c < clients; c++) {
				bench.apiBatch(c, w);
			}
		}
		System.out.println("runner: crowd-flow ingest, " + clients + " clients, API …");
		Measure.Load api = Measure.loadEach(c -> i -> bench.apiBatch(c, warm + i), clients, batches, budget);
		List<String> partitions = bench.ensurePartitions(db, clients);
		List<Connection> connections = new ArrayList<>();
		Measure.Load raw;
		try {
			List<PatrolBench.BatchTask> tasks = new ArrayList<>();
			for (int c = 0; c < clients; c++) {
				Connection connection = connect();
				connections.add(connection);
				tasks.add(bench.rawClient(c, connection));
			}
			for (int w = 0; w < warm; w++) {
				for (PatrolBench.BatchTask task : tasks) {
					task.run(w);
				}
			}
			System.out.println("runner: crowd-flow ingest, " + clients + " connections, COPY …");
			raw = Measure.loadEach(c -> i -> tasks.get(c).run(warm + i), clients, batches, budget);
		}
		finally {
			for (Connection connection : connections) {
				connection.close();
			}
		}
		CrowdRun crowdRun = new CrowdRun(clients, api, raw);
		this.crowdRuns.add(crowdRun);
		System.out.println("  " + crowdRun.markdown());
		if (api.throughput().errors() + raw.throughput().errors() > 0) {
			this.notes.add("crowd-flow ingest: " + api.throughput().errors() + " API errors (first: "
					+ api.latency().firstError() + "), " + raw.throughput().errors() + " COPY errors (first: "
					+ raw.latency().firstError() + ")");
		}
		long stored = EventBench.count(db, "select count(*) from crowd_count where bucket_start >= '"
				+ bench.apiBase() + "' and bucket_start < '" + bench.apiBase().plus(120, java.time.temporal.ChronoUnit.DAYS) + "'");
		this.crowdSetup = String.format(Locale.ROOT,
				"a city-wide CENTER_STAFF account created through the API posts %d warm-up then %d timed batches per "
						+ "client of %d counts (`gridCode`, `bucketStart` on a quarter hour, `people`) over the %d grids "
						+ "of the data set, every count a new grid-bucket (receipts checked for `accepted` = %d); the "
						+ "baseline writes the same number of rows with `%s` through CopyManager, one COPY and one commit "
						+ "per batch, on as many connections, into other months (partitions %s). Stored through the API: "
						+ "%d rows",
				warm, batches, CrowdBench.BATCH, bench.grids(), CrowdBench.BATCH, CrowdBench.COPY,
				String.join(", ", partitions), stored);
		this.notes.add("crowd-flow ingest: one API batch reads the session, parses 1,000 counts of JSON, resolves the "
				+ "grid codes in one query (scope-checked), reads the stored counts of the batch's grid-buckets in one "
				+ "query (to tell new, replaced and unchanged apart), makes the month's partition if missing and writes "
				+ "the rows as one `insert … select from unnest(arrays) on conflict do update`, in one transaction; the "
				+ "baseline is the COPY of the 1,000 rows and its commit.");
	}

	record CrowdRun(int clients, Measure.Load api, Measure.Load raw) {

		String markdown() {
			Measure.Latency a = this.api.latency();
			Measure.Latency r = this.raw.latency();
			double apiRows = this.api.throughput().perSecond() * CrowdBench.BATCH;
			double rawRows = this.raw.throughput().perSecond() * CrowdBench.BATCH;
			return String.format(Locale.ROOT, "| %d | %.0f | %.0f | %.3f | %s | %s | %s | %d / %d |", this.clients,
					apiRows, rawRows, apiRows / rawRows, a.cell(), r.cell(), EventRun.times(a.p50(), r.p50()),
					this.api.throughput().completed(), this.raw.throughput().completed());
		}

	}

	/** Database-wide counters from pg_stat, to tell what a batch of API calls did. */
	record Stats(long commits, Map<String, long[]> tables) {

		static Stats of(Connection db) throws SQLException {
			long commits;
			try (Statement statement = db.createStatement();
					ResultSet rs = statement.executeQuery(
							"select xact_commit from pg_stat_database where datname = current_database()")) {
				rs.next();
				commits = rs.getLong(1);
			}
			Map<String, long[]> tables = new java.util.TreeMap<>();
			try (Statement statement = db.createStatement();
					ResultSet rs = statement
						.executeQuery("select relname, n_tup_ins, n_tup_upd, n_tup_del from pg_stat_user_tables")) {
				while (rs.next()) {
					tables.put(rs.getString(1), new long[] { rs.getLong(2), rs.getLong(3), rs.getLong(4) });
				}
			}
			return new Stats(commits, tables);
		}

		/** Per call since {@code earlier}: transactions, and rows inserted / updated / deleted by table. */
		String perCall(Stats earlier, int calls) {
			StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "%.1f transactions",
					(this.commits - earlier.commits) / (double) calls));
			String[] verbs = { "inserted", "updated", "deleted" };
			for (int v = 0; v < verbs.length; v++) {
				StringBuilder rows = new StringBuilder();
				for (Map.Entry<String, long[]> table : this.tables.entrySet()) {
					long[] was = earlier.tables.getOrDefault(table.getKey(), new long[3]);
					long delta = table.getValue()[v] - was[v];
					if (delta > 0) {
						rows.append(rows.length() == 0 ? "" : ", ")
							.append(String.format(Locale.ROOT, "%s %.2f", table.getKey(), delta / (double) calls));
					}
				}
				if (rows.length() > 0) {
					out.append("; rows ").append(verbs[v]).append(": ").append(rows);
				}
			}
			return out.toString();
		}

	}

	private static void treeCall(Api api) throws Exception {
		Api.expect(api.get("/api/v1/regions/tree"), 200, "tree");
	}

	private static Measure.Task selectOne(Connection connection) throws SQLException {
		PreparedStatement query = connection.prepareStatement("select 1");
		return i -> {
			try (ResultSet rs = query.executeQuery()) {
				drain(rs, 1);
			}
		};
	}

	private static Measure.Task subtree(Connection connection, Target target) throws SQLException {
		return underPath(connection, SUBTREE, target);
	}

	private static Measure.Task gridsUnder(Connection connection, Target target) throws SQLException {
		return underPath(connection, GRIDS_UNDER, target);
	}

	/** A query over the region at a path and everything below it, as the API's does. */
	private static Measure.Task underPath(Connection connection, String sql, Target target) throws SQLException {
		PreparedStatement query = connection.prepareStatement(sql);
		return i -> {
			query.setString(1, target.path);
			query.setString(2, target.path + "/%");
			try (ResultSet rs = query.executeQuery()) {
				drain(rs, 6);
			}
		};
	}

	/** Reads every column of every row as a string, as a client would. */
	private static int drain(ResultSet rs, int columns) throws SQLException {
		int count = 0;
		while (rs.next()) {
			for (int c = 1; c <= columns; c++) {
				rs.getString(c);
			}
			count++;
		}
		return count;
	}

	/** A TOWN_LEADER scoped to the town. */
	private Api newUser(Api admin, String username, Target scope) throws Exception {
		return newUser(admin, this.url, username, scope.id, "TOWN_LEADER");
	}

	/**
	 * A user with one role scoped to a region, created through the API as admin, signed in
	 * and past the forced password change.
	 */
	static Api newUser(Api admin, String url, String username, long scopeRegionId, String role) throws Exception {
		HttpResponse<byte[]> created = Api.expect(admin.post("/api/v1/users",
				"{\"username\":\"" + username + "\",\"displayName\":\"基准用户 " + username + "\",\"scopeRegionId\":"
						+ scopeRegionId + ",\"roles\":[\"" + role + "\"]}"),
				201, "POST /api/v1/users");
		String temporary = Api.field(Api.text(created), "temporaryPassword");
		Api api = new Api(url);
		api.signIn(username, temporary, BENCH_PASSWORD);
		return api;
	}

	/**
	 * Fires {@code clients} simultaneous sign-ins of one account and counts the answers
	 * (a console and a phone signing in at once should both succeed).
	 */
	private Map<Integer, Integer> sameAccountProbe(String username) throws Exception {
		List<Api> apis = new ArrayList<>();
		for (int c = 0; c < this.clients; c++) {
			Api api = new Api(this.url);
			api.prime();
			apis.add(api);
		}
		Map<Integer, Integer> statuses = new java.util.TreeMap<>();
		java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
		List<Thread> threads = new ArrayList<>();
		for (Api api : apis) {
			Thread thread = new Thread(() -> {
				try {
					go.await();
					int status = api.login(username, BENCH_PASSWORD).statusCode();
					synchronized (statuses) {
						statuses.merge(status, 1, Integer::sum);
					}
				}
				catch (Exception ex) {
					synchronized (statuses) {
						statuses.merge(-1, 1, Integer::sum);
					}
				}
			});
			thread.start();
			threads.add(thread);
		}
		go.countDown();
		for (Thread thread : threads) {
			thread.join();
		}
		return statuses;
	}

	/**
	 * The baseline's own index: every grid boundary as a core {@code polygon} with a GiST
	 * index, built from the region table in SQL (no PostGIS). Coordinates are stored in
	 * micro-degrees (the stored precision, so exact integers): PostgreSQL's geometric
	 * operators compare with an absolute epsilon of 1e-6, which in plain degrees makes
	 * {@code @>} misjudge points in cells only 0.004° wide.
	 */
	private static int buildPolygonTable(Connection db) throws SQLException {
		try (Statement statement = db.createStatement()) {
			statement.execute("drop table if exists bench_grid_polygon");
			statement.execute("create unlogged table bench_grid_polygon as select r.id, ('(' || (select string_agg("
					+ "'(' || round((p ->> 0)::numeric * 1000000) || ',' || round((p ->> 1)::numeric * 1000000) || ')', ',' order by o) "
					+ "from json_array_elements(r.boundary::json -> 'coordinates' -> 0) with ordinality as e(p, o)) "
					+ "|| ')')::polygon as poly from region r "
					+ "where r.level = 'GRID' and r.boundary::json ->> 'type' = 'Polygon'");
			statement.execute("create index bench_grid_polygon_gist on bench_grid_polygon using gist (poly)");
			statement.execute("analyze bench_grid_polygon");
			try (ResultSet rs = statement.executeQuery("select count(*) from bench_grid_polygon")) {
				rs.next();
				return rs.getInt(1);
			}
		}
	}

	private static List<Grid> grids(Connection db) throws SQLException {
		List<Grid> grids = new ArrayList<>();
		try (Statement statement = db.createStatement();
				ResultSet rs = statement.executeQuery("select id, boundary from region where level = 'GRID' "
						+ "and boundary::json ->> 'type' = 'Polygon' order by id")) {
			while (rs.next()) {
				Matcher matcher = NUMBER.matcher(rs.getString(2));
				double[] corners = new double[8];
				int n = 0;
				while (n < 8 && matcher.find()) {
					corners[n++] = Double.parseDouble(matcher.group());
				}
				grids.add(new Grid(rs.getLong(1), corners));
			}
		}
		return grids;
	}

	private static Target target(Connection db, String where) throws SQLException {
		try (Statement statement = db.createStatement();
				ResultSet rs = statement.executeQuery("select id, path from region where " + where + " limit 1")) {
			if (!rs.next()) {
				throw new IllegalStateException("no region where " + where);
			}
			return new Target(rs.getLong(1), rs.getString(2));
		}
	}

	private static long count(Connection db, Target target) throws SQLException {
		return Long.parseLong(single(db, "select count(*) from region where path = '" + target.path
				+ "' or path like '" + target.path + "/%'"));
	}

	private static long gridCount(Connection db, Target target) throws SQLException {
		return Long.parseLong(single(db, "select count(*) from region where level = 'GRID' and path like '"
				+ target.path + "/%'"));
	}

	static String single(Connection db, String sql) throws SQLException {
		try (Statement statement = db.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
			rs.next();
			return rs.getString(1);
		}
	}

	/**
	 * The search box over the town's generated residents as its CENTER_STAFF: name
	 * fragments and address fragments among people, and the mix over all six types as the
	 * console's header box asks; beside each, the same lookup in plain SQL.
	 */
	private void search(Connection db, Api admin, long run) throws Exception {
		Target town = target(db, "code = '" + PeopleGenerator.townCode(db) + "'");
		long people = Long.parseLong(single(db, "select count(*) from bd_person where region_path like '" + town.path
				+ "/%'"));
		Api centre = newUser(admin, this.url, "benchsearch" + run, town.id, "CENTER_STAFF");
		double waited = SearchBench.awaitIndex(db, centre, town.path, 20);
		List<PeopleGenerator.Person> sample = SearchBench.sample(4000);
		List<String> names = SearchBench.nameFragments(sample, 1000);
		List<String> addresses = SearchBench.addressFragments(sample, 1000);
		List<String> mixed = new ArrayList<>();
		for (int k = 0; k < Math.min(names.size(), addresses.size()); k++) {
			mixed.add(names.get(k));
			mixed.add(addresses.get(k));
		}
		String answer = String.format(Locale.ROOT, "≤ 20 of %,d people", people);
		measure("search: name fragment (晓明), people", client -> i -> Api.expect(
				centre.get(SearchBench.url(names.get(i % names.size()), "people", 20)), 200, "search"),
				connection -> SearchBench.raw(connection, town.path, names), answer);
		measure("search: address fragment (金山路88号), people", client -> i -> Api.expect(
				centre.get(SearchBench.url(addresses.get(i % addresses.size()), "people", 20)), 200, "search"),
				connection -> SearchBench.raw(connection, town.path, addresses), answer);
		measure("search: name or address, all six types (header box)", client -> i -> Api.expect(
				centre.get(SearchBench.url(mixed.get(i % mixed.size()), null, 10)), 200, "search"),
				connection -> SearchBench.raw(connection, town.path, mixed), "≤ 10 per type");

		// answers: totals as SQL counts them, identifiers found by their keyed hash and opened again
		int mismatches = 0;
		List<String> checked = new ArrayList<>(names.subList(0, 25));
		checked.addAll(addresses.subList(0, 25));
		for (String q : checked) {
			if (SearchBench.apiTotal(centre, q) != SearchBench.sqlCount(db, town.path, q)) {
				mismatches++;
			}
		}
		PeopleGenerator.Person first = sample.get(0);
		String byId = Api.text(Api.expect(centre.post("/api/v1/search",
				"{\"q\":\"" + first.idNumber() + "\",\"types\":[\"people\"]}"), 200, "search by ID number"));
		String byPhone = Api.text(Api.expect(
				centre.post("/api/v1/search", "{\"q\":\"" + first.phone() + "\",\"types\":[\"people\"]}"), 200,
				"search by phone"));
		String id = Api.field(byId, "id");
		String unmasked = id == null ? ""
				: Api.text(centre.post("/api/v1/people/" + id + "/unmask", "{}"));
		boolean identifiers = byId.contains("\"total\":1,") && byId.contains("\"title\":\"" + first.name() + "\"")
				&& byPhone.contains("\"total\":1,") && byPhone.contains("\"id\":" + id + ",")
				&& unmasked.contains(first.idNumber()) && unmasked.contains(first.phone());
		this.notes.add(String.format(Locale.ROOT, "search: %,d generated residents in %d grids of town %s "
				+ "(PeopleGenerator, seed %d); the server built its index in the background after the restart, ready "
				+ "%.0f s after the runner began waiting%s. Queries: %d distinct name fragments, %d distinct address "
				+ "fragments, used in turn; the API runs as a CENTER_STAFF of the town (scope filter on), size 20 "
				+ "(people) or 10 per type (all six types; the other five are empty here, so their cost is the five "
				+ "extra index lookups). The baseline is `select id, name, id_masked, current_address, grid_id from "
				+ "bd_person where (name like '%%…%%' or current_address like '%%…%%') and region_path like "
				+ "'<town>/%%' limit 20` (no index helps `like '%%…%%'`: a scan until 20 rows are found, the whole "
				+ "town when fewer match); it neither counts nor ranks, the API does both and highlights.",
				people, gridCount(db, town), PeopleGenerator.townCode(db), Generator.SEED, waited,
				SearchBench.buildLog(this.serverLog), names.size(), addresses.size()));
		this.notes.add("search answers: API people total = SQL count for " + (checked.size() - mismatches) + " of "
				+ checked.size() + " queries; exact lookup of a generated ID number and phone through POST "
				+ "/api/v1/search found exactly that resident, and unmask returned the same identifiers: "
				+ (identifiers ? "yes (sealed and hashed as the server does)" : "NO"));
	}

	/**
	 * The town's people list and grid profiles as the town's CENTER_STAFF sees them, over
	 * the generated residents (the data of the search benchmark).
	 */
	private void baseData(Connection db, Api admin, long run) throws Exception {
		Target town = target(db, "code = '" + PeopleGenerator.townCode(db) + "'");
		Api centre = newUser(admin, this.url, "benchbasedata" + run, town.id, "CENTER_STAFF");
		long people = Long.parseLong(
				single(db, "select count(*) from bd_person where region_path like '" + town.path + "/%'"));
		List<Long> gridIds = new ArrayList<>();
		List<String> gridPaths = new ArrayList<>();
		try (Statement statement = db.createStatement();
				ResultSet rs = statement.executeQuery("select id, path from region where level = 'GRID' and path like '"
						+ town.path + "/%' order by id")) {
			while (rs.next()) {
				gridIds.add(rs.getLong(1));
				gridPaths.add(rs.getString(2));
			}
		}
		measure("people list: a page of 20 of the town, with its total", client -> i -> Api.expect(
				centre.get("/api/v1/people?size=20&page=" + (i % 50 + 1)), 200, "people list"),
				connection -> BaseDataBench.rawPeoplePage(connection, town.path),
				String.format(Locale.ROOT, "20 of %,d people", people));
		measure("grid profile: tallies, key people, workers, recent events", client -> i -> Api.expect(
				centre.get("/api/v1/grids/" + gridIds.get(i % gridIds.size()) + "/profile"), 200, "grid profile"),
				connection -> BaseDataBench.rawGridTallies(connection, gridPaths),
				String.format(Locale.ROOT, "%d grids, about %,d people each", gridIds.size(),
						people / Math.max(1, gridIds.size())));
		this.notes.add("basedata: the people list's baseline is its count and page query; the grid profile's is only "
				+ "its three people tallies (count, by household type, by key group), while the API also counts houses, "
				+ "places, organisations, things and disputes, lists key people, workers and recent events and "
				+ "reads the boundary.");
	}

	/**
	 * The town's party members, activities and statistics as its CENTER_STAFF sees them,
	 * over a generated party of {@code --party-members} members (default 20,000) and a
	 * year of {@code --party-activities} activities (default 10,000).
	 */
	private void party(Connection db, Api admin, long run) throws Exception {
		Target town = target(db, "code = '" + PeopleGenerator.townCode(db) + "'");
		Api centre = newUser(admin, this.url, "benchparty" + run, town.id, "CENTER_STAFF");
		long reporter = Long.parseLong(single(db, "select id from app_user where username = 'benchparty" + run + "'"));
		long members = PartyBench.generate(db, town, this.partyMembers, this.partyActivities, reporter);
		measure("party members list: a page of 20 of the town, with its total",
				client -> i -> Api.expect(centre.get("/api/v1/party/members?size=20&page=" + (i % 50 + 1)), 200,
						"party members"),
				connection -> PartyBench.rawMembersPage(connection, town.path),
				String.format(Locale.ROOT, "20 of %,d members", members));
		measure("party activities list: a page of 20 of the town, with its total",
				client -> i -> Api.expect(centre.get("/api/v1/party/activities?size=20&page=" + (i % 50 + 1)), 200,
						"party activities"),
				connection -> PartyBench.rawActivitiesPage(connection, town.path),
				String.format(Locale.ROOT, "20 of %,d activities", this.partyActivities));
		measure("party statistics of the town (last 12 months)",
				client -> i -> Api.expect(centre.get("/api/v1/party/stats?regionId=" + town.id), 200, "party stats"),
				connection -> PartyBench.rawStats(connection, town.path),
				String.format(Locale.ROOT, "%,d members, %,d activities", members, this.partyActivities));
		this.notes.add("party: the lists' baselines are their count and page queries; the statistics' baseline is "
				+ "five of its queries (member totals, by status, activities by type and month, participation per "
				+ "organisation), while the API also counts organisations by type, the grids without an organisation "
				+ "and the figures per community.");
	}

	/**
	 * Token issue and a read with a bearer token against the same read with a session
	 * (issue 16): 4 clients a side, each timed call under that concurrency.
	 */
	private void tokens(Connection db, Api admin, long run) throws Exception {
		Target town = target(db, "code = '" + EventBench.DEMO_TOWN + "'");
		TokenBench bench = TokenBench.register(admin, run, town.id);
		int clients = 4;
		List<Api> machines = TokenBench.plain(this.url, clients);
		List<Api> people = new ArrayList<>();
		for (int c = 0; c < clients; c++) {
			people.add(newUser(admin, this.url, "benchtok" + run + "c" + c, town.id, "CENTER_STAFF"));
		}
		List<String> tokens = new ArrayList<>();
		for (Api machine : machines) {
			tokens.add(bench.token(machine));
		}
		for (int w = 0; w < 100; w++) {
			TokenBench.bearerRead(machines.get(w % clients), tokens.get(w % clients));
			TokenBench.sessionRead(people.get(w % clients));
		}
		long budget = Math.max(this.budgetNanos, 30_000_000_000L);
		System.out.println("runner: token issue, " + clients + " clients …");
		Measure.Load issue = Measure.load(c -> i -> bench.token(machines.get(c)), clients, 400, budget);
		System.out.println("runner: reads with a bearer token and with a session, " + clients + " clients each …");
		Measure.Load bearer = Measure.load(c -> i -> TokenBench.bearerRead(machines.get(c), tokens.get(c)), clients,
				4000, budget);
		Measure.Load session = Measure.load(c -> i -> TokenBench.sessionRead(people.get(c)), clients, 4000, budget);
		this.tokenSection = TokenBench.markdown(clients, issue, bearer, session);
		System.out.print(this.tokenSection);
	}

	/** IoT telemetry through HTTP and MQTT against COPY ({@code --mqtt} names the broker). */
	private void iot(Connection db, Api admin, long run) throws Exception {
		IotBench bench = new IotBench();
		bench.prepare(db);
		Target town = target(db, "code = '" + EventBench.DEMO_TOWN + "'");
		List<Api> clients = new ArrayList<>();
		for (int c = 0; c < 4; c++) {
			clients.add(newUser(admin, this.url, "benchiot" + run + "c" + c, town.id, "CENTER_STAFF"));
		}
		int perClient = 1500;
		System.out.println("runner: iot messages over HTTP, " + clients.size() + " clients …");
		double http = bench.http(clients, perClient);
		int mqttTotal = 6000;
		double mqtt = 0;
		if (this.mqtt != null) {
			System.out.println("runner: iot messages over MQTT (" + this.mqtt + ") …");
			mqtt = bench.mqtt(db, this.mqtt, mqttTotal);
		}
		int copyTotal = 6000;
		double copy;
		try (Connection connection = connect()) {
			copy = bench.copy(connection, copyTotal);
		}
		this.iotSection = IotBench.markdown(bench.devices(), clients.size(), perClient, mqttTotal, copyTotal, http,
				mqtt, copy);
		System.out.print(this.iotSection);
	}

	/**
	 * Utility readings ingest (水电煤气): batches of 2,000 readings through
	 * {@code POST /api/v1/special/utility-readings} against COPY of the same rows into the
	 * same partitioned table, on as many clients as connections, in the same run. Both
	 * sides warm up on 10 batches a client first (the server's JSON and ingest path is
	 * compiled by then).
	 */
	private void utility(Connection db, Api admin, long run) throws Exception {
		int clients = 2;
		int warm = 10;
		int batches = 30;
		long budget = Math.max(4 * this.budgetNanos, 120_000_000_000L);
		Target town = target(db, "code = '" + EventBench.DEMO_TOWN + "'");
		UtilityBench bench = new UtilityBench(run, clients, warm + batches);
		bench.prepare(db, town.path, warm + batches);
		List<Api> centres = new ArrayList<>();
		for (int c = 0; c < clients; c++) {
			centres.add(newUser(admin, this.url, "benchutil" + run + "c" + c, town.id, "CENTER_STAFF"));
		}
		for (int w = 0; w < warm; w++) {
			for (int c = 0; c < clients; c++) {
				bench.apiBatch(centres.get(c), c, w);
			}
		}
		System.out.println("runner: utility readings ingest, " + clients + " clients, API …");
		Measure.Load api = Measure.loadEach(c -> i -> bench.apiBatch(centres.get(c), c, warm + i), clients, batches,
				budget);
		List<Connection> connections = new ArrayList<>();
		Measure.Load raw;
		try {
			for (int c = 0; c < clients; c++) {
				Connection connection = connect();
				connection.setAutoCommit(false);
				connections.add(connection);
			}
			for (int w = 0; w < warm; w++) {
				for (int c = 0; c < clients; c++) {
					UtilityBench.copyBatch(connections.get(c), bench.copyText(c, w));
				}
			}
			System.out.println("runner: utility readings ingest, " + clients + " connections, COPY …");
			raw = Measure.loadEach(c -> i -> UtilityBench.copyBatch(connections.get(c), bench.copyText(c, warm + i)),
					clients, batches, budget);
		}
		finally {
			for (Connection connection : connections) {
				connection.close();
			}
		}
		double apiRate = api.throughput().perSecond() * UtilityBench.BATCH;
		double rawRate = raw.throughput().perSecond() * UtilityBench.BATCH;
		long apiRows = EventBench.count(db, "select count(*) from utility_reading r join utility_meter m on m.id = r.meter_id"
				+ " where m.meter_number like '" + bench.apiNumberPattern() + "'");
		long rawRows = EventBench.count(db, "select count(*) from utility_reading where meter_id in ("
				+ java.util.Arrays.stream(bench.rawMeterIds()).mapToObj(String::valueOf)
					.collect(java.util.stream.Collectors.joining(","))
				+ ")");
		StringBuilder out = new StringBuilder();
		out.append("\n## Utility readings ingest: POST /api/v1/special/utility-readings vs COPY of the same rows\n\n");
		out.append(String.format(Locale.ROOT, "- %d clients (CENTER_STAFF of town %s) and %d connections; %d warm-up "
				+ "and up to %d timed batches each of %,d hourly interval readings (%d electricity meters × %d hours, "
				+ "from %s); the API side checks every reading (meter in scope, time, value), looks up the readings "
				+ "already stored at those hours (for cumulative counts also the neighbouring ones), then stores the "
				+ "batch by COPY inside its transaction; COPY writes the same rows (usage given) into the "
				+ "same monthly partitions, one transaction per batch.%n", clients, EventBench.DEMO_TOWN,
				clients, warm, batches, UtilityBench.BATCH, UtilityBench.METERS_PER_CLIENT,
				UtilityBench.HOURS_PER_BATCH, bench.base()));
		out.append(String.format(Locale.ROOT, "- stored: %,d readings through the API, %,d by COPY; errors: API %d, COPY %d%n%n",
				apiRows, rawRows, api.throughput().errors(), raw.throughput().errors()));
		out.append("| side | batches | readings/s | batch p50 / p95 / p99 ms |\n|---|---|---|---|\n");
		out.append(String.format(Locale.ROOT, "| API | %d | %,.0f | %s |%n", api.throughput().completed(), apiRate,
				api.latency().cell()));
		out.append(String.format(Locale.ROOT, "| COPY | %d | %,.0f | %s |%n", raw.throughput().completed(), rawRate,
				raw.latency().cell()));
		out.append(String.format(Locale.ROOT, "%n**Ratio API / COPY: %.2f** (goal ≥ 0.25)%n", apiRate / rawRate));
		this.utilitySection = out.toString();
		System.out.print(this.utilitySection);
		if (api.throughput().errors() > 0) {
			this.notes.add("utility ingest: first API error: " + api.latency().firstError());
		}
	}

	private Connection connect() throws SQLException {
		return DriverManager.getConnection(this.jdbc, this.dbUser, "");
	}

	private void report(Map<String, Long> levels, String pgVersion, int polygons, double polygonMillis, int grids)
			throws Exception {
		StringBuilder out = new StringBuilder();
		out.append("# GovGrid benchmark: ").append(this.scale).append(" scale, ")
			.append(LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")))
			.append("\n\n");
		out.append("- Data: ").append(levels).append(" (generator seed ").append(Generator.SEED).append(")\n");
		out.append("- Machine: ").append(Runtime.getRuntime().availableProcessors())
			.append(" cores shared by server, PostgreSQL and this runner; runner on Java ")
			.append(System.getProperty("java.version"))
			.append("; load average (1/5/15 min) ")
			.append(this.loadBefore)
			.append(" at start, ")
			.append(loadAverage())
			.append(" at end")
			.append("\n");
		out.append("- PostgreSQL: ").append(pgVersion).append('\n');
		out.append("- Server: ").append(this.url).append(serverFacts()).append('\n');
		out.append(String.format(Locale.ROOT,
				"- Baseline index: `bench_grid_polygon`, %d core `polygon`s with a GiST index, built from the region "
						+ "table in %.0f ms at start of run%n",
				polygons, polygonMillis));
		out.append(String.format(Locale.ROOT,
				"- Latency: %d warm-up calls, then up to %d sequential calls (or %d s, at least 30 calls) per side; "
						+ "throughput: %d clients sharing up to %d calls (or %d s)%n",
				this.warmup, this.iterations, this.budgetNanos / 1_000_000_000L, this.clients, this.concurrentRequests,
				this.budgetNanos / 2_000_000_000L));
		out.append("- ratio = API p50 / raw PG p50 (1.0 = no overhead over the database work itself)\n\n");
		out.append("| operation | answer | API p50 / p95 / p99 ms | raw PG p50 / p95 / p99 ms | ratio (p50) | "
				+ "API req/s (" + this.clients + " clients) | raw PG q/s (" + this.clients + " conns) | samples API / PG |\n");
		out.append("|---|---|---|---|---|---|---|---|\n");
		for (Row row : this.rows) {
			out.append(row.markdown()).append('\n');
		}
		if (!this.eventRuns.isEmpty()) {
			out.append("\n## Event reporting: POST /api/v1/events vs the same rows inserted with JDBC\n\n");
			out.append("- ").append(this.eventSetup).append('\n');
			out.append("- Latencies are those of every call in the concurrent run (queueing included); "
					+ "ratios are API / raw: below 1 for throughput, above 1 for latency\n\n");
			out.append("| clients | API events/s | raw JDBC events/s | throughput API / raw | API p50 / p95 / p99 ms "
					+ "| raw p50 / p95 / p99 ms | p50 API / raw | p95 API / raw | events API / raw |\n");
			out.append("|---|---|---|---|---|---|---|---|---|\n");
			for (EventRun eventRun : this.eventRuns) {
				out.append(eventRun.markdown()).append('\n');
			}
		}
		if (this.dashboardSection != null) {
			out.append(this.dashboardSection);
		}
		if (this.iotSection != null) {
			out.append(this.iotSection);
		}
		if (this.suggestSection != null) {
			out.append(this.suggestSection);
		}
		if (this.tokenSection != null) {
			out.append(this.tokenSection);
		}
		if (this.utilitySection != null) {
			out.append(this.utilitySection);
		}
		if (!this.patrolRuns.isEmpty()) {
			out.append("\n## Patrol track ingest: POST /api/v1/patrols/{id}/track vs COPY of the same points\n\n");
			out.append("- ").append(this.patrolSetup).append('\n');
			out.append("- Latencies are per 500-point batch, every batch of the concurrent run (queueing included); "
					+ "ratios are API / raw: below 1 for throughput, above 1 for latency\n\n");
			out.append("| clients | API points/s | COPY points/s | throughput API / raw | API batch p50 / p95 / p99 ms "
					+ "| COPY batch p50 / p95 / p99 ms | p50 API / raw | p95 API / raw | batches API / raw |\n");
			out.append("|---|---|---|---|---|---|---|---|---|\n");
			for (PatrolRun patrolRun : this.patrolRuns) {
				out.append(patrolRun.markdown()).append('\n');
			}
		}
		if (!this.crowdRuns.isEmpty()) {
			out.append("\n## Crowd-flow ingest: POST /api/v1/special/crowd-flow vs COPY of the same rows\n\n");
			out.append("- ").append(this.crowdSetup).append('\n');
			out.append("- Latencies are per 1,000-count batch; ratios are API / raw\n\n");
			out.append("| clients | API counts/s | COPY rows/s | throughput API / raw | API batch p50 / p95 / p99 ms "
					+ "| COPY batch p50 / p95 / p99 ms | p50 API / raw | batches API / raw |\n");
			out.append("|---|---|---|---|---|---|---|---|\n");
			for (CrowdRun crowdRun : this.crowdRuns) {
				out.append(crowdRun.markdown()).append('\n');
			}
		}
		if (!this.notes.isEmpty()) {
			out.append("\nNotes:\n\n");
			for (String note : this.notes) {
				out.append("- ").append(note).append('\n');
			}
		}
		System.out.println();
		System.out.println(out);
		Files.createDirectories(this.results);
		String only = this.ops.equals(java.util.Set.of(ALL_OPS.split(","))) ? ""
				: "-" + String.join("+", new java.util.TreeSet<>(this.ops));
		Path file = this.results.resolve(LocalDate.now() + "-" + this.scale + only + ".md");
		Files.writeString(file, out.toString(), StandardCharsets.UTF_8);
		System.out.println("runner: written " + file.toAbsolutePath());
	}

	/** The first three fields of /proc/loadavg (Linux), else "?". */
	private static String loadAverage() {
		try {
			String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
			return fields[0] + " / " + fields[1] + " / " + fields[2];
		}
		catch (Exception ex) {
			return "?";
		}
	}

	/** Start-up facts from the server log, when given. */
	private String serverFacts() {
		if (this.serverLog == null) {
			return "";
		}
		try {
			String index = null;
			String started = null;
			for (String line : Files.readAllLines(Path.of(this.serverLog), StandardCharsets.UTF_8)) {
				Matcher indexed = Pattern.compile("Grid index rebuilt with \\d+ grids").matcher(line);
				Matcher up = Pattern.compile("Started \\w+ in [\\d.]+ seconds").matcher(line);
				if (indexed.find()) {
					index = indexed.group();
				}
				if (up.find()) {
					started = up.group();
				}
			}
			return started == null ? "" : " (last start: " + started + (index == null ? "" : "; " + index) + ")";
		}
		catch (Exception ex) {
			return "";
		}
	}

	record Target(long id, String path) {
	}

	/** A grid and its first four ring corners (a convex quadrilateral for generated grids). */
	record Grid(long id, double[] corners) {

		/** Bilinear point of the quad; inside for convex quads and u, v in (0, 1). */
		double[] pointAt(double u, double v) {
			double[] c = this.corners;
			double lon = (1 - u) * (1 - v) * c[0] + u * (1 - v) * c[2] + u * v * c[4] + (1 - u) * v * c[6];
			double lat = (1 - u) * (1 - v) * c[1] + u * (1 - v) * c[3] + u * v * c[5] + (1 - u) * v * c[7];
			return new double[] { lon, lat };
		}

	}

	/** One event-reporting run: the API and the baseline with the same number of clients. */
	record EventRun(int clients, Measure.Load api, Measure.Load raw) {

		String markdown() {
			Measure.Latency a = this.api.latency();
			Measure.Latency r = this.raw.latency();
			return String.format(Locale.ROOT, "| %d | %.1f | %.0f | %.3f | %s | %s | %s | %s | %d / %d |", this.clients,
					this.api.throughput().perSecond(), this.raw.throughput().perSecond(),
					this.api.throughput().perSecond() / this.raw.throughput().perSecond(), a.cell(), r.cell(),
					times(a.p50(), r.p50()), times(a.p95(), r.p95()), this.api.throughput().completed(),
					this.raw.throughput().completed());
		}

		private static String times(double api, double raw) {
			return raw > 0 ? String.format(Locale.ROOT, "%.1f×", api / raw) : "–";
		}

	}

	/** One track-ingest run: the API and COPY with the same number of clients and batches. */
	record PatrolRun(int clients, Measure.Load api, Measure.Load raw) {

		String markdown() {
			Measure.Latency a = this.api.latency();
			Measure.Latency r = this.raw.latency();
			double apiPoints = this.api.throughput().perSecond() * PatrolBench.BATCH;
			double rawPoints = this.raw.throughput().perSecond() * PatrolBench.BATCH;
			return String.format(Locale.ROOT, "| %d | %.0f | %.0f | %.3f | %s | %s | %s | %s | %d / %d |", this.clients,
					apiPoints, rawPoints, apiPoints / rawPoints, a.cell(), r.cell(), EventRun.times(a.p50(), r.p50()),
					EventRun.times(a.p95(), r.p95()), this.api.throughput().completed(),
					this.raw.throughput().completed());
		}

	}

	record Row(String name, String answer, Measure.Latency api, Measure.Latency pg, Measure.Throughput apiThroughput,
			Measure.Throughput pgThroughput) {

		String markdown() {
			String ratio = this.pg.p50() > 0 ? String.format(Locale.ROOT, "%.1f×", this.api.p50() / this.pg.p50())
					: "–";
			return String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %.0f | %.0f | %d / %d |", this.name,
					this.answer, this.api.cell(), this.pg.cell(), ratio, this.apiThroughput.perSecond(),
					this.pgThroughput.perSecond(), this.api.samples(), this.pg.samples());
		}

	}

}
