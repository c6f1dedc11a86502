package org.govgrid.supervision;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.govgrid.event.EventLookup;
import org.govgrid.event.EventSupervised;
import org.govgrid.files.FileAttachments;
import org.govgrid.identity.Directory;
import org.govgrid.platform.DataScope;
import org.govgrid.platform.FieldErrors;
import org.govgrid.platform.NotFoundException;
import org.govgrid.platform.PageQuery;
import org.govgrid.platform.PageResponse;
import org.govgrid.platform.ScopedPrincipal;
import org.govgrid.region.RegionService;
import org.govgrid.region.RegionSummary;
import org.govgrid.supervision.SupervisionViews.Detail;
import org.govgrid.supervision.SupervisionViews.Item;
import org.govgrid.supervision.SupervisionViews.TallyRow;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads supervision items within the caller's scope (a department handler: their
 * department's only); an item or region outside it is 404.
 */
@Service
class SupervisionQueries {

	private final NamedParameterJdbcTemplate jdbc;

	private final SupervisionStore store;

	private final EventLookup events;

	private final Directory directory;

	private final RegionService regions;

	private final FileAttachments files;

	private final Clock clock;

	SupervisionQueries(NamedParameterJdbcTemplate jdbc, SupervisionStore store, EventLookup events, Directory directory,
			RegionService regions, FileAttachments files, Clock clock) {
		this.jdbc = jdbc;
		this.store = store;
		this.events = events;
		this.directory = directory;
		this.regions = regions;
		this.files = files;
		this.clock = clock;
	}

	record Filter(String state, String level, String unitKind, Long unitId, Long regionId, Long eventId) {
	}

	@Transactional(readOnly = true)
	PageResponse<Item> list(Filter filter, PageQuery paging, ScopedPrincipal caller) {
		Instant now = this.clock.instant();
		FieldErrors errors = new FieldErrors();
		MapSqlParameterSource params = new MapSqlParameterSource("now", Timestamp.from(now));
		StringBuilder where = new StringBuilder(
				SupervisionStore.visibleTo(caller, area(filter.regionId(), caller), params));
		if (filter.state() != null && !filter.state().isBlank()) {
			switch (filter.state().strip().toUpperCase(Locale.ROOT)) {
				case "OPEN" -> where.append(" and s.state = 'OPEN'");
				case "ANSWERED" -> where.append(" and s.state = 'ANSWERED'");
				case "CLOSED" -> where.append(" and s.state = 'CLOSED'");
				case "OVERDUE" -> where.append(" and s.state <> 'CLOSED' and s.deadline < :now");
				default -> errors.add("state", "OPEN, ANSWERED, OVERDUE or CLOSED / 状态须为待反馈、已反馈、已超期或已办结");
			}
		}
		if (filter.level() != null && !filter.level().isBlank()) {
			EventSupervised.Level.of(filter.level()).ifPresentOrElse(level -> {
				where.append(" and s.level = :level");
				params.addValue("level", level.name());
			}, () -> errors.add("level", "GENERAL, KEY or LISTED / 督办级别须为一般、重点或挂牌"));
		}
		if (filter.unitKind() != null && !filter.unitKind().isBlank()) {
			String kind = filter.unitKind().strip().toUpperCase(Locale.ROOT);
			if (Set.of("GRID", "COMMUNITY", "TOWN_CENTRE", "DEPARTMENT").contains(kind)) {
				where.append(" and s.unit_kind = :unitKind");
				params.addValue("unitKind", kind);
			}
			else {
				errors.add("unitKind", "GRID, COMMUNITY, TOWN_CENTRE or DEPARTMENT / 未知单位类型");
			}
		}
		if (filter.unitId() != null) {
			where.append(" and s.unit_id = :unitId");
			params.addValue("unitId", filter.unitId());
		}
		if (filter.eventId() != null) {
			where.append(" and s.event_id = :eventId");
			params.addValue("eventId", filter.eventId());
		}
		errors.throwIfAny();
		Pageable page = paging.toPageable(Sort.unsorted());
		Long total = this.jdbc.queryForObject("select count(*) from supervision_item s where " + where, params,
				Long.class);
		params.addValue("limit", page.getPageSize()).addValue("offset", page.getOffset());
		List<StoredItem> rows = this.jdbc.query(
				SupervisionStore.SELECT + " where " + where
						+ " order by (s.state = 'CLOSED'), s.deadline, s.id limit :limit offset :offset",
				params, StoredItem::row);
		return new PageResponse<>(items(rows, now), total == null ? 0 : total, page.getPageNumber() + 1,
				page.getPageSize());
	}

	@Transactional(readOnly = true)
	Detail detail(long id, ScopedPrincipal caller) {
		StoredItem stored = this.store.visible(id, caller)
			.orElseThrow(() -> new NotFoundException("supervision item", id));
		List<SupervisionViews.Response> responses = this.store.responses(id).stream().map(response -> {
			var described = this.files.describe(response.fileIds());
			return new SupervisionViews.Response(response.id(), response.responderId(), response.responderName(),
					response.content(), response.fileIds(),
					response.fileIds().stream().map(described::get).filter(java.util.Objects::nonNull).toList(),
					response.at());
		}).toList();
		List<String> allowed = stored.lifecycle()
			.possibleActions()
			.stream()
			.filter(action -> caller.can(SupervisionController.permissionFor(action)))
			.toList();
		return new Detail(items(List.of(stored), this.clock.instant()).get(0), stored.closeComment(), responses,
				this.store.reminders(id), allowed);
	}

	/**
	 * Per unit, the items created in {@code [from, to)} (either open) within the area.
	 */
	@Transactional(readOnly = true)
	List<TallyRow> tally(Long regionId, Instant from, Instant to, ScopedPrincipal caller) {
		MapSqlParameterSource params = new MapSqlParameterSource("now", Timestamp.from(this.clock.instant()));
		StringBuilder where = new StringBuilder(SupervisionStore.visibleTo(caller, area(regionId, caller), params));
		if (from != null) {
			where.append(" and s.created_at >= :from");
			params.addValue("from", Timestamp.from(from));
		}
		if (to != null) {
			where.append(" and s.created_at < :to");
			params.addValue("to", Timestamp.from(to));
		}
		List<Map<String, Object>> rows = this.jdbc.queryForList("""
				select s.unit_kind, s.unit_id, count(*) as total,
				    count(*) filter (where s.state = 'OPEN') as open,
				    count(*) filter (where s.state = 'ANSWERED') as answered,
				    count(*) filter (where s.state <> 'CLOSED' and s.deadline < :now) as overdue,
				    count(*) filter (where s.state = 'CLOSED') as closed,
				    count(*) filter (where s.state = 'CLOSED' and s.closed_at <= s.deadline) as on_time,
				    count(*) filter (where s.state = 'CLOSED' and s.closed_at > s.deadline) as late
				from supervision_item s""" + " where " + where + """
				group by s.unit_kind, s.unit_id order by count(*) desc, s.unit_kind, s.unit_id""", params);
		Map<String, String> names = unitNames(
				rows.stream().map(r -> (String) r.get("unit_kind") + ":" + r.get("unit_id")).toList());
		List<TallyRow> tally = new ArrayList<>();
		for (Map<String, Object> r : rows) {
			long onTime = number(r, "on_time");
			long overdue = number(r, "overdue");
			long decided = onTime + number(r, "late") + overdue;
			String key = r.get("unit_kind") + ":" + r.get("unit_id");
			tally.add(new TallyRow((String) r.get("unit_kind"), number(r, "unit_id"), names.get(key),
					number(r, "total"), number(r, "open"), number(r, "answered"), overdue, number(r, "closed"),
					decided == 0 ? null : (double) onTime / decided));
		}
		return tally;
	}

	private List<Item> items(List<StoredItem> rows, Instant now) {
		Map<Long, String> statuses = this.events.findAll(rows.stream().map(StoredItem::eventId).distinct().toList())
			.stream()
			.collect(Collectors.toMap(EventLookup.Match::id, EventLookup.Match::status));
		Map<String, String> names = unitNames(rows.stream().map(r -> r.unitKind() + ":" + r.unitId()).toList());
		return rows.stream()
			.map(r -> new Item(r.id(), r.eventId(), r.eventCode(), r.eventTitle(), statuses.get(r.eventId()), r.level(),
					r.deadline(), r.unitKind(), r.unitId(), names.get(r.unitKind() + ":" + r.unitId()),
					r.supervisorId(), r.supervisorName(), r.comment(), r.state().name(), r.lifecycle().overdue(now),
					r.createdAt(), r.answeredAt(), r.closedAt()))
			.toList();
	}

	/**
	 * Display names of units keyed {@code KIND:id}: departments by name, regions by
	 * theirs.
	 */
	private Map<String, String> unitNames(Collection<String> keys) {
		List<Long> departments = new ArrayList<>();
		List<Long> regionIds = new ArrayList<>();
		for (String key : keys) {
			long id = Long.parseLong(key.substring(key.indexOf(':') + 1));
			(key.startsWith("DEPARTMENT:") ? departments : regionIds).add(id);
		}
		Map<Long, String> departmentNames = departments.isEmpty() ? Map.of()
				: this.directory.departmentNames(departments);
		Map<Long, String> regionNames = regionIds.isEmpty() ? Map.of() : this.regions.namesOf(regionIds);
		Map<String, String> names = new HashMap<>();
		for (String key : keys) {
			long id = Long.parseLong(key.substring(key.indexOf(':') + 1));
			String name = key.startsWith("DEPARTMENT:") ? departmentNames.get(id) : regionNames.get(id);
			names.put(key, key.startsWith("TOWN_CENTRE:") && name != null ? name + "指挥中心" : name);
		}
		return names;
	}

	/** The named region if the caller may see it (else 404), or the caller's own area. */
	private DataScope area(Long regionId, ScopedPrincipal caller) {
		if (regionId == null) {
			return caller.scope();
		}
		RegionSummary region = this.regions.find(regionId)
			.filter(r -> caller.scope().covers(r.path()))
			.orElseThrow(() -> new NotFoundException("region", regionId));
		return new DataScope(region.id(), region.path());
	}

	private static long number(Map<String, Object> row, String column) {
		return ((Number) row.get(column)).longValue();
	}

}
