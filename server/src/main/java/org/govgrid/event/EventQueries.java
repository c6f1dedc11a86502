package org.govgrid.event;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.govgrid.event.Units.UnitView;
import org.govgrid.event.model.DeadlineFlag;
import org.govgrid.event.model.EventLevel;
import org.govgrid.event.model.EventSource;
import org.govgrid.event.model.EventStatus;
import org.govgrid.event.model.Unit;
import org.govgrid.files.FileAttachments;
import org.govgrid.files.StoredFileView;
import org.govgrid.identity.Directory;
import org.govgrid.platform.DataScope;
import org.govgrid.platform.FieldErrors;
import org.govgrid.platform.Masking;
import org.govgrid.platform.NotFoundException;
import org.govgrid.platform.PageQuery;
import org.govgrid.platform.PageResponse;
import org.govgrid.platform.ScopeFilter;
import org.govgrid.platform.ScopedPrincipal;
import org.govgrid.region.RegionService;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads events for lists and the detail page, always inside the caller's scope, with the
 * names of grids, units and people resolved in a few queries per page, never one per row.
 */
@Service
@Transactional(readOnly = true)
class EventQueries {

	/** The deadline running now: acceptance while waiting, disposal while handled. */
	static final String DEADLINE = """
			(case when e.status = 'REPORTED' and e.accepted_at is null then e.acceptance_deadline
			      when e.status in ('DISPATCHED', 'IN_PROGRESS') then e.disposal_deadline end)""";

	private static final String SELECT = """
			select e.id, e.code, e.title, e.description, e.category_code, c.name as category_name, e.level, e.source,
			    e.status, e.reporter_name, e.reporter_phone, e.reported_at, e.address, e.lon, e.lat, e.grid_id,
			    e.unit_kind, e.unit_id, e.assignee_id, e.handling_level, e.flag, %s as deadline
			from event e join event_category c on c.code = e.category_code""".formatted(DEADLINE);

	private static final Map<String, String> SORTS = Map.of("reportedAt", "e.reported_at", "deadline", "deadline",
			"code", "e.code", "status", "e.status");

	private static final double DUPLICATE_METRES = 100;

	private static final int DUPLICATE_HOURS = 72;

	private final NamedParameterJdbcTemplate jdbc;

	private final EventRepository events;

	private final EventAccess access;

	private final EventHandling handling;

	private final Units units;

	private final RegionService regions;

	private final Directory directory;

	private final FileAttachments files;

	EventQueries(NamedParameterJdbcTemplate jdbc, EventRepository events, EventAccess access, EventHandling handling,
			Units units, RegionService regions, Directory directory, FileAttachments files) {
		this.jdbc = jdbc;
		this.events = events;
		this.access = access;
		this.handling = handling;
		this.units = units;
		this.regions = regions;
		this.directory = directory;
		this.files = files;
	}

	PageResponse<EventItem> list(EventFilter filter, PageQuery paging, String sort, ScopedPrincipal caller) {
		return page(filter, null, paging, sort, SORTS, "reportedAt,desc", caller);
	}

	/**
	 * A page of events matching the filter and an extra SQL condition on {@code e}; every
	 * bad parameter (filters, sort, paging) is named in one 400.
	 */
	PageResponse<EventItem> page(EventFilter filter, String extraCondition, PageQuery paging, String sort,
			Map<String, String> sorts, String defaultSort, ScopedPrincipal caller) {
		FieldErrors errors = new FieldErrors();
		MapSqlParameterSource params = new MapSqlParameterSource();
		String where = where(filter, caller, params, errors) + (extraCondition == null ? "" : " and " + extraCondition);
		String order = order(sort == null || sort.isBlank() ? defaultSort : sort, sorts, errors);
		Pageable page = null;
		try {
			page = paging.toPageable(Sort.unsorted());
		}
		catch (org.govgrid.platform.InvalidInputException ex) {
			ex.errors().forEach(e -> errors.add(e.field(), e.message()));
		}
		errors.throwIfAny();
		Long total = this.jdbc.queryForObject("select count(*) from event e where " + where, params, Long.class);
		params.addValue("limit", page.getPageSize()).addValue("offset", page.getOffset());
		List<Row> rows = this.jdbc.query(
				SELECT + " where " + where + " order by " + order + ", e.id desc limit :limit offset :offset", params,
				EventQueries::row);
		return new PageResponse<>(items(rows), total == null ? 0 : total, page.getPageNumber() + 1, page.getPageSize());
	}

	EventDetail detail(long id, ScopedPrincipal caller) {
		this.access.requireVisible(id, caller);
		StoredEvent stored = this.events.find(id).orElseThrow(() -> new NotFoundException("event", id));
		MapSqlParameterSource params = new MapSqlParameterSource("id", id);
		EventItem item = items(this.jdbc.query(SELECT + " where e.id = :id", params, EventQueries::row)).get(0);
		List<EventRepository.FlowRow> flow = this.events.flow(id);
		Set<Long> fileIds = new HashSet<>();
		List<Long> ownerFiles = this.jdbc.queryForList(
				"select id from stored_file where owner_type = 'event' and owner_id = :id order by id", params,
				Long.class);
		fileIds.addAll(ownerFiles);
		flow.forEach(step -> fileIds.addAll(step.fileIds()));
		Map<Long, StoredFileView> fileViews = this.files.describe(fileIds);
		Set<Long> flowFiles = flow.stream().flatMap(step -> step.fileIds().stream()).collect(Collectors.toSet());
		Set<Long> reportFiles = flow.isEmpty() ? Set.of() : Set.copyOf(flow.get(0).fileIds());
		List<StoredFileView> reportAttachments = ownerFiles.stream()
			.filter(f -> reportFiles.contains(f) || !flowFiles.contains(f))
			.map(fileViews::get)
			.toList();
		Set<Unit> unitSet = new HashSet<>();
		flow.forEach(step -> unitSet.add(step.target()));
		unitSet.add(stored.suggestedUnit());
		Map<Unit, String> unitNames = this.units.names(unitSet);
		List<FlowView> flowViews = flow.stream()
			.map(step -> new FlowView(step.id(), step.action(), step.fromStatus(), step.toStatus(), step.actorId(),
					step.actorName(), step.at(), step.comment(),
					step.fileIds().stream().map(fileViews::get).filter(java.util.Objects::nonNull).toList(),
					UnitView.of(step.target(), unitNames)))
			.toList();
		var state = stored.lifecycle().state();
		EventRef mergedInto = state.mergedInto() == null ? null
				: new EventRef(state.mergedInto(), this.jdbc.queryForObject("select code from event where id = :id",
						new MapSqlParameterSource("id", state.mergedInto()), String.class));
		return new EventDetail(item, stored.place().regionPath(), state.acceptanceDeadline(), state.disposalDeadline(),
				state.acceptedAt(), state.dispatchedAt(), state.closedAt(), state.selfHandled(), mergedInto,
				state.score(), state.evaluation(), state.result(), state.supervisions(),
				UnitView.of(stored.suggestedUnit(), unitNames), stored.version(), reportAttachments, flowViews,
				state.status().isOpen() ? duplicates(stored, caller) : List.of(),
				this.handling.allowedActions(stored, caller));
	}

	/**
	 * Open events of the same category within 100 m and 72 h, the ones a dispatcher may
	 * merge.
	 */
	List<Duplicate> duplicates(StoredEvent event, ScopedPrincipal caller) {
		MapSqlParameterSource params = new MapSqlParameterSource("id", event.id())
			.addValue("category", event.lifecycle().categoryCode())
			.addValue("lon", event.place().lon())
			.addValue("lat", event.place().lat())
			.addValue("dLat", DUPLICATE_METRES / 111_000.0 * 1.1)
			.addValue("dLon", DUPLICATE_METRES / (111_000.0 * Math.cos(Math.toRadians(event.place().lat()))) * 1.1)
			.addValue("from", EventRepository.ts(event.lifecycle().reportedAt().minusSeconds(DUPLICATE_HOURS * 3600L)))
			.addValue("to", EventRepository.ts(event.lifecycle().reportedAt().plusSeconds(DUPLICATE_HOURS * 3600L)))
			.addValue("metres", DUPLICATE_METRES);
		String visible = EventAccess.visibleTo(caller, params);
		String sql = """
				select * from (
				    select e.id, e.code, e.title, e.status, e.reported_at,
				        2 * 6371000 * asin(sqrt(power(sin(radians(e.lat - :lat) / 2), 2)
				            + cos(radians(:lat)) * cos(radians(e.lat)) * power(sin(radians(e.lon - :lon) / 2), 2))) as metres
				    from event e
				    where e.category_code = :category and e.id <> :id and e.status not in ('CLOSED', 'REJECTED')
				      and e.reported_at between :from and :to
				      and e.lat between :lat - :dLat and :lat + :dLat and e.lon between :lon - :dLon and :lon + :dLon
				      and %s
				) near where metres <= :metres order by metres, id"""
			.formatted(visible);
		return this.jdbc.query(sql, params,
				(rs, n) -> new Duplicate(rs.getLong("id"), rs.getString("code"), rs.getString("title"),
						rs.getString("status"), Math.round(rs.getDouble("metres") * 10) / 10.0,
						rs.getTimestamp("reported_at").toInstant()));
	}

	String where(EventFilter filter, ScopedPrincipal caller, MapSqlParameterSource params, FieldErrors errors) {
		List<String> conditions = new ArrayList<>();
		conditions.add(EventAccess.visibleTo(caller, params));
		if (filter.status() != null && !filter.status().isEmpty()) {
			List<String> statuses = new ArrayList<>();
			for (String status : filter.status()) {
				EventStatus parsed = RoutingRuleController.parse(EventStatus.class, status, "status", errors);
				if (parsed != null) {
					statuses.add(parsed.name());
				}
			}
			conditions.add("e.status in (:statuses)");
			params.addValue("statuses", statuses.isEmpty() ? List.of("") : statuses);
		}
		if (!EventReporting.blank(filter.categoryCode())) {
			conditions.add("(e.category_code = :category or c_parent(e.category_code) = :category)");
			params.addValue("category", filter.categoryCode());
		}
		enumFilter(filter.level(), EventLevel.class, "level", "e.level", conditions, params, errors);
		enumFilter(filter.source(), EventSource.class, "source", "e.source", conditions, params, errors);
		if (filter.regionId() != null) {
			String path = this.regions.find(filter.regionId()).map(r -> r.path()).orElse(null);
			if (path == null) {
				errors.add("regionId", "no such region / 区域不存在");
			}
			else {
				conditions.add(ScopeFilter.at(path, "e.region_path", "region").addTo(params));
			}
		}
		if (filter.from() != null) {
			conditions.add("e.reported_at >= :from");
			params.addValue("from", EventRepository.ts(filter.from()));
		}
		if (filter.to() != null) {
			conditions.add("e.reported_at < :to");
			params.addValue("to", EventRepository.ts(filter.to()));
		}
		DeadlineFlag flag = RoutingRuleController.parse(DeadlineFlag.class, filter.flag(), "flag", errors);
		if (flag != null) {
			conditions.add("e.flag = :flag");
			params.addValue("flag", flag.name());
		}
		if (Boolean.TRUE.equals(filter.overdue())) {
			// past the handling limit: red now, or closed after the deadline (as
			// statistics count it)
			conditions.add("(e.flag = 'RED' or (e.closed_at is not null and e.disposal_deadline is not null"
					+ " and e.closed_at > e.disposal_deadline))");
		}
		if (!EventReporting.blank(filter.keyword())) {
			conditions.add("(e.code = :code or e.title ilike :keyword or e.description ilike :keyword"
					+ " or e.address ilike :keyword)");
			params.addValue("code", filter.keyword().strip())
				.addValue("keyword", "%" + filter.keyword().strip().replaceAll("([\\\\%_])", "\\\\$1") + "%");
		}
		if (Boolean.TRUE.equals(filter.mine())) {
			List<String> mine = new ArrayList<>(List.of("e.assignee_id = :mineUser"));
			params.addValue("mineUser", caller.userId());
			int i = 0;
			for (Unit unit : EventAccess.unitsOf(caller)) {
				mine.add("(e.unit_kind = :mineKind" + i + " and e.unit_id = :mineId" + i + ")");
				params.addValue("mineKind" + i, unit.kind().name()).addValue("mineId" + i, unit.id());
				i++;
			}
			conditions.add("(" + String.join(" or ", mine) + ")");
		}
		return String.join(" and ", conditions)
			.replace("c_parent(e.category_code)",
					"(select parent_code from event_category p where p.code = e.category_code)");
	}

	private static <E extends Enum<E>> void enumFilter(String value, Class<E> type, String field, String column,
			List<String> conditions, MapSqlParameterSource params, FieldErrors errors) {
		E parsed = RoutingRuleController.parse(type, value, field, errors);
		if (parsed != null) {
			conditions.add(column + " = :" + field);
			params.addValue(field, parsed.name());
		}
	}

	/** {@code key,asc|desc} against the allowed keys; anything else names sort. */
	static String order(String sort, Map<String, String> columns, FieldErrors errors) {
		String[] parts = sort.split(",");
		String key = parts[0].strip();
		String direction = parts.length > 1 ? parts[1].strip().toLowerCase(java.util.Locale.ROOT) : "asc";
		if (!columns.containsKey(key) || !(direction.equals("asc") || direction.equals("desc"))) {
			errors.add("sort", "one of " + new java.util.TreeSet<>(columns.keySet()) + " with asc or desc / 排序字段无效");
			return null;
		}
		String column = columns.get(key);
		// only the running deadline can be null; elsewhere a nulls clause would keep the
		// planner off the index (reported_at desc is nulls first)
		return column + " " + direction + (column.equals("deadline") ? " nulls last" : "");
	}

	/** Names for a page of rows in three queries. */
	List<EventItem> items(List<Row> rows) {
		Set<Long> gridIds = rows.stream().map(Row::gridId).collect(Collectors.toSet());
		Set<Long> assignees = rows.stream()
			.map(Row::assigneeId)
			.filter(java.util.Objects::nonNull)
			.collect(Collectors.toSet());
		Map<Long, String> gridNames = this.regions.namesOf(gridIds);
		Map<Long, String> people = this.directory.userNames(assignees);
		Map<Unit, String> unitNames = this.units.names(rows.stream().map(Row::unit).toList());
		return rows.stream()
			.map(r -> new EventItem(r.id(), r.code(), r.title(), r.description(), r.categoryCode(), r.categoryName(),
					r.level(), r.source(), r.status(), r.reporterName(), Masking.phone(r.reporterPhone()),
					r.reportedAt(), r.address(), r.lon(), r.lat(), r.gridId(), gridNames.get(r.gridId()),
					UnitView.of(r.unit(), unitNames), r.assigneeId(),
					r.assigneeId() == null ? null : people.get(r.assigneeId()), r.deadline(), r.flag(),
					r.handlingLevel()))
			.toList();
	}

	static Row row(ResultSet rs, int n) throws SQLException {
		return new Row(rs.getLong("id"), rs.getString("code"), rs.getString("title"), rs.getString("description"),
				rs.getString("category_code"), rs.getString("category_name"), rs.getString("level"),
				rs.getString("source"), rs.getString("status"), rs.getString("reporter_name"),
				rs.getString("reporter_phone"), rs.getTimestamp("reported_at").toInstant(), rs.getString("address"),
				rs.getDouble("lon"), rs.getDouble("lat"), rs.getLong("grid_id"),
				new Unit(Unit.Kind.valueOf(rs.getString("unit_kind")), rs.getLong("unit_id")),
				rs.getObject("assignee_id", Long.class), EventRepository.instant(rs, "deadline"), rs.getString("flag"),
				rs.getString("handling_level"));
	}

	record Row(long id, String code, String title, String description, String categoryCode, String categoryName,
			String level, String source, String status, String reporterName, String reporterPhone, Instant reportedAt,
			String address, double lon, double lat, long gridId, Unit unit, Long assigneeId, Instant deadline,
			String flag, String handlingLevel) {
	}

	record EventFilter(List<String> status, String categoryCode, String level, String source, Long regionId,
			Instant from, Instant to, String flag, Boolean overdue, String keyword, Boolean mine) {
	}

	record EventItem(long id, String code, String title, String description, String categoryCode, String categoryName,
			String level, String source, String status, String reporterName, String reporterPhone, Instant reportedAt,
			String address, double lon, double lat, long gridId, String gridName, UnitView currentUnit, Long assigneeId,
			String assigneeName, Instant deadline, String flag, String handlingLevel) {
	}

	record EventRef(long id, String code) {
	}

	record FlowView(long id, String action, String fromStatus, String toStatus, Long actorId, String actorName,
			Instant at, String comment, List<StoredFileView> files, UnitView target) {
	}

	record Duplicate(long id, String code, String title, String status, double distanceMeters, Instant reportedAt) {
	}

	/** The detail page: the list item's fields and everything else. */
	record EventDetail(@com.fasterxml.jackson.annotation.JsonUnwrapped EventItem item, String regionPath,
			Instant acceptanceDeadline, Instant disposalDeadline, Instant acceptedAt, Instant dispatchedAt,
			Instant closedAt, boolean selfHandled, EventRef mergedInto, Integer score, String evaluation, String result,
			int supervisions, UnitView suggestedUnit, long version, List<StoredFileView> files, List<FlowView> flow,
			List<Duplicate> duplicates, List<String> allowedActions) {
	}

}
