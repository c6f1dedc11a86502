package org.govgrid.event;

import java.util.LinkedHashSet;
import java.util.Set;

import org.govgrid.event.model.Actor;
import org.govgrid.event.model.Unit;
import org.govgrid.files.FileOwnerPolicy;
import org.govgrid.platform.NotFoundException;
import org.govgrid.platform.ScopeFilter;
import org.govgrid.platform.ScopedPrincipal;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Who sees which events and acts for which units (DESIGN §4, data scope). Everyone sees
 * only events inside their scope region; holders of {@code event:case:read-all} see all
 * of them (grid workers their grid, the centre and leaders their town), the others only
 * those they reported, hold or handled (a department sees what was dispatched to it).
 * Anything else is 404. Attached files are exactly as visible as their event.
 */
@Component
class EventAccess implements FileOwnerPolicy {

	static final String READ_ALL = "event:case:read-all";

	static final String DISPATCH = "event:case:dispatch";

	/** Path depth of each scope level (ADR 0001: one region code per level). */
	private static final int TOWN_DEPTH = 3;

	private static final int COMMUNITY_DEPTH = 4;

	private static final int GRID_DEPTH = 5;

	private final NamedParameterJdbcTemplate jdbc;

	EventAccess(NamedParameterJdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** The units the caller acts for, from their scope, department and permissions. */
	static Set<Unit> unitsOf(ScopedPrincipal caller) {
		Set<Unit> units = new LinkedHashSet<>();
		if (caller.departmentId() != null) {
			units.add(Unit.department(caller.departmentId()));
		}
		String path = caller.scope().path();
		int depth = path.isEmpty() ? 0 : path.split("/").length;
		long region = caller.scope().regionId();
		if (depth == GRID_DEPTH) {
			units.add(Unit.grid(region));
		}
		else if (depth == COMMUNITY_DEPTH) {
			units.add(Unit.community(region));
		}
		else if (depth == TOWN_DEPTH && caller.can(DISPATCH)) {
			units.add(Unit.townCentre(region));
		}
		return units;
	}

	static Actor actor(ScopedPrincipal caller) {
		return new Actor(caller.userId(), caller.displayName(), unitsOf(caller));
	}

	/**
	 * A SQL condition on {@code e} (the event table) for what the caller may see; its
	 * parameters go into {@code params}.
	 */
	static String visibleTo(ScopedPrincipal caller, MapSqlParameterSource params) {
		StringBuilder sql = new StringBuilder("true");
		if (!caller.scope().path().isEmpty()) {
			sql.append(" and ").append(ScopeFilter.of(caller.scope(), "e.region_path").addTo(params));
		}
		if (!caller.can(READ_ALL)) {
			sql.append(" and (e.reporter_id = :me or e.assignee_id = :me");
			params.addValue("me", caller.userId());
			if (caller.departmentId() != null) {
				sql.append(" or (e.unit_kind = 'DEPARTMENT' and e.unit_id = :department)"
						+ " or exists (select 1 from event_flow f where f.event_id = e.id"
						+ " and f.target_kind = 'DEPARTMENT' and f.target_id = :department)");
				params.addValue("department", caller.departmentId());
			}
			sql.append(")");
		}
		return sql.toString();
	}

	boolean canSee(long eventId, ScopedPrincipal caller) {
		MapSqlParameterSource params = new MapSqlParameterSource("id", eventId);
		String condition = visibleTo(caller, params);
		return Boolean.TRUE.equals(this.jdbc.queryForObject(
				"select exists (select 1 from event e where e.id = :id and " + condition + ")", params, Boolean.class));
	}

	void requireVisible(long eventId, ScopedPrincipal caller) {
		if (!canSee(eventId, caller)) {
			throw new NotFoundException("event", eventId);
		}
	}

	@Override
	public String ownerType() {
		return "event";
	}

	@Override
	public boolean canRead(long ownerId, ScopedPrincipal caller) {
		return canSee(ownerId, caller);
	}

}
