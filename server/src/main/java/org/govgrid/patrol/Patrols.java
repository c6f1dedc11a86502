package org.govgrid.patrol;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.govgrid.audit.AuditRecord;
import org.govgrid.audit.AuditTrail;
import org.govgrid.event.EventIntake;
import org.govgrid.identity.Directory;
import org.govgrid.patrol.model.Patrol;
import org.govgrid.patrol.model.PatrolStatus;
import org.govgrid.platform.ConflictException;
import org.govgrid.platform.FieldErrors;
import org.govgrid.platform.NotFoundException;
import org.govgrid.platform.PageQuery;
import org.govgrid.platform.PageResponse;
import org.govgrid.platform.ScopeFilter;
import org.govgrid.platform.ScopedPrincipal;
import org.govgrid.region.RegionService;
import org.govgrid.region.RegionSummary;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A worker's patrols. A worker sees their own; a grid chief their community's, the centre
 * and leaders their town's (anything else is 404). Track batches are idempotent by their
 * key and may arrive late, out of order or twice (a phone syncing after a dead zone); the
 * totals follow the stored points.
 */
@Service
class Patrols {

	static final int MAX_BATCH = 500;

	/** How far a point may precede the patrol's start (phone clocks differ). */
	static final Duration CLOCK_SKEW_BEFORE_START = Duration.ofMinutes(5);

	/** How far a point may lie in the server's future. */
	static final Duration CLOCK_SKEW_AHEAD = Duration.ofMinutes(1);

	/** Scopes deeper than a community (a grid) see only their own patrols. */
	private static final int COMMUNITY_DEPTH = 4;

	private final NamedParameterJdbcTemplate jdbc;

	private final TrackStore tracks;

	private final RegionService regions;

	private final Directory directory;

	private final EventIntake events;

	private final AuditTrail audit;

	private final Clock clock;

	private final TransactionTemplate transaction;

	private final ApplicationEventPublisher publisher;

	Patrols(NamedParameterJdbcTemplate jdbc, TrackStore tracks, RegionService regions, Directory directory,
			EventIntake events, AuditTrail audit, Clock clock, PlatformTransactionManager transactions,
			ApplicationEventPublisher publisher) {
		this.jdbc = jdbc;
		this.tracks = tracks;
		this.regions = regions;
		this.directory = directory;
		this.events = events;
		this.audit = audit;
		this.clock = clock;
		this.transaction = new TransactionTemplate(transactions);
		this.publisher = publisher;
	}

	List<Domain> domains() {
		Map<String, Domain> domains = new LinkedHashMap<>();
		this.jdbc.query("""
				select d.code as domain_code, d.name as domain_name, i.code, i.name, i.category_code
				from patrol_domain d left join patrol_item i on i.domain_code = d.code
				where d.enabled order by d.sort_order, i.sort_order""", rs -> {
			Domain domain = domains.computeIfAbsent(rs.getString("domain_code"),
					code -> new Domain(code, nameOf(rs), new ArrayList<>()));
			if (rs.getString("code") != null) {
				domain.items().add(new Item(rs.getString("code"), rs.getString("name"), rs.getString("category_code")));
			}
		});
		return List.copyOf(domains.values());
	}

	private static String nameOf(java.sql.ResultSet rs) {
		try {
			return rs.getString("domain_name");
		}
		catch (java.sql.SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	PatrolView start(StartCommand command, ScopedPrincipal worker) {
		FieldErrors errors = new FieldErrors();
		boolean domainKnown = command.domainCode() != null
				&& domains().stream().anyMatch(d -> d.code().equals(command.domainCode()));
		if (!domainKnown) {
			errors.add("domainCode", "no such patrol domain / 巡查领域不存在");
		}
		RegionSummary grid = gridOf(command.lon(), command.lat(), worker, errors);
		errors.throwIfAny();
		Instant now = this.clock.instant();
		Long id = this.transaction.execute(status -> {
			Long created = this.jdbc.queryForObject(
					"""
							insert into patrol (worker_id, domain_code, grid_id, region_path, status, started_at, start_lon, start_lat)
							values (:worker, :domain, :grid, :path, :status, :now, :lon, :lat) returning id""",
					new MapSqlParameterSource("worker", worker.userId()).addValue("domain", command.domainCode())
						.addValue("status", Patrol.started().status().name())
						.addValue("grid", grid.id())
						.addValue("path", grid.path())
						.addValue("now", java.sql.Timestamp.from(now))
						.addValue("lon", command.lon())
						.addValue("lat", command.lat()),
					Long.class);
			this.audit.record(AuditRecord.success("PATROL_START", "patrol", created, command.domainCode()));
			return created;
		});
		return view(id, worker);
	}

	TrackReceipt track(long id, TrackBatch batch, ScopedPrincipal worker) {
		PatrolRow patrol = own(id, worker);
		List<Track.Point> points = validate(batch, patrol.startedAt());
		return this.transaction.execute(status -> {
			MapSqlParameterSource key = new MapSqlParameterSource("id", id).addValue("key", batch.batchKey());
			// the row lock on the patrol orders concurrent batches of one patrol, so a
			// key
			// sent twice at once is seen by the second
			this.jdbc.update("update patrol set version = version + 1 where id = :id", key);
			List<Integer> earlier = this.jdbc.queryForList(
					"select accepted from patrol_track_batch where patrol_id = :id and batch_key = :key", key,
					Integer.class);
			if (!earlier.isEmpty()) {
				int total = this.jdbc.queryForObject("select point_count from patrol where id = :id", key,
						Integer.class);
				return new TrackReceipt(batch.batchKey(), earlier.get(0), total, true);
			}
			int accepted = this.tracks.insert(id, points);
			this.jdbc.update("insert into patrol_track_batch (patrol_id, batch_key, accepted) values (:id, :key, :n)",
					key.addValue("n", accepted));
			int total = this.jdbc.queryForObject(
					"update patrol set point_count = point_count + :n where id = :id returning point_count", key,
					Integer.class);
			if (patrol.lifecycle().totalsFixed()) {
				// a late batch from a phone that was offline: the totals follow
				recompute(id);
			}
			return new TrackReceipt(batch.batchKey(), accepted, total, false);
		});
	}

	PatrolView item(long id, ItemCommand command, ScopedPrincipal worker) {
		PatrolRow patrol = own(id, worker);
		FieldErrors errors = new FieldErrors();
		Item item = domains().stream()
			.filter(d -> d.code().equals(patrol.domainCode()))
			.flatMap(d -> d.items().stream())
			.filter(i -> i.code().equals(command.itemCode()))
			.findFirst()
			.orElse(null);
		if (item == null) {
			errors.add("itemCode", "no such item in this patrol's checklist / 该巡查领域没有此检查项");
		}
		if (!"NORMAL".equals(command.result()) && !"PROBLEM".equals(command.result())) {
			errors.add("result", "NORMAL or PROBLEM / 请选择正常或有问题");
		}
		boolean problem = "PROBLEM".equals(command.result());
		if (problem && (command.comment() == null || command.comment().isBlank())) {
			errors.add("comment", "describe the problem / 请描述发现的问题");
		}
		if (command.comment() != null && command.comment().length() > 1000) {
			errors.add("comment", "at most 1000 characters / 最多1000个字符");
		}
		errors.throwIfAny();
		Long eventId = null;
		if (problem) {
			double lon = command.lon() != null ? command.lon() : patrol.startLon();
			double lat = command.lat() != null ? command.lat() : patrol.startLat();
			eventId = this.events.reportByGridWorker(new EventIntake.Report(item.categoryCode(), "巡查发现：" + item.name(),
					command.comment(), lon, lat,
					command.address() == null || command.address().isBlank()
							? "巡查点位 " + String.format("%.6f, %.6f", lon, lat) : command.address(),
					command.fileIds()), "patrol-" + id + "-" + item.code(), worker);
		}
		Long linked = eventId;
		this.transaction.executeWithoutResult(status -> {
			int inserted = this.jdbc.update(
					"""
							insert into patrol_item_result (patrol_id, item_code, result, comment, lon, lat, event_id, recorded_at)
							values (:id, :item, :result, :comment, :lon, :lat, :event, :now)
							on conflict (patrol_id, item_code) do nothing""",
					new MapSqlParameterSource("id", id).addValue("item", item.code())
						.addValue("result", command.result())
						.addValue("comment", command.comment())
						.addValue("lon", command.lon())
						.addValue("lat", command.lat())
						.addValue("event", linked)
						.addValue("now", java.sql.Timestamp.from(this.clock.instant())));
			if (inserted == 0 && !sameResult(id, item.code(), command.result())) {
				throw new ConflictException("this item is already recorded / 该检查项已记录");
			}
		});
		return view(id, worker);
	}

	/**
	 * A phone replaying its queue sends the same answer again: that is the answer already
	 * kept.
	 */
	private boolean sameResult(long patrolId, String itemCode, String result) {
		return result.equals(this.jdbc.queryForObject(
				"select result from patrol_item_result where patrol_id = :id and item_code = :item",
				new MapSqlParameterSource("id", patrolId).addValue("item", itemCode), String.class));
	}

	PatrolView finish(long id, Position end, ScopedPrincipal worker) {
		PatrolRow patrol = own(id, worker);
		FieldErrors errors = new FieldErrors();
		if (end == null || end.lon() == null || end.lon() < -180 || end.lon() > 180) {
			errors.add("lon", "a longitude is required / 请提供经度");
		}
		if (end == null || end.lat() == null || end.lat() < -90 || end.lat() > 90) {
			errors.add("lat", "a latitude is required / 请提供纬度");
		}
		errors.throwIfAny();
		Patrol lifecycle = patrol.lifecycle();
		PatrolStatus from = lifecycle.status();
		lifecycle.finish();
		Instant now = this.clock.instant();
		this.transaction.executeWithoutResult(status -> {
			// the condition on the old status keeps a concurrent finish from counting
			// twice
			int updated = this.jdbc.update("""
					update patrol set status = :to, finished_at = :now, end_lon = :lon, end_lat = :lat,
					    version = version + 1
					where id = :id and status = :from""",
					new MapSqlParameterSource("id", id).addValue("now", java.sql.Timestamp.from(now))
						.addValue("to", lifecycle.status().name())
						.addValue("from", from.name())
						.addValue("lon", end.lon())
						.addValue("lat", end.lat()));
			if (updated != 1) {
				throw new ConflictException("the patrol is already finished / 巡查已结束");
			}
			recompute(id);
			this.audit.record(AuditRecord.success("PATROL_FINISH", "patrol", id, null));
			PatrolFinished finished = this.jdbc.queryForObject("""
					select id, worker_id, grid_id, region_path, domain_code, started_at, finished_at, duration_seconds,
					       distance_meters
					from patrol where id = :id""", new MapSqlParameterSource("id", id),
					(rs, n) -> new PatrolFinished(rs.getLong("id"), rs.getLong("worker_id"), rs.getLong("grid_id"),
							rs.getString("region_path"), rs.getString("domain_code"),
							rs.getTimestamp("started_at").toInstant(), rs.getTimestamp("finished_at").toInstant(),
							rs.getLong("duration_seconds"), rs.getDouble("distance_meters")));
			this.publisher.publishEvent(finished);
		});
		return view(id, worker);
	}

	PatrolView view(long id, ScopedPrincipal caller) {
		PatrolRow patrol = visible(id, caller);
		List<Track.Point> points = this.tracks.points(id);
		Track track = new Track(points);
		Instant end = patrol.finishedAt() != null ? patrol.finishedAt() : this.clock.instant();
		double distance = patrol.distanceMeters() != null ? patrol.distanceMeters() : track.distanceMetres();
		long duration = patrol.durationSeconds() != null ? patrol.durationSeconds()
				: Duration.between(patrol.startedAt(), end).toSeconds();
		List<ItemResult> items = this.jdbc.query("""
				select r.item_code, i.name, r.result, r.comment, r.event_id, e.code as event_code, r.recorded_at
				from patrol_item_result r join patrol_item i on i.code = r.item_code
				left join event e on e.id = r.event_id
				where r.patrol_id = :id order by i.sort_order""", new MapSqlParameterSource("id", id),
				(rs, n) -> new ItemResult(rs.getString("item_code"), rs.getString("name"), rs.getString("result"),
						rs.getString("comment"), rs.getObject("event_id", Long.class), rs.getString("event_code"),
						rs.getTimestamp("recorded_at").toInstant()));
		int itemsTotal = domains().stream()
			.filter(d -> d.code().equals(patrol.domainCode()))
			.mapToInt(d -> d.items().size())
			.sum();
		List<double[]> coordinates = points.stream().map(p -> new double[] { p.lon(), p.lat() }).toList();
		List<Instant> times = points.stream().map(Track.Point::time).toList();
		return new PatrolView(patrol.id(), patrol.workerId(),
				this.directory.userNames(List.of(patrol.workerId())).get(patrol.workerId()), patrol.domainCode(),
				domainName(patrol.domainCode()), patrol.gridId(),
				this.regions.namesOf(List.of(patrol.gridId())).get(patrol.gridId()), patrol.status(),
				patrol.startedAt(), patrol.finishedAt(), new Position(patrol.startLon(), patrol.startLat()),
				patrol.endLon() == null ? null : new Position(patrol.endLon(), patrol.endLat()), distance, duration,
				points.size(), items.size(), itemsTotal, items, new LineString("LineString", coordinates), times);
	}

	PageResponse<PatrolSummary> list(Filter filter, PageQuery paging, ScopedPrincipal caller) {
		Pageable page = paging.toPageable(Sort.unsorted());
		MapSqlParameterSource params = new MapSqlParameterSource();
		StringBuilder where = new StringBuilder(visibleTo(caller, params));
		if (filter.workerId() != null) {
			where.append(" and p.worker_id = :workerId");
			params.addValue("workerId", filter.workerId());
		}
		if (filter.gridId() != null) {
			where.append(" and p.grid_id = :gridId");
			params.addValue("gridId", filter.gridId());
		}
		if (filter.domainCode() != null && !filter.domainCode().isBlank()) {
			where.append(" and p.domain_code = :domainCode");
			params.addValue("domainCode", filter.domainCode());
		}
		if (filter.date() != null) {
			where.append(" and p.started_at >= :day and p.started_at < :nextDay");
			Instant day = filter.date().atStartOfDay(java.time.ZoneId.of("Asia/Shanghai")).toInstant();
			params.addValue("day", java.sql.Timestamp.from(day))
				.addValue("nextDay", java.sql.Timestamp.from(day.plus(Duration.ofDays(1))));
		}
		Long total = this.jdbc.queryForObject("select count(*) from patrol p where " + where, params, Long.class);
		params.addValue("limit", page.getPageSize()).addValue("offset", page.getOffset());
		List<PatrolSummary> items = this.jdbc.query("""
				select p.*, u.display_name, d.name as domain_name, g.name as grid_name,
				    (select count(*) from patrol_item_result r where r.patrol_id = p.id) as items_done
				from patrol p join app_user u on u.id = p.worker_id join patrol_domain d on d.code = p.domain_code
				join region g on g.id = p.grid_id
				where """ + " " + where + " order by p.started_at desc, p.id desc limit :limit offset :offset", params,
				(rs, n) -> new PatrolSummary(rs.getLong("id"), rs.getLong("worker_id"), rs.getString("display_name"),
						rs.getString("domain_code"), rs.getString("domain_name"), rs.getLong("grid_id"),
						rs.getString("grid_name"), rs.getString("status"), rs.getTimestamp("started_at").toInstant(),
						Optional.ofNullable(rs.getTimestamp("finished_at"))
							.map(java.sql.Timestamp::toInstant)
							.orElse(null),
						rs.getObject("distance_meters", Double.class), rs.getObject("duration_seconds", Long.class),
						rs.getInt("point_count"), rs.getInt("items_done")));
		return new PageResponse<>(items, total == null ? 0 : total, page.getPageNumber() + 1, page.getPageSize());
	}

	private void recompute(long id) {
		Track track = new Track(this.tracks.points(id));
		this.jdbc.update("""
				update patrol set distance_meters = :distance,
				    duration_seconds = extract(epoch from finished_at - started_at)::bigint,
				    point_count = (select count(*) from patrol_track_point where patrol_id = :id)
				where id = :id and status = 'FINISHED'""",
				new MapSqlParameterSource("id", id).addValue("distance", track.distanceMetres()));
	}

	/**
	 * Points must lie in the patrol's window, from a little before its start (a phone's
	 * clock runs ahead or behind) to now: any other time would inflate its duration and
	 * distance, and land in a month nobody patrolled.
	 */
	private List<Track.Point> validate(TrackBatch batch, Instant startedAt) {
		FieldErrors errors = new FieldErrors();
		if (batch.batchKey() == null || batch.batchKey().isBlank() || batch.batchKey().length() > 100) {
			errors.add("batchKey", "1–100 characters / 批次键长度须为1–100");
		}
		List<PointCommand> raw = batch.points() == null ? List.of() : batch.points();
		if (raw.isEmpty() || raw.size() > MAX_BATCH) {
			errors.add("points", "1 to " + MAX_BATCH + " points / 每批1–500个点");
		}
		Instant earliest = startedAt.minus(CLOCK_SKEW_BEFORE_START);
		Instant latest = this.clock.instant().plus(CLOCK_SKEW_AHEAD);
		List<Track.Point> points = new ArrayList<>();
		for (int i = 0; i < raw.size() && raw.size() <= MAX_BATCH; i++) {
			PointCommand p = raw.get(i);
			String at = "points[" + i + "].";
			Instant time = null;
			try {
				time = p.time() == null ? null : OffsetDateTime.parse(p.time()).toInstant();
			}
			catch (DateTimeParseException ex) {
				// named below
			}
			if (time == null) {
				errors.add(at + "time", "ISO-8601 with offset / 须为带时区的时间");
			}
			else if (time.isBefore(earliest) || time.isAfter(latest)) {
				errors.add(at + "time", "between 5 minutes before the patrol's start and now / 须在巡查开始前5分钟至当前时间之间");
				time = null;
			}
			if (p.lon() == null || p.lon() < -180 || p.lon() > 180) {
				errors.add(at + "lon", "-180 to 180 / 经度无效");
			}
			if (p.lat() == null || p.lat() < -90 || p.lat() > 90) {
				errors.add(at + "lat", "-90 to 90 / 纬度无效");
			}
			if (p.accuracy() != null && p.accuracy() < 0) {
				errors.add(at + "accuracy", "not negative / 精度不能为负");
			}
			if (p.speed() != null && p.speed() < 0) {
				errors.add(at + "speed", "not negative / 速度不能为负");
			}
			if (time != null && p.lon() != null && p.lat() != null) {
				points.add(new Track.Point(time, p.lon(), p.lat(), p.accuracy(), p.speed()));
			}
		}
		errors.throwIfAny();
		return points;
	}

	private RegionSummary gridOf(Double lon, Double lat, ScopedPrincipal worker, FieldErrors errors) {
		if (lon == null || lon < -180 || lon > 180 || lat == null || lat < -90 || lat > 90) {
			errors.add("lon", "a position is required / 请提供开始位置");
			return null;
		}
		RegionSummary grid = this.regions.gridAt(lon, lat).filter(g -> worker.scope().covers(g.path())).orElse(null);
		if (grid == null) {
			errors.add("lon", "the position is outside your grids / 开始位置不在您的网格内");
		}
		return grid;
	}

	/** Only the worker who patrols writes to the patrol. */
	private PatrolRow own(long id, ScopedPrincipal worker) {
		return find(id, "p.worker_id = :me", new MapSqlParameterSource("me", worker.userId()));
	}

	private PatrolRow visible(long id, ScopedPrincipal caller) {
		MapSqlParameterSource params = new MapSqlParameterSource();
		return find(id, visibleTo(caller, params), params);
	}

	private static String visibleTo(ScopedPrincipal caller, MapSqlParameterSource params) {
		params.addValue("me", caller.userId());
		String path = caller.scope().path();
		int depth = path.isEmpty() ? 0 : path.split("/").length;
		if (depth > COMMUNITY_DEPTH) {
			return "p.worker_id = :me";
		}
		if (path.isEmpty()) {
			return "true";
		}
		return "(p.worker_id = :me or " + ScopeFilter.of(caller.scope(), "p.region_path").addTo(params) + ")";
	}

	private PatrolRow find(long id, String condition, MapSqlParameterSource params) {
		return this.jdbc
			.query("select * from patrol p where p.id = :id and " + condition, params.addValue("id", id),
					(rs, n) -> new PatrolRow(rs.getLong("id"), rs.getLong("worker_id"), rs.getString("domain_code"),
							rs.getLong("grid_id"), rs.getString("status"), rs.getTimestamp("started_at").toInstant(),
							Optional.ofNullable(rs.getTimestamp("finished_at"))
								.map(java.sql.Timestamp::toInstant)
								.orElse(null),
							rs.getDouble("start_lon"), rs.getDouble("start_lat"), rs.getObject("end_lon", Double.class),
							rs.getObject("end_lat", Double.class), rs.getObject("distance_meters", Double.class),
							rs.getObject("duration_seconds", Long.class), rs.getInt("point_count")))
			.stream()
			.findFirst()
			.orElseThrow(() -> new NotFoundException("patrol", id));
	}

	private String domainName(String code) {
		return domains().stream().filter(d -> d.code().equals(code)).map(Domain::name).findFirst().orElse(code);
	}

	private record PatrolRow(long id, long workerId, String domainCode, long gridId, String status, Instant startedAt,
			Instant finishedAt, double startLon, double startLat, Double endLon, Double endLat, Double distanceMeters,
			Long durationSeconds, int pointCount) {

		Patrol lifecycle() {
			return Patrol.restore(PatrolStatus.valueOf(this.status));
		}

	}

	record Domain(String code, String name, List<Item> items) {
	}

	record Item(String code, String name, String categoryCode) {
	}

	record StartCommand(String domainCode, Double lon, Double lat) {
	}

	record Position(Double lon, Double lat) {
	}

	record PointCommand(String time, Double lon, Double lat, Double accuracy, Double speed) {
	}

	record TrackBatch(String batchKey, List<PointCommand> points) {
	}

	record TrackReceipt(String batchKey, int accepted, int pointCount, boolean replayed) {
	}

	record ItemCommand(String itemCode, String result, String comment, Double lon, Double lat, String address,
			List<Long> fileIds) {
	}

	record ItemResult(String itemCode, String name, String result, String comment, Long eventId, String eventCode,
			Instant recordedAt) {
	}

	record LineString(String type, List<double[]> coordinates) {
	}

	record Filter(Long workerId, Long gridId, String domainCode, LocalDate date) {
	}

	record PatrolSummary(long id, long workerId, String workerName, String domainCode, String domainName, long gridId,
			String gridName, String status, Instant startedAt, Instant finishedAt, Double distanceMeters,
			Long durationSeconds, int pointCount, int itemsDone) {
	}

	record PatrolView(long id, long workerId, String workerName, String domainCode, String domainName, long gridId,
			String gridName, String status, Instant startedAt, Instant finishedAt, Position start, Position end,
			double distanceMeters, long durationSeconds, int pointCount, int itemsDone, int itemsTotal,
			List<ItemResult> items, LineString track, List<Instant> trackTimes) {
	}

}
