package org.govgrid.event;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.govgrid.audit.AuditRecord;
import org.govgrid.audit.AuditTrail;
import org.govgrid.event.model.EventLevel;
import org.govgrid.event.model.RoutingRule.RouteTarget;
import org.govgrid.identity.Directory;
import org.govgrid.platform.CurrentUser;
import org.govgrid.platform.DataScope;
import org.govgrid.platform.FieldErrors;
import org.govgrid.platform.NotFoundException;
import org.govgrid.region.RegionService;
import org.govgrid.region.RegionSummary;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Admin CRUD of the routing rules. A caller sees the rules that can apply inside their
 * scope (city-wide ones and those of regions above or below it) and changes only rules
 * placed inside it.
 */
@RestController
@RequestMapping("/api/v1/routing-rules")
class RoutingRuleController {

	private static final int MAX_HOURS = 24 * 365;

	private final NamedParameterJdbcTemplate jdbc;

	private final RegionService regions;

	private final Directory directory;

	private final AuditTrail audit;

	RoutingRuleController(NamedParameterJdbcTemplate jdbc, RegionService regions, Directory directory,
			AuditTrail audit) {
		this.jdbc = jdbc;
		this.regions = regions;
		this.directory = directory;
		this.audit = audit;
	}

	@GetMapping
	@PreAuthorize("hasAuthority('event:routing:read')")
	@Transactional(readOnly = true)
	List<RuleView> list() {
		DataScope scope = CurrentUser.scope();
		List<RuleView> rules = this.jdbc
			.query("""
					select r.*, c.name as category_name from routing_rule r
					left join event_category c on c.code = r.category_code
					order by r.region_path nulls first, r.category_code nulls first, r.level nulls first, r.priority desc, r.id""",
					(rs, n) -> new RuleView(rs.getLong("id"), rs.getString("category_code"),
							rs.getString("category_name"), rs.getObject("region_id", Long.class),
							rs.getString("region_path"), null, rs.getString("level"), rs.getString("target_kind"),
							rs.getObject("department_id", Long.class), null, rs.getInt("acceptance_minutes") / 60.0,
							rs.getInt("disposal_minutes") / 60.0, rs.getBoolean("auto_dispatch"), rs.getInt("priority"),
							rs.getBoolean("enabled"), rs.getLong("version")))
			.stream()
			.filter(rule -> rule.regionPath() == null || scope.covers(rule.regionPath())
					|| scope.isUnder(rule.regionPath()))
			.toList();
		Set<Long> regionIds = new HashSet<>();
		Set<Long> departmentIds = new HashSet<>();
		rules.forEach(rule -> {
			if (rule.regionId() != null) {
				regionIds.add(rule.regionId());
			}
			if (rule.departmentId() != null) {
				departmentIds.add(rule.departmentId());
			}
		});
		Map<Long, String> regionNames = this.regions.namesOf(regionIds);
		Map<Long, String> departmentNames = this.directory.departmentNames(departmentIds);
		return rules.stream()
			.map(rule -> rule.named(regionNames.get(rule.regionId()), departmentNames.get(rule.departmentId())))
			.toList();
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@PreAuthorize("hasAuthority('event:routing:write')")
	@Transactional
	RuleView create(@RequestBody RuleCommand command) {
		MapSqlParameterSource params = validate(command);
		Long id = this.jdbc.queryForObject("""
				insert into routing_rule (category_code, region_id, region_path, level, target_kind, department_id,
				    acceptance_minutes, disposal_minutes, auto_dispatch, priority, enabled)
				values (:category, :regionId, :regionPath, :level, :targetKind, :departmentId, :acceptance, :disposal,
				    :autoDispatch, :priority, :enabled)
				returning id""", params, Long.class);
		this.audit.record(AuditRecord.success("ROUTING_RULE_CREATE", "routing_rule", id, describe(command)));
		return find(id);
	}

	@PutMapping("/{id}")
	@PreAuthorize("hasAuthority('event:routing:write')")
	@Transactional
	RuleView update(@PathVariable long id, @RequestBody RuleCommand command) {
		requireWritable(id);
		MapSqlParameterSource params = validate(command).addValue("id", id);
		this.jdbc.update("""
				update routing_rule set category_code = :category, region_id = :regionId, region_path = :regionPath,
				    level = :level, target_kind = :targetKind, department_id = :departmentId,
				    acceptance_minutes = :acceptance, disposal_minutes = :disposal, auto_dispatch = :autoDispatch,
				    priority = :priority, enabled = :enabled, version = version + 1
				where id = :id""", params);
		this.audit.record(AuditRecord.success("ROUTING_RULE_UPDATE", "routing_rule", id, describe(command)));
		return find(id);
	}

	@DeleteMapping("/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@PreAuthorize("hasAuthority('event:routing:write')")
	@Transactional
	void delete(@PathVariable long id) {
		requireWritable(id);
		this.jdbc.update("delete from routing_rule where id = :id", new MapSqlParameterSource("id", id));
		this.audit.record(AuditRecord.success("ROUTING_RULE_DELETE", "routing_rule", id, null));
	}

	private RuleView find(long id) {
		return list().stream()
			.filter(rule -> rule.id() == id)
			.findFirst()
			.orElseThrow(() -> new NotFoundException("routing rule", id));
	}

	/**
	 * A rule placed outside the caller's scope (or city-wide, for a local admin) is 404.
	 */
	private void requireWritable(long id) {
		DataScope scope = CurrentUser.scope();
		List<String> paths = this.jdbc.queryForList("select coalesce(region_path, '') from routing_rule where id = :id",
				new MapSqlParameterSource("id", id), String.class);
		if (paths.isEmpty() || !(scope.path().isEmpty() || scope.covers(paths.get(0)))) {
			throw new NotFoundException("routing rule", id);
		}
	}

	private MapSqlParameterSource validate(RuleCommand command) {
		DataScope scope = CurrentUser.scope();
		FieldErrors errors = new FieldErrors();
		if (command.categoryCode() != null && !Boolean.TRUE
			.equals(this.jdbc.queryForObject("select exists (select 1 from event_category where code = :code)",
					new MapSqlParameterSource("code", command.categoryCode()), Boolean.class))) {
			errors.add("categoryCode", "no such category / 事件分类不存在");
		}
		String regionPath = null;
		if (command.regionId() != null) {
			RegionSummary region = this.regions.find(command.regionId())
				.filter(r -> scope.covers(r.path()))
				.orElse(null);
			if (region == null) {
				errors.add("regionId", "no such region in your area / 区域不存在或不在辖区内");
			}
			else {
				regionPath = region.path();
			}
		}
		else if (!scope.path().isEmpty()) {
			errors.add("regionId", "required: a rule applies inside your area / 请选择适用区域");
		}
		EventLevel level = parse(EventLevel.class, command.level(), "level", errors);
		RouteTarget.Kind kind = command.targetKind() == null ? null
				: parse(RouteTarget.Kind.class, command.targetKind(), "targetKind", errors);
		if (command.targetKind() == null) {
			errors.add("targetKind", "required / 请选择流转目标");
		}
		if (kind == RouteTarget.Kind.DEPARTMENT) {
			boolean known = command.departmentId() != null && this.directory.department(command.departmentId())
				.filter(d -> scope.covers(d.regionPath()) || scope.isUnder(d.regionPath()))
				.isPresent();
			if (!known) {
				errors.add("departmentId", "no such department / 部门不存在");
			}
		}
		else if (command.departmentId() != null) {
			errors.add("departmentId", "only a department target names a department / 仅部门目标需指定部门");
		}
		hours(command.acceptanceHours(), "acceptanceHours", errors);
		hours(command.disposalHours(), "disposalHours", errors);
		errors.throwIfAny();
		return new MapSqlParameterSource("category", command.categoryCode()).addValue("regionId", command.regionId())
			.addValue("regionPath", regionPath)
			.addValue("level", level == null ? null : level.name())
			.addValue("targetKind", kind.name())
			.addValue("departmentId", kind == RouteTarget.Kind.DEPARTMENT ? command.departmentId() : null)
			.addValue("acceptance", (int) Math.round(command.acceptanceHours() * 60))
			.addValue("disposal", (int) Math.round(command.disposalHours() * 60))
			.addValue("autoDispatch", Boolean.TRUE.equals(command.autoDispatch()))
			.addValue("priority", Objects.requireNonNullElse(command.priority(), 0))
			.addValue("enabled", !Boolean.FALSE.equals(command.enabled()));
	}

	private static void hours(Double hours, String field, FieldErrors errors) {
		if (hours == null || hours * 60 < 1 || hours > MAX_HOURS) {
			errors.add(field, "between 1 minute and a year, in hours / 时限须在1分钟到1年之间（小时）");
		}
	}

	static <E extends Enum<E>> E parse(Class<E> type, String value, String field, FieldErrors errors) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return Enum.valueOf(type, value);
		}
		catch (IllegalArgumentException ex) {
			errors.add(field, "unknown code " + value + " / 未知代码");
			return null;
		}
	}

	private static String describe(RuleCommand command) {
		return "category=" + command.categoryCode() + " region=" + command.regionId() + " level=" + command.level()
				+ " target=" + command.targetKind() + "/" + command.departmentId() + " auto=" + command.autoDispatch();
	}

	record RuleCommand(String categoryCode, Long regionId, String level, String targetKind, Long departmentId,
			Double acceptanceHours, Double disposalHours, Boolean autoDispatch, Integer priority, Boolean enabled) {
	}

	record RuleView(long id, String categoryCode, String categoryName, Long regionId, String regionPath,
			String regionName, String level, String targetKind, Long departmentId, String departmentName,
			double acceptanceHours, double disposalHours, boolean autoDispatch, int priority, boolean enabled,
			long version) {

		RuleView named(String regionName, String departmentName) {
			return new RuleView(this.id, this.categoryCode, this.categoryName, this.regionId, this.regionPath,
					regionName, this.level, this.targetKind, this.departmentId, departmentName, this.acceptanceHours,
					this.disposalHours, this.autoDispatch, this.priority, this.enabled, this.version);
		}

	}

}
