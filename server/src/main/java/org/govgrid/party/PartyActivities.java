package org.govgrid.party;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.govgrid.audit.AuditRecord;
import org.govgrid.audit.AuditTrail;
import org.govgrid.files.FileAttachments;
import org.govgrid.files.StoredFileView;
import org.govgrid.platform.DataScope;
import org.govgrid.platform.FieldErrors;
import org.govgrid.platform.InvalidInputException;
import org.govgrid.platform.NotFoundException;
import org.govgrid.platform.PageQuery;
import org.govgrid.platform.PageResponse;
import org.govgrid.platform.ScopeFilter;
import org.govgrid.platform.ScopedPrincipal;
import org.govgrid.region.RegionService;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Party activities (标准 7.2.1b), read within the caller's scope by the grid they were held
 * in (anything else is 404). A report retried with the same {@code Idempotency-Key} gets
 * the activity it already created, as event reports do.
 */
@Service
class PartyActivities {

	static final String OWNER_TYPE = "party-activity";

	static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	private static final String SELECT = """
			select a.*, o.name as organization_name, g.name as grid_name
			from party_activity a join party_organization o on o.id = a.organization_id
			join region g on g.id = a.grid_id""";

	private final NamedParameterJdbcTemplate jdbc;

	private final ActivityRules rules;

	private final FileAttachments files;

	private final RegionService regions;

	private final AuditTrail audit;

	private final TransactionTemplate transactions;

	private final Clock clock;

	PartyActivities(NamedParameterJdbcTemplate jdbc, PartyOrganizations organizations, RegionService regions,
			FileAttachments files, AuditTrail audit, PlatformTransactionManager transactions, Clock clock) {
		this.jdbc = jdbc;
		this.rules = new ActivityRules(jdbc, organizations, regions, files, clock);
		this.files = files;
		this.regions = regions;
		this.audit = audit;
		this.transactions = new TransactionTemplate(transactions);
		this.clock = clock;
	}

	record Filter(Long organizationId, Long regionId, Long gridId, String type, LocalDate from, LocalDate to) {
	}

	/** The activity and whether this call created it (false: a retry). */
	record Outcome(long id, boolean created) {
	}

	Outcome report(ActivityCommand command, String idempotencyKey, ScopedPrincipal caller) {
		if (idempotencyKey != null && (idempotencyKey.isBlank() || idempotencyKey.length() > 100)) {
			throw new InvalidInputException("Idempotency-Key", "1–100 characters / 幂等键长度须为1–100");
		}
		Optional<Long> earlier = earlier(caller.userId(), idempotencyKey);
		if (earlier.isPresent()) {
			return new Outcome(earlier.get(), false);
		}
		ActivityRules.Valid valid = this.rules.check(command, caller);
		return this.transactions.execute(status -> store(valid, idempotencyKey, caller));
	}

	private Outcome store(ActivityRules.Valid v, String idempotencyKey, ScopedPrincipal caller) {
		ActivityCommand c = v.command();
		List<Long> ids = this.jdbc.queryForList("""
				insert into party_activity (organization_id, type, title, held_at, place, lon, lat, grid_id,
				    region_path, content, reported_by, reported_by_name, idempotency_key, created_at)
				values (:organization, :type, :title, :heldAt, :place, :lon, :lat, :grid, :path, :content, :by,
				    :byName, :key, :now)
				on conflict (reported_by, idempotency_key) where idempotency_key is not null do nothing
				returning id""",
				new MapSqlParameterSource("organization", c.organizationId()).addValue("type", v.type().name())
					.addValue("title", c.title().strip())
					.addValue("heldAt", Timestamp.from(c.heldAt().toInstant()))
					.addValue("place", OrganizationRules.blankToNull(c.place()))
					.addValue("lon", c.lon())
					.addValue("lat", c.lat())
					.addValue("grid", v.grid().id())
					.addValue("path", v.grid().path())
					.addValue("content", OrganizationRules.blankToNull(c.content()))
					.addValue("by", caller.userId())
					.addValue("byName", caller.displayName() == null ? caller.username() : caller.displayName())
					.addValue("key", idempotencyKey)
					.addValue("now", Timestamp.from(this.clock.instant())),
				Long.class);
		if (ids.isEmpty()) {
			// the same key committed by a concurrent retry
			return new Outcome(earlier(caller.userId(), idempotencyKey).orElseThrow(), false);
		}
		long id = ids.get(0);
		for (Long member : v.participants()) {
			this.jdbc.update("insert into party_activity_participant (activity_id, member_id) values (:id, :member)",
					new MapSqlParameterSource("id", id).addValue("member", member));
		}
		this.files.attach(c.fileIds(), OWNER_TYPE, id);
		this.audit.record(AuditRecord.success("PARTY_ACTIVITY_REPORT", "party-activity", id, v.type().name()));
		return new Outcome(id, true);
	}

	private Optional<Long> earlier(long userId, String key) {
		if (key == null) {
			return Optional.empty();
		}
		return this.jdbc
			.queryForList("select id from party_activity where reported_by = :user and idempotency_key = :key",
					new MapSqlParameterSource("user", userId).addValue("key", key), Long.class)
			.stream()
			.findFirst();
	}

	@Transactional(readOnly = true)
	ActivityView view(long id, ScopedPrincipal caller) {
		return find(id, caller.scope()).orElseThrow(() -> new NotFoundException("party activity", id));
	}

	@Transactional(readOnly = true)
	Optional<ActivityView> find(long id, DataScope scope) {
		MapSqlParameterSource params = new MapSqlParameterSource("id", id);
		List<ActivityView> found = this.jdbc.query(
				SELECT + " where a.id = :id and " + ScopeFilter.of(scope, "a.region_path").addTo(params), params,
				PartyActivities::row);
		return complete(found).stream().findFirst();
	}

	@Transactional(readOnly = true)
	PageResponse<ActivityView> list(Filter filter, PageQuery paging, ScopedPrincipal caller) {
		MapSqlParameterSource params = new MapSqlParameterSource();
		String where = where(filter, caller, params);
		Pageable page = paging.toPageable(Sort.unsorted());
		Long total = this.jdbc.queryForObject("select count(*) from party_activity a where " + where, params,
				Long.class);
		params.addValue("limit", page.getPageSize()).addValue("offset", page.getOffset());
		List<ActivityView> items = this.jdbc.query(
				SELECT + " where " + where + " order by a.held_at desc, a.id desc limit :limit offset :offset", params,
				PartyActivities::row);
		return new PageResponse<>(complete(items), total == null ? 0 : total, page.getPageNumber() + 1,
				page.getPageSize());
	}

	/** Points of the activities held in the area since {@code since}, newest first. */
	@Transactional(readOnly = true)
	List<ActivityView> recent(DataScope area, double[] box, java.time.Instant since, int limit) {
		MapSqlParameterSource params = new MapSqlParameterSource("since", Timestamp.from(since)).addValue("limit",
				limit);
		StringBuilder where = new StringBuilder(ScopeFilter.of(area, "a.region_path").addTo(params));
		where.append(" and a.held_at >= :since");
		if (box != null) {
			where.append(" and a.lon between :minLon and :maxLon and a.lat between :minLat and :maxLat");
			params.addValue("minLon", box[0])
				.addValue("minLat", box[1])
				.addValue("maxLon", box[2])
				.addValue("maxLat", box[3]);
		}
		return this.jdbc.query(SELECT + " where " + where + " order by a.held_at desc, a.id desc limit :limit", params,
				PartyActivities::row);
	}

	private String where(Filter filter, ScopedPrincipal caller, MapSqlParameterSource params) {
		FieldErrors errors = new FieldErrors();
		StringBuilder where = new StringBuilder(ScopeFilter.of(caller.scope(), "a.region_path").addTo(params));
		if (filter.regionId() != null) {
			DataScope area = PartyScopes.area(this.regions, filter.regionId(), caller);
			where.append(" and ").append(ScopeFilter.of(area, "a.region_path", "area").addTo(params));
		}
		if (filter.organizationId() != null) {
			where.append(" and a.organization_id = :organizationId");
			params.addValue("organizationId", filter.organizationId());
		}
		if (filter.gridId() != null) {
			where.append(" and a.grid_id = :gridId");
			params.addValue("gridId", filter.gridId());
		}
		if (filter.type() != null && !filter.type().isBlank()) {
			ActivityType type = ActivityType.parse(filter.type()).orElse(null);
			if (type == null) {
				errors.add("type", ActivityType.CHOICES);
			}
			else {
				where.append(" and a.type = :type");
				params.addValue("type", type.name());
			}
		}
		if (filter.from() != null && filter.to() != null && filter.to().isBefore(filter.from())) {
			errors.add("to", "before from / 结束日期早于开始日期");
		}
		if (filter.from() != null) {
			where.append(" and a.held_at >= :from");
			params.addValue("from", Timestamp.from(filter.from().atStartOfDay(ZONE).toInstant()));
		}
		if (filter.to() != null) {
			where.append(" and a.held_at < :to");
			params.addValue("to", Timestamp.from(filter.to().plusDays(1).atStartOfDay(ZONE).toInstant()));
		}
		errors.throwIfAny();
		return where.toString();
	}

	/** Adds participants and files to the rows, in two queries for the whole page. */
	private List<ActivityView> complete(List<ActivityView> rows) {
		if (rows.isEmpty()) {
			return rows;
		}
		List<Long> ids = rows.stream().map(ActivityView::id).toList();
		Map<Long, List<ActivityView.Participant>> participants = new HashMap<>();
		this.jdbc.query("""
				select p.activity_id, m.id, m.name from party_activity_participant p
				join party_member m on m.id = p.member_id where p.activity_id in (:ids) order by m.id""",
				new MapSqlParameterSource("ids", ids),
				(RowCallbackHandler) rs -> participants
					.computeIfAbsent(rs.getLong("activity_id"), k -> new ArrayList<>())
					.add(new ActivityView.Participant(rs.getLong("id"), rs.getString("name"))));
		Map<Long, List<Long>> fileIds = new HashMap<>();
		this.jdbc.query(
				"select owner_id, id from stored_file where owner_type = :type and owner_id in (:ids) order by id",
				new MapSqlParameterSource("ids", ids).addValue("type", OWNER_TYPE),
				(RowCallbackHandler) rs -> fileIds.computeIfAbsent(rs.getLong("owner_id"), k -> new ArrayList<>())
					.add(rs.getLong("id")));
		Map<Long, StoredFileView> described = this.files
			.describe(fileIds.values().stream().flatMap(List::stream).toList());
		List<ActivityView> complete = new ArrayList<>();
		for (ActivityView a : rows) {
			List<ActivityView.Participant> people = participants.getOrDefault(a.id(), List.of());
			List<Long> attached = fileIds.getOrDefault(a.id(), List.of());
			List<ActivityView.FileRef> refs = attached.stream()
				.map(described::get)
				.filter(java.util.Objects::nonNull)
				.map(f -> new ActivityView.FileRef(f.id(), f.contentType(), f.name(), f.size()))
				.toList();
			complete.add(new ActivityView(a.id(), a.organizationId(), a.organizationName(), a.type(), a.title(),
					a.heldAt(), a.place(), a.lon(), a.lat(), a.gridId(), a.gridName(),
					people.stream().map(ActivityView.Participant::id).toList(), people, people.size(), a.content(),
					attached, refs, a.reportedBy(), a.reportedByName(), a.createdAt()));
		}
		return complete;
	}

	private static ActivityView row(ResultSet rs, int n) throws SQLException {
		return new ActivityView(rs.getLong("id"), rs.getLong("organization_id"), rs.getString("organization_name"),
				rs.getString("type"), rs.getString("title"), rs.getTimestamp("held_at").toInstant(),
				rs.getString("place"), rs.getDouble("lon"), rs.getDouble("lat"), rs.getLong("grid_id"),
				rs.getString("grid_name"), List.of(), List.of(), 0, rs.getString("content"), List.of(), List.of(),
				rs.getLong("reported_by"), rs.getString("reported_by_name"), rs.getTimestamp("created_at").toInstant());
	}

}
