package org.govgrid.bench;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Queue;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.regex.Matcher;

/**
 * Event reporting (事件上报): grid workers of the first demo town report events through
 * {@code POST /api/v1/events}, each client its own GRID_WORKER account and session, half
 * of them in a category whose routing rule dispatches by itself ({@code CSGL-01} → 城管),
 * half in one that waits at the centre with a suggested department ({@code HJWS-01});
 * beside the same rows written with plain JDBC, one transaction per event, on as many
 * connections. Both sides get the same sequence of reports per client (category, point
 * inside the worker's grid, texts).
 */
final class EventBench {

	/** The first demo town: the one with departments and routing rules (DemoData). */
	static final String DEMO_TOWN = "320505006";

	/** Alternating: auto-dispatched, waiting. */
	static final String[] CATEGORIES = { "CSGL-01", "HJWS-01" };

	/** Event codes count days in Suzhou (EventCodes.LOCAL). */
	private static final ZoneId LOCAL = ZoneId.of("Asia/Shanghai");

	/** The API's own statement (EventCodes): each number in its own short transaction. */
	static final String NEXT_CODE = "insert into event_code_sequence (day, last) values (?, 1) "
			+ "on conflict (day) do update set last = event_code_sequence.last + 1 returning last";

	/** The API's own statement (EventRepository.insert). */
	static final String INSERT_EVENT = """
			insert into event (code, title, description, category_code, level, source, reporter_id, reporter_name,
			    reporter_phone, lon, lat, address, grid_id, community_id, town_id, region_path, status, handling_level,
			    unit_kind, unit_id, assignee_id, suggested_unit_kind, suggested_unit_id, routing_rule_id,
			    acceptance_minutes, disposal_minutes, reported_at, accepted_at, acceptance_deadline, dispatched_at,
			    disposal_deadline, closed_at, self_handled, result, flag, idempotency_key)
			values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, null, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, null,
			    false, null, 'NONE', ?)
			on conflict (reporter_id, idempotency_key) where idempotency_key is not null do nothing
			returning id""";

	static final String INSERT_FLOW = """
			insert into event_flow (event_id, action, from_status, to_status, actor_id, actor_name, at, comment,
			    target_kind, target_id)
			values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";

	/** The deadline running now, as the API's lists show it. */
	private static final String DEADLINE = "(case when e.status = 'REPORTED' and e.accepted_at is null then "
			+ "e.acceptance_deadline when e.status in ('DISPATCHED', 'IN_PROGRESS') then e.disposal_deadline end)";

	/** Names of the grid, the holding unit and the assignee, joined in. */
	private static final String NAMES = """
			join event_category c on c.code = e.category_code
			join region g on g.id = e.grid_id
			left join department ud on e.unit_kind = 'DEPARTMENT' and ud.id = e.unit_id
			left join region ur on e.unit_kind <> 'DEPARTMENT' and ur.id = e.unit_id
			left join app_user a on a.id = e.assignee_id""";

	private static final String ITEM_COLUMNS = "e.id, e.code, e.title, e.description, e.category_code, c.name, e.level, "
			+ "e.source, e.status, e.reporter_name, e.reporter_phone, e.reported_at, e.address, e.lon, e.lat, e.grid_id, "
			+ "g.name, e.unit_kind, e.unit_id, coalesce(ud.name, ur.name), e.assignee_id, a.display_name, " + DEADLINE
			+ ", e.flag, e.handling_level";

	static final int ITEM_COLUMN_COUNT = 25;

	/** Page 1 of 20 in the town, newest first: the count and the page with its names. */
	static final String LIST_COUNT = "select count(*) from event e where (e.region_path = ? or e.region_path like ?)";

	static final String LIST_PAGE = "select " + ITEM_COLUMNS + " from event e " + NAMES
			+ " where (e.region_path = ? or e.region_path like ?) order by e.reported_at desc, e.id desc limit 20";

	/** Detail, 1 of 3: the event with every column, the names and its attached files' ids. */
	static final String DETAIL_EVENT = "select " + ITEM_COLUMNS + ", e.region_path, e.acceptance_deadline, "
			+ "e.disposal_deadline, e.accepted_at, e.dispatched_at, e.closed_at, e.self_handled, e.merged_into, e.score, "
			+ "e.evaluation, e.result, e.supervisions, e.suggested_unit_kind, e.suggested_unit_id, "
			+ "coalesce(sd.name, sr.name), e.version, array(select f.id from stored_file f where f.owner_type = 'event' "
			+ "and f.owner_id = e.id order by f.id) from event e " + NAMES + """

			left join department sd on e.suggested_unit_kind = 'DEPARTMENT' and sd.id = e.suggested_unit_id
			left join region sr on e.suggested_unit_kind <> 'DEPARTMENT' and sr.id = e.suggested_unit_id
			where e.id = ? and (e.region_path = ? or e.region_path like ?)""";

	static final int DETAIL_COLUMN_COUNT = ITEM_COLUMN_COUNT + 17;

	/** Detail, 2 of 3: the flow with the target units' names. */
	static final String DETAIL_FLOW = """
			select f.id, f.action, f.from_status, f.to_status, f.actor_id, f.actor_name, f.at, f.comment, f.file_ids,
			    f.target_kind, f.target_id, coalesce(d.name, r.name)
			from event_flow f
			left join department d on f.target_kind = 'DEPARTMENT' and d.id = f.target_id
			left join region r on f.target_kind <> 'DEPARTMENT' and r.id = f.target_id
			where f.event_id = ? order by f.id""";

	/**
	 * Detail, 3 of 3: possible duplicates, open events of the category within 100 m and
	 * 72 h in the caller's scope (the API's query).
	 */
	static final String DETAIL_DUPLICATES = """
			select * from (
			    select e.id, e.code, e.title, e.status, e.reported_at,
			        2 * 6371000 * asin(sqrt(power(sin(radians(e.lat - ?) / 2), 2)
			            + cos(radians(?)) * cos(radians(e.lat)) * power(sin(radians(e.lon - ?) / 2), 2))) as metres
			    from event e
			    where e.category_code = ? and e.id <> ? and e.status not in ('CLOSED', 'REJECTED')
			      and e.reported_at between ? and ?
			      and e.lat between ? and ? and e.lon between ? and ?
			      and (e.region_path = ? or e.region_path like ?)
			) near where metres <= 100 order by metres, id""";

	private final String url;

	private final long run;

	/** The town's id and path. */
	private long townId;

	private String townPath;

	private final List<Worker> workers = new ArrayList<>();

	private final List<Route> routes = new ArrayList<>();

	/** Ids of events the API created, for the detail benchmark. */
	private final Queue<Long> reported = new ConcurrentLinkedQueue<>();

	private Api centre;

	EventBench(String url, long run) {
		this.url = url;
		this.run = run;
	}

	/**
	 * Finds the demo town, its grids and routing rules, and creates {@code clients}
	 * GRID_WORKER accounts (client c in the town's grid c mod n) and one CENTER_STAFF of
	 * the town through the admin API, each signed in past the forced password change.
	 */
	void prepare(Connection db, Api admin, int clients) throws Exception {
		try (PreparedStatement query = db.prepareStatement("select id, path from region where code = ?")) {
			query.setString(1, DEMO_TOWN);
			try (ResultSet rs = query.executeQuery()) {
				if (!rs.next()) {
					throw new IllegalStateException("demo town " + DEMO_TOWN + " not found (demo profile?)");
				}
				this.townId = rs.getLong(1);
				this.townPath = rs.getString(2);
			}
		}
		List<Place> grids = new ArrayList<>();
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
					grids.add(new Place(new Runner.Grid(rs.getLong(1), corners), rs.getString(2), rs.getString(3),
							rs.getLong(4)));
				}
			}
		}
		if (grids.isEmpty()) {
			throw new IllegalStateException("no grids in the demo town " + DEMO_TOWN);
		}
		for (String category : CATEGORIES) {
			this.routes.add(route(db, category));
		}
		for (int c = 0; c < clients; c++) {
			Place grid = grids.get(c % grids.size());
			String username = "benchworker" + this.run + "x" + (c + 1);
			Api api = Runner.newUser(admin, this.url, username, grid.grid().id(), "GRID_WORKER");
			try (PreparedStatement query = db
				.prepareStatement("select id, display_name from app_user where username = ?")) {
				query.setString(1, username);
				try (ResultSet rs = query.executeQuery()) {
					rs.next();
					this.workers.add(new Worker(api, rs.getLong(1), rs.getString(2), grid));
				}
			}
		}
		this.centre = Runner.newUser(admin, this.url, "benchcentre" + this.run, this.townId, "CENTER_STAFF");
	}

	/** The demo rule of the category's 大类 in the town; both must name a department. */
	private Route route(Connection db, String category) throws SQLException {
		try (PreparedStatement query = db.prepareStatement("""
				select r.id, r.target_kind, r.department_id, r.acceptance_minutes, r.disposal_minutes, r.auto_dispatch,
				    c.default_level, c.name
				from event_category c join routing_rule r on r.category_code = c.parent_code
				where c.code = ? and r.region_id = ? and r.enabled and r.level is null
				order by r.priority desc, r.id limit 1""")) {
			query.setString(1, category);
			query.setLong(2, this.townId);
			try (ResultSet rs = query.executeQuery()) {
				if (!rs.next() || !"DEPARTMENT".equals(rs.getString(2))) {
					throw new IllegalStateException("no department routing rule for " + category + " in the demo town");
				}
				return new Route(category, rs.getString(8), rs.getString(7), rs.getLong(1), rs.getLong(3),
						rs.getInt(4), rs.getInt(5), rs.getBoolean(6));
			}
		}
	}

	Api centre() {
		return this.centre;
	}

	String townPath() {
		return this.townPath;
	}

	List<Route> routes() {
		return this.routes;
	}

	int grids() {
		return (int) this.workers.stream().map(w -> w.place().grid().id()).distinct().count();
	}

	/** Up to {@code max} ids the API created, spread over the run. */
	List<Long> reportedIds(int max) {
		List<Long> all = new ArrayList<>(this.reported);
		List<Long> sample = new ArrayList<>();
		int step = Math.max(1, all.size() / Math.max(1, max));
		for (int k = 0; k < all.size() && sample.size() < max; k += step) {
			sample.add(all.get(k));
		}
		return sample;
	}

	/** Report number {@code k} of client {@code c}: the same on both sides. */
	Report report(int c, int k) {
		Worker worker = this.workers.get(c);
		Route route = this.routes.get(k % this.routes.size());
		Random random = new Random(Generator.SEED + ((long) c << 32) + k);
		double[] point = worker.place().grid().pointAt(0.1 + 0.8 * random.nextDouble(), 0.1 + 0.8 * random.nextDouble());
		// the JSON carries 7 decimals; the baseline stores the same values
		point[0] = Math.round(point[0] * 1e7) / 1e7;
		point[1] = Math.round(point[1] * 1e7) / 1e7;
		String description = route.categoryName() + "：基准测试上报，客户端 " + (c + 1) + " 第 " + (k + 1) + " 条，"
				+ "位于" + worker.place().name() + "，请尽快处置。";
		String address = "狮山街道基准路 " + (random.nextInt(500) + 1) + " 号";
		String phone = String.format(Locale.ROOT, "1380013%04d", Math.floorMod(c * 97 + k, 10_000));
		return new Report(worker, route, description, point[0], point[1], address, phone);
	}

	/**
	 * One client of the API: its worker's session, a fresh Idempotency-Key per report,
	 * reports {@code first}, {@code first + 1}, ... of client {@code c}.
	 */
	Measure.Task apiClient(int c, int first, boolean keepIds) {
		int[] next = { first };
		return i -> {
			Report report = report(c, next[0]++);
			HttpResponse<byte[]> response = report.worker().api().post("/api/v1/events", report.json(),
					"Idempotency-Key", UUID.randomUUID().toString());
			Api.expect(response, 201, "POST /api/v1/events");
			String body = Api.text(response);
			String status = Api.field(body, "status");
			if (!report.route().status().equals(status)) {
				throw new IllegalStateException("reported " + report.route().category() + " answered status " + status
						+ ", expected " + report.route().status());
			}
			if (keepIds) {
				this.reported.add(Long.parseLong(Api.field(body, "id")));
			}
		};
	}

	/**
	 * One client of the baseline on its own connection (autocommit off): the next code
	 * number in its own short transaction, as the API takes it, then the event and its flow
	 * (1 row, 2 when dispatched by the rule) in one transaction.
	 */
	Measure.Task rawClient(int c, int first, Connection connection) throws SQLException {
		connection.setAutoCommit(false);
		PreparedStatement nextCode = connection.prepareStatement(NEXT_CODE);
		PreparedStatement insertEvent = connection.prepareStatement(INSERT_EVENT);
		PreparedStatement insertFlow = connection.prepareStatement(INSERT_FLOW);
		int[] next = { first };
		return i -> {
			Report report = report(c, next[0]++);
			try {
				insertRaw(report, connection, nextCode, insertEvent, insertFlow);
			}
			catch (SQLException | RuntimeException ex) {
				connection.rollback();
				throw ex;
			}
		};
	}

	private void insertRaw(Report report, Connection connection, PreparedStatement nextCode,
			PreparedStatement insertEvent, PreparedStatement insertFlow) throws SQLException {
		Instant now = Instant.now();
		LocalDate day = now.atZone(LOCAL).toLocalDate();
		nextCode.setObject(1, day);
		int number;
		try (ResultSet rs = nextCode.executeQuery()) {
			rs.next();
			number = rs.getInt(1);
		}
		connection.commit();
		String code = "SJ" + day.format(DateTimeFormatter.BASIC_ISO_DATE) + String.format(Locale.ROOT, "%06d", number);

		Route route = report.route();
		Worker worker = report.worker();
		Timestamp at = Timestamp.from(now);
		Timestamp acceptanceDeadline = Timestamp.from(now.plusSeconds(60L * route.acceptanceMinutes()));
		Timestamp disposalDeadline = Timestamp.from(now.plusSeconds(60L * route.disposalMinutes()));
		int p = 1;
		insertEvent.setString(p++, code);
		insertEvent.setString(p++, report.title());
		insertEvent.setString(p++, report.description());
		insertEvent.setString(p++, route.category());
		insertEvent.setString(p++, route.level());
		insertEvent.setString(p++, "GRID_WORKER");
		insertEvent.setLong(p++, worker.userId());
		insertEvent.setString(p++, worker.displayName());
		insertEvent.setString(p++, report.phone());
		insertEvent.setDouble(p++, report.lon());
		insertEvent.setDouble(p++, report.lat());
		insertEvent.setString(p++, report.address());
		insertEvent.setLong(p++, worker.place().grid().id());
		insertEvent.setLong(p++, worker.place().communityId());
		insertEvent.setLong(p++, this.townId);
		insertEvent.setString(p++, worker.place().path());
		insertEvent.setString(p++, route.status());
		insertEvent.setString(p++, route.autoDispatch() ? "DEPARTMENT" : "TOWN");
		insertEvent.setString(p++, route.autoDispatch() ? "DEPARTMENT" : "TOWN_CENTRE");
		insertEvent.setLong(p++, route.autoDispatch() ? route.departmentId() : this.townId);
		// the rule's department is suggested while the event waits at the centre
		insertEvent.setString(p++, route.autoDispatch() ? null : "DEPARTMENT");
		insertEvent.setObject(p++, route.autoDispatch() ? null : route.departmentId());
		insertEvent.setLong(p++, route.ruleId());
		insertEvent.setInt(p++, route.acceptanceMinutes());
		insertEvent.setInt(p++, route.disposalMinutes());
		insertEvent.setTimestamp(p++, at);
		insertEvent.setTimestamp(p++, route.autoDispatch() ? at : null);
		insertEvent.setTimestamp(p++, acceptanceDeadline);
		insertEvent.setTimestamp(p++, route.autoDispatch() ? at : null);
		insertEvent.setTimestamp(p++, route.autoDispatch() ? disposalDeadline : null);
		insertEvent.setString(p++, UUID.randomUUID().toString());
		long id;
		try (ResultSet rs = insertEvent.executeQuery()) {
			if (!rs.next()) {
				throw new IllegalStateException("idempotency key clash");
			}
			id = rs.getLong(1);
		}
		flow(insertFlow, id, "report", null, "REPORTED", worker.userId(), worker.displayName(), at, null,
				"TOWN_CENTRE", this.townId);
		if (route.autoDispatch()) {
			flow(insertFlow, id, "dispatch", "REPORTED", "DISPATCHED", null, "system", at,
					"自动派遣（流转规则 #" + route.ruleId() + "） / dispatched by routing rule #" + route.ruleId(),
					"DEPARTMENT", route.departmentId());
		}
		insertFlow.executeBatch();
		connection.commit();
	}

	private static void flow(PreparedStatement insert, long eventId, String action, String from, String to,
			Long actorId, String actorName, Timestamp at, String comment, String targetKind, long targetId)
			throws SQLException {
		insert.setLong(1, eventId);
		insert.setString(2, action);
		insert.setString(3, from);
		insert.setString(4, to);
		insert.setObject(5, actorId);
		insert.setString(6, actorName);
		insert.setTimestamp(7, at);
		insert.setString(8, comment);
		insert.setString(9, targetKind);
		insert.setLong(10, targetId);
		insert.addBatch();
	}

	/** The list page as plain SQL in the centre's scope (town). */
	Measure.Task rawList(Connection connection) throws SQLException {
		PreparedStatement count = connection.prepareStatement(LIST_COUNT);
		PreparedStatement page = connection.prepareStatement(LIST_PAGE);
		return i -> {
			for (PreparedStatement statement : List.of(count, page)) {
				statement.setString(1, this.townPath);
				statement.setString(2, this.townPath + "/%");
			}
			try (ResultSet rs = count.executeQuery()) {
				rs.next();
				rs.getLong(1);
			}
			try (ResultSet rs = page.executeQuery()) {
				drain(rs, ITEM_COLUMN_COUNT);
			}
		};
	}

	/**
	 * The detail as plain SQL: the event with its names, its flow with the targets' names,
	 * and the possible duplicates. Returns the sizes it read.
	 */
	DetailReader rawDetail(Connection connection) throws SQLException {
		PreparedStatement event = connection.prepareStatement(DETAIL_EVENT);
		PreparedStatement flow = connection.prepareStatement(DETAIL_FLOW);
		PreparedStatement duplicates = connection.prepareStatement(DETAIL_DUPLICATES);
		return id -> {
			event.setLong(1, id);
			event.setString(2, this.townPath);
			event.setString(3, this.townPath + "/%");
			String category;
			double lon;
			double lat;
			Timestamp reportedAt;
			try (ResultSet rs = event.executeQuery()) {
				if (!rs.next()) {
					throw new IllegalStateException("no event " + id);
				}
				for (int c = 1; c <= DETAIL_COLUMN_COUNT; c++) {
					rs.getString(c);
				}
				category = rs.getString(5);
				reportedAt = rs.getTimestamp(12);
				lon = rs.getDouble(14);
				lat = rs.getDouble(15);
			}
			flow.setLong(1, id);
			int flowRows;
			try (ResultSet rs = flow.executeQuery()) {
				flowRows = drain(rs, 12);
			}
			double dLat = 100 / 111_000.0 * 1.1;
			double dLon = 100 / (111_000.0 * Math.cos(Math.toRadians(lat))) * 1.1;
			int p = 1;
			duplicates.setDouble(p++, lat);
			duplicates.setDouble(p++, lat);
			duplicates.setDouble(p++, lon);
			duplicates.setString(p++, category);
			duplicates.setLong(p++, id);
			duplicates.setTimestamp(p++, Timestamp.from(reportedAt.toInstant().minusSeconds(72 * 3600L)));
			duplicates.setTimestamp(p++, Timestamp.from(reportedAt.toInstant().plusSeconds(72 * 3600L)));
			duplicates.setDouble(p++, lat - dLat);
			duplicates.setDouble(p++, lat + dLat);
			duplicates.setDouble(p++, lon - dLon);
			duplicates.setDouble(p++, lon + dLon);
			duplicates.setString(p++, this.townPath);
			duplicates.setString(p++, this.townPath + "/%");
			int duplicateRows;
			try (ResultSet rs = duplicates.executeQuery()) {
				duplicateRows = drain(rs, 6);
			}
			return new int[] { flowRows, duplicateRows };
		};
	}

	/** Reads one event's detail; answers {flow rows, duplicates}. */
	interface DetailReader {

		int[] read(long id) throws SQLException;

	}

	/** How many times {@code needle} occurs in {@code text}. */
	static int occurrences(String text, String needle) {
		int count = 0;
		for (int at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + needle.length())) {
			count++;
		}
		return count;
	}

	static long count(Connection db, String sql) throws SQLException {
		try (Statement statement = db.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
			rs.next();
			return rs.getLong(1);
		}
	}

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

	/** A grid of the demo town, with its name, path and community. */
	record Place(Runner.Grid grid, String name, String path, long communityId) {
	}

	/** A GRID_WORKER account, signed in, and the grid it reports in. */
	record Worker(Api api, long userId, String displayName, Place place) {
	}

	/** The demo routing rule a category falls under, and what it makes of a report. */
	record Route(String category, String categoryName, String level, long ruleId, long departmentId,
			int acceptanceMinutes, int disposalMinutes, boolean autoDispatch) {

		String status() {
			return this.autoDispatch ? "DISPATCHED" : "REPORTED";
		}

	}

	/** One report, as the API gets it and as the baseline stores it. */
	record Report(Worker worker, Route route, String description, double lon, double lat, String address,
			String phone) {

		/** The title the API derives from the description (its first 40 characters). */
		String title() {
			String flat = this.description.strip().replaceAll("\\s+", " ");
			return flat.length() <= 40 ? flat : flat.substring(0, 40) + "…";
		}

		String json() {
			return String.format(Locale.ROOT,
					"{\"categoryCode\":\"%s\",\"description\":\"%s\",\"lon\":%.7f,\"lat\":%.7f,\"address\":\"%s\","
							+ "\"source\":\"GRID_WORKER\",\"reporterPhone\":\"%s\"}",
					this.route.category(), Api.json(this.description), this.lon, this.lat, Api.json(this.address),
					this.phone);
		}

	}

}
