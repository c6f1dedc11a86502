package org.govgrid.patrol;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.govgrid.audit.AuditRecord;
import org.govgrid.audit.AuditTrail;
import org.govgrid.identity.Directory;
import org.govgrid.patrol.PlanPeriod.Frequency;
import org.govgrid.platform.FieldErrors;
import org.govgrid.platform.NotFoundException;
import org.govgrid.platform.ScopeFilter;
import org.govgrid.platform.ScopedPrincipal;
import org.govgrid.region.RegionLevel;
import org.govgrid.region.RegionService;
import org.govgrid.region.RegionSummary;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Patrol plans (巡查计划): a grid worker patrols a domain in their grid so many times a day,
 * week or month. Chiefs and the centre plan for the grids in their scope; a worker reads
 * the plans assigned to them with how far the current period has got.
 */
@Service
class PatrolPlans {

	static final ZoneId LOCAL = ZoneId.of("Asia/Shanghai");

	/**
	 * With the assignee's finished patrols since the start of the plan's current period.
	 */
	private static final String SELECT = """
			select pp.*, g.name as grid_name, d.name as domain_name, u.display_name as assignee_name,
			       (select count(*) from patrol p
			        where p.worker_id = pp.assignee_id and p.grid_id = pp.grid_id and p.domain_code = pp.domain_code
			          and p.status = 'FINISHED' and p.started_at < :periodsEnd
			          and p.started_at >= case pp.frequency when 'DAILY' then cast(:dayStart as timestamptz)
			                                                when 'WEEKLY' then cast(:weekStart as timestamptz)
			                                                else cast(:monthStart as timestamptz) end) as done
			from patrol_plan pp
			join region g on g.id = pp.grid_id
			join patrol_domain d on d.code = pp.domain_code
			join app_user u on u.id = pp.assignee_id""";

	private final NamedParameterJdbcTemplate jdbc;

	private final RegionService regions;

	private final Directory directory;

	private final AuditTrail audit;

	private final Clock clock;

	PatrolPlans(NamedParameterJdbcTemplate jdbc, RegionService regions, Directory directory, AuditTrail audit,
			Clock clock) {
		this.jdbc = jdbc;
		this.regions = regions;
		this.directory = directory;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * The plans of the grids in the caller's scope (a worker: those assigned to them).
	 */
	List<PlanView> list(Filter filter, ScopedPrincipal caller) {
		return query(null, filter, caller);
	}

	private List<PlanView> query(Long id, Filter filter, ScopedPrincipal caller) {
		LocalDate today = today();
		MapSqlParameterSource params = new MapSqlParameterSource("me", caller.userId())
			.addValue("dayStart", startOf(Frequency.DAILY, today))
			.addValue("weekStart", startOf(Frequency.WEEKLY, today))
			.addValue("monthStart", startOf(Frequency.MONTHLY, today))
			.addValue("periodsEnd", Timestamp.from(today.plusDays(1).atStartOfDay(LOCAL).toInstant()));
		StringBuilder where = new StringBuilder(" where (pp.assignee_id = :me or "
				+ ScopeFilter.of(caller.scope(), "pp.region_path").addTo(params) + ")");
		if (!caller.can("patrol:plan:write")) {
			where = new StringBuilder(" where pp.assignee_id = :me");
		}
		if (id != null) {
			where.append(" and pp.id = :id");
			params.addValue("id", id);
		}
		if (filter.gridId() != null) {
			where.append(" and pp.grid_id = :grid");
			params.addValue("grid", filter.gridId());
		}
		if (filter.assigneeId() != null) {
			where.append(" and pp.assignee_id = :assignee");
			params.addValue("assignee", filter.assigneeId());
		}
		if (filter.domainCode() != null) {
			where.append(" and pp.domain_code = :domain");
			params.addValue("domain", filter.domainCode());
		}
		if (!filter.includeDisabled()) {
			where.append(" and pp.enabled");
		}
		return this.jdbc.query(SELECT + where + " order by g.code, d.sort_order, pp.id", params, this::view);
	}

	/**
	 * The grid workers a plan for this grid may name (the grid must lie in the planner's
	 * scope).
	 */
	List<Assignee> assignees(long gridId, ScopedPrincipal planner) {
		RegionSummary grid = this.regions.find(gridId)
			.filter(g -> g.level() == RegionLevel.GRID && planner.scope().covers(g.path()))
			.orElseThrow(() -> new NotFoundException("grid", gridId));
		java.util.Set<Long> ids = this.directory.usersAt(grid.id(), "patrol:patrol:write");
		java.util.Map<Long, String> names = this.directory.userNames(ids);
		return ids.stream().map(id -> new Assignee(id, names.get(id))).toList();
	}

	List<PlanView> mine(ScopedPrincipal worker) {
		return list(new Filter(null, worker.userId(), null, false), worker);
	}

	@Transactional
	PlanView create(PlanCommand command, ScopedPrincipal planner) {
		Frequency frequency = validate(command, planner);
		RegionSummary grid = this.regions.find(command.gridId()).orElseThrow();
		Long id = this.jdbc.queryForObject("""
				insert into patrol_plan (grid_id, region_path, domain_code, frequency, times_per_period, assignee_id,
				                         created_by)
				values (:grid, :path, :domain, :frequency, :times, :assignee, :me) returning id""",
				params(command, frequency).addValue("path", grid.path()).addValue("me", planner.userId()), Long.class);
		this.audit.record(AuditRecord.success("PATROL_PLAN_CREATE", "patrol_plan", id, command.domainCode()));
		return get(id, planner);
	}

	@Transactional
	PlanView update(long id, PlanCommand command, ScopedPrincipal planner) {
		get(id, planner);
		Frequency frequency = validate(command, planner);
		RegionSummary grid = this.regions.find(command.gridId()).orElseThrow();
		this.jdbc.update("""
				update patrol_plan set grid_id = :grid, region_path = :path, domain_code = :domain,
				    frequency = :frequency, times_per_period = :times, assignee_id = :assignee,
				    enabled = :enabled, version = version + 1
				where id = :id""",
				params(command, frequency).addValue("path", grid.path())
					.addValue("enabled", command.enabled() == null || command.enabled())
					.addValue("id", id));
		this.audit.record(AuditRecord.success("PATROL_PLAN_UPDATE", "patrol_plan", id, command.domainCode()));
		return get(id, planner);
	}

	@Transactional
	void disable(long id, ScopedPrincipal planner) {
		get(id, planner);
		this.jdbc.update("update patrol_plan set enabled = false, version = version + 1 where id = :id",
				new MapSqlParameterSource("id", id));
		this.audit.record(AuditRecord.success("PATROL_PLAN_DISABLE", "patrol_plan", id, null));
	}

	PlanView get(long id, ScopedPrincipal caller) {
		return query(id, new Filter(null, null, null, true), caller).stream()
			.findFirst()
			.orElseThrow(() -> new NotFoundException("patrol plan", id));
	}

	private Frequency validate(PlanCommand command, ScopedPrincipal planner) {
		FieldErrors errors = new FieldErrors();
		RegionSummary grid = command.gridId() == null ? null : this.regions.find(command.gridId()).orElse(null);
		if (grid == null || grid.level() != RegionLevel.GRID || !planner.scope().covers(grid.path())) {
			errors.add("gridId", "a grid in your area / 请选择本辖区的网格");
		}
		Integer domains = command.domainCode() == null ? 0
				: this.jdbc.queryForObject("select count(*) from patrol_domain where code = :code and enabled",
						new MapSqlParameterSource("code", command.domainCode()), Integer.class);
		if (domains == null || domains == 0) {
			errors.add("domainCode", "no such patrol domain / 巡查领域不存在");
		}
		Frequency frequency = Frequency.parse(command.frequency());
		if (frequency == null) {
			errors.add("frequency", "DAILY, WEEKLY or MONTHLY / 请选择每日、每周或每月");
		}
		if (command.timesPerPeriod() == null || command.timesPerPeriod() < 1 || command.timesPerPeriod() > 31) {
			errors.add("timesPerPeriod", "1 to 31 / 次数为1至31");
		}
		if (command.assigneeId() == null || grid == null
				|| !this.directory.usersAt(grid.id(), "patrol:patrol:write").contains(command.assigneeId())) {
			errors.add("assigneeId", "a grid worker of this grid / 请选择该网格的网格员");
		}
		errors.throwIfAny();
		return frequency;
	}

	private static MapSqlParameterSource params(PlanCommand command, Frequency frequency) {
		return new MapSqlParameterSource("grid", command.gridId()).addValue("domain", command.domainCode())
			.addValue("frequency", frequency.name())
			.addValue("times", command.timesPerPeriod())
			.addValue("assignee", command.assigneeId());
	}

	private LocalDate today() {
		return LocalDate.now(this.clock.withZone(LOCAL));
	}

	private static Timestamp startOf(Frequency frequency, LocalDate today) {
		return Timestamp.from(PlanPeriod.of(frequency, today).start().atStartOfDay(LOCAL).toInstant());
	}

	private PlanView view(ResultSet rs, int n) throws SQLException {
		Frequency frequency = Frequency.valueOf(rs.getString("frequency"));
		PlanPeriod period = PlanPeriod.of(frequency, today());
		return new PlanView(rs.getLong("id"), rs.getLong("grid_id"), rs.getString("grid_name"),
				rs.getString("domain_code"), rs.getString("domain_name"), frequency.name(),
				rs.getInt("times_per_period"), rs.getLong("assignee_id"), rs.getString("assignee_name"),
				rs.getBoolean("enabled"), rs.getInt("done"), period.start(), period.end());
	}

	record Filter(Long gridId, Long assigneeId, String domainCode, boolean includeDisabled) {
	}

	record Assignee(long id, String name) {
	}

	record PlanCommand(Long gridId, String domainCode, String frequency, Integer timesPerPeriod, Long assigneeId,
			Boolean enabled) {
	}

	record PlanView(long id, long gridId, String gridName, String domainCode, String domainName, String frequency,
			int timesPerPeriod, long assigneeId, String assigneeName, boolean enabled, int doneInPeriod,
			LocalDate periodStart, LocalDate periodEnd) {
	}

}
