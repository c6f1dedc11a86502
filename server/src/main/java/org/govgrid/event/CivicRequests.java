package org.govgrid.event;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.govgrid.event.EventReporting.ReportCommand;
import org.govgrid.event.model.EventStatus;
import org.govgrid.event.model.Unit;
import org.govgrid.platform.InvalidInputException.FieldProblem;
import org.govgrid.platform.ScopeFilter;
import org.govgrid.platform.ScopedPrincipal;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Citizens' requests that arrive through another system (Open311 GeoReport v2, served by
 * {@code openplatform}): the sub-categories they may choose from, a report as source
 * {@code CITIZEN} made on behalf of the system's service account (same validation,
 * routing and idempotency as every report), and citizen requests read back as such
 * systems show them. Reads search an area given by the caller (null: everywhere); the
 * caller applies its own scope. Only events of source {@code CITIZEN} are ever returned.
 */
@Service
public class CivicRequests {

	private static final String SELECT = """
			select e.id, e.code, e.status, e.category_code, c.name as category_name, e.description, e.address,
			       e.lon, e.lat, e.reported_at, e.updated_at,
			       coalesce(e.disposal_deadline, e.acceptance_deadline) as expected_at, e.unit_kind, e.unit_id,
			       e.region_path,
			       (select f.comment from event_flow f where f.event_id = e.id and f.comment is not null
			        order by f.id desc limit 1) as last_comment
			from event e join event_category c on c.code = e.category_code
			where e.source = 'CITIZEN'""";

	private final EventReporting reporting;

	private final NamedParameterJdbcTemplate jdbc;

	private final Units units;

	CivicRequests(EventReporting reporting, NamedParameterJdbcTemplate jdbc, Units units) {
		this.reporting = reporting;
		this.jdbc = jdbc;
		this.units = units;
	}

	/** A sub-category (小类) a citizen may report, with its 大类. */
	public record ServiceType(String code, String name, String groupCode, String groupName) {
	}

	/**
	 * What a citizen reports; {@code reporterPhone} is sealed at rest like every
	 * reporter's.
	 */
	public record Report(String categoryCode, String description, Double lon, Double lat, String address,
			String reporterName, String reporterPhone) {
	}

	/** The event a report made (or found again for a repeated key). */
	public record Reported(long id, String code, boolean created, String unitName) {
	}

	/**
	 * Which requests: {@code codes} event codes (empty: any), a sub-category, reported in
	 * {@code [from, to)}, {@code open} true/false/null, at or under {@code area} (null:
	 * everywhere), newest first, at most {@code limit}.
	 */
	public record Query(List<String> codes, String categoryCode, Instant from, Instant to, Boolean open, String area,
			int limit) {
	}

	/** A citizen request as outside systems show it. */
	public record Request(long id, String code, String status, String statusLabel, boolean open, String categoryCode,
			String categoryName, String description, String address, double lon, double lat, Instant reportedAt,
			Instant updatedAt, Instant expectedAt, String unitName, String lastComment, String regionPath) {
	}

	/** The enabled sub-categories under enabled 大类, in display order. */
	@Transactional(readOnly = true)
	public List<ServiceType> services() {
		return this.jdbc.query("""
				select c.code, c.name, p.code as group_code, p.name as group_name
				from event_category c join event_category p on p.code = c.parent_code
				where c.enabled and p.enabled order by p.sort_order, p.code, c.sort_order, c.code""",
				(rs, n) -> new ServiceType(rs.getString("code"), rs.getString("name"), rs.getString("group_code"),
						rs.getString("group_name")));
	}

	public Optional<ServiceType> service(String code) {
		return services().stream().filter(s -> s.code().equals(code)).findFirst();
	}

	/** Every bad field of the report (event's field names), storing nothing. */
	public List<FieldProblem> check(Report report, ScopedPrincipal caller) {
		return this.reporting.check(command(report), caller);
	}

	/**
	 * Reports as source {@code CITIZEN}; call outside a transaction. Bad input throws
	 * {@link org.govgrid.platform.InvalidInputException} naming event's fields.
	 */
	public Reported report(Report report, String idempotencyKey, ScopedPrincipal caller) {
		EventReporting.Outcome outcome = this.reporting.report(command(report), idempotencyKey, caller);
		Request stored = byId(outcome.id()).orElseThrow();
		return new Reported(outcome.id(), stored.code(), outcome.created(), stored.unitName());
	}

	@Transactional(readOnly = true)
	public List<Request> find(Query query) {
		return search(query, null);
	}

	private List<Request> search(Query query, Long id) {
		MapSqlParameterSource params = new MapSqlParameterSource("limit", query.limit());
		StringBuilder sql = new StringBuilder(SELECT);
		if (id != null) {
			sql.append(" and e.id = :id");
			params.addValue("id", id);
		}
		if (!query.codes().isEmpty()) {
			sql.append(" and e.code in (:codes)");
			params.addValue("codes", query.codes());
		}
		if (query.categoryCode() != null) {
			sql.append(" and e.category_code = :category");
			params.addValue("category", query.categoryCode());
		}
		if (query.from() != null) {
			sql.append(" and e.reported_at >= :from");
			params.addValue("from", Timestamp.from(query.from()));
		}
		if (query.to() != null) {
			sql.append(" and e.reported_at < :to");
			params.addValue("to", Timestamp.from(query.to()));
		}
		if (query.open() != null) {
			sql.append(query.open() ? " and e.status not in ('CLOSED', 'REJECTED')"
					: " and e.status in ('CLOSED', 'REJECTED')");
		}
		if (query.area() != null) {
			sql.append(" and ").append(ScopeFilter.at(query.area(), "e.region_path", "area").addTo(params));
		}
		sql.append(" order by e.reported_at desc, e.id desc limit :limit");
		List<Row> rows = this.jdbc.query(sql.toString(), params, CivicRequests::row);
		Set<Unit> unitsShown = new HashSet<>();
		rows.forEach(row -> unitsShown.add(row.unit()));
		Map<Unit, String> names = this.units.names(unitsShown);
		return rows.stream().map(row -> row.request(names.get(row.unit()))).toList();
	}

	private Optional<Request> byId(long id) {
		return search(new Query(List.of(), null, null, null, null, null, 1), id).stream().findFirst();
	}

	private static ReportCommand command(Report report) {
		return new ReportCommand(report.categoryCode(), null, report.description(), null, "CITIZEN",
				report.reporterName(), report.reporterPhone(), report.lon(), report.lat(), report.address(), null,
				List.of());
	}

	private record Row(Request partial, Unit unit) {

		Request request(String unitName) {
			Request r = this.partial;
			return new Request(r.id(), r.code(), r.status(), r.statusLabel(), r.open(), r.categoryCode(),
					r.categoryName(), r.description(), r.address(), r.lon(), r.lat(), r.reportedAt(), r.updatedAt(),
					r.expectedAt(), unitName, r.lastComment(), r.regionPath());
		}

	}

	private static Row row(ResultSet rs, int n) throws SQLException {
		EventStatus status = EventStatus.valueOf(rs.getString("status"));
		Request request = new Request(rs.getLong("id"), rs.getString("code"), status.name(), status.label(),
				status.isOpen(), rs.getString("category_code"), rs.getString("category_name"),
				rs.getString("description"), rs.getString("address"), rs.getDouble("lon"), rs.getDouble("lat"),
				EventRepository.instant(rs, "reported_at"), EventRepository.instant(rs, "updated_at"),
				EventRepository.instant(rs, "expected_at"), null, rs.getString("last_comment"),
				rs.getString("region_path"));
		return new Row(request, new Unit(Unit.Kind.valueOf(rs.getString("unit_kind")), rs.getLong("unit_id")));
	}

}
