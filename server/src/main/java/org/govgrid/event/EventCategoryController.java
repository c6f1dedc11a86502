package org.govgrid.event;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.govgrid.audit.AuditRecord;
import org.govgrid.audit.AuditTrail;
import org.govgrid.event.model.EventLevel;
import org.govgrid.platform.FieldErrors;
import org.govgrid.platform.NotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The two-level category tree (大类/小类) with each category's default level and time limits;
 * categories are city-wide reference data, the same for every scope.
 */
@RestController
class EventCategoryController {

	private static final int MAX_HOURS = 24 * 365;

	private final JdbcTemplate jdbc;

	private final AuditTrail audit;

	EventCategoryController(JdbcTemplate jdbc, AuditTrail audit) {
		this.jdbc = jdbc;
		this.audit = audit;
	}

	@GetMapping("/api/v1/event-categories")
	@PreAuthorize("hasAuthority('event:category:read')")
	List<CategoryNode> tree(@RequestParam(defaultValue = "false") boolean all) {
		Map<String, CategoryNode> byCode = new LinkedHashMap<>();
		List<CategoryNode> roots = new ArrayList<>();
		this.jdbc.query("""
				select code, parent_code, name, default_level, acceptance_minutes, disposal_minutes, enabled, sort_order
				from event_category
				where enabled or ? order by parent_code nulls first, sort_order""", rs -> {
			CategoryNode node = new CategoryNode(rs.getString("code"), rs.getString("name"),
					EventLevel.valueOf(rs.getString("default_level")), rs.getInt("acceptance_minutes") / 60.0,
					rs.getInt("disposal_minutes") / 60.0, rs.getBoolean("enabled"), rs.getInt("sort_order"),
					new ArrayList<>());
			byCode.put(node.code(), node);
			CategoryNode parent = byCode.get(rs.getString("parent_code"));
			if (parent == null) {
				roots.add(node);
			}
			else {
				parent.children().add(node);
			}
		}, all);
		return roots;
	}

	/** A new 小类 under a 大类, or a new 大类 (no parent). */
	@PostMapping("/api/v1/event-categories")
	@ResponseStatus(HttpStatus.CREATED)
	@PreAuthorize("hasAuthority('event:category:write')")
	@Transactional
	CategoryNode create(@RequestBody CategoryCommand command) {
		FieldErrors errors = validate(command);
		if (command.code() == null || !command.code().matches("[A-Z]{2,8}(-[0-9]{2,3})?")) {
			errors.add("code", "like CSGL or CSGL-09 / 编码格式如 CSGL 或 CSGL-09");
		}
		else if (exists(command.code())) {
			errors.add("code", "already exists / 编码已存在");
		}
		if (command.parentCode() != null && !Boolean.TRUE.equals(this.jdbc.queryForObject(
				"select exists (select 1 from event_category where code = ? and parent_code is null)", Boolean.class,
				command.parentCode()))) {
			errors.add("parentCode", "no such top-level category / 上级大类不存在");
		}
		errors.throwIfAny();
		this.jdbc.update(
				"""
						insert into event_category (code, parent_code, name, default_level, acceptance_minutes, disposal_minutes,
						    sort_order, enabled)
						values (?, ?, ?, ?, ?, ?, coalesce(?, (select coalesce(max(sort_order), 0) + 1 from event_category
						    where parent_code is not distinct from ?)), coalesce(?, true))""",
				command.code(), command.parentCode(), command.name().strip(), command.defaultLevel(),
				minutes(command.acceptanceHours()), minutes(command.disposalHours()), command.sortOrder(),
				command.parentCode(), command.enabled());
		this.audit
			.record(AuditRecord.success("EVENT_CATEGORY_CREATE", "event_category", command.code(), command.name()));
		return find(command.code());
	}

	@PutMapping("/api/v1/event-categories/{code}")
	@PreAuthorize("hasAuthority('event:category:write')")
	@Transactional
	CategoryNode update(@PathVariable String code, @RequestBody CategoryCommand command) {
		if (!exists(code)) {
			throw new NotFoundException("event category", code);
		}
		validate(command).throwIfAny();
		this.jdbc.update("""
				update event_category set name = ?, default_level = ?, acceptance_minutes = ?, disposal_minutes = ?,
				    sort_order = coalesce(?, sort_order), enabled = coalesce(?, enabled)
				where code = ?""", command.name().strip(), command.defaultLevel(), minutes(command.acceptanceHours()),
				minutes(command.disposalHours()), command.sortOrder(), command.enabled(), code);
		this.audit.record(AuditRecord.success("EVENT_CATEGORY_UPDATE", "event_category", code, command.name()));
		return find(code);
	}

	private CategoryNode find(String code) {
		return tree(true).stream()
			.flatMap(root -> java.util.stream.Stream.concat(java.util.stream.Stream.of(root), root.children().stream()))
			.filter(node -> node.code().equals(code))
			.findFirst()
			.orElseThrow(() -> new NotFoundException("event category", code));
	}

	private boolean exists(String code) {
		return Boolean.TRUE.equals(this.jdbc
			.queryForObject("select exists (select 1 from event_category where code = ?)", Boolean.class, code));
	}

	private static FieldErrors validate(CategoryCommand command) {
		FieldErrors errors = new FieldErrors();
		if (command.name() == null || command.name().isBlank() || command.name().strip().length() > 100) {
			errors.add("name", "1–100 characters / 名称必填，最多100字");
		}
		RoutingRuleController.parse(EventLevel.class, command.defaultLevel(), "defaultLevel", errors);
		if (command.defaultLevel() == null) {
			errors.add("defaultLevel", "required / 请选择默认等级");
		}
		for (var hours : java.util.Map
			.of("acceptanceHours", java.util.Optional.ofNullable(command.acceptanceHours()), "disposalHours",
					java.util.Optional.ofNullable(command.disposalHours()))
			.entrySet()) {
			double value = hours.getValue().orElse(0.0);
			if (value * 60 < 1 || value > MAX_HOURS) {
				errors.add(hours.getKey(), "between 1 minute and a year, in hours / 时限须在1分钟到1年之间（小时）");
			}
		}
		return errors;
	}

	private static int minutes(Double hours) {
		return (int) Math.round(hours * 60);
	}

	record CategoryCommand(String code, String parentCode, String name, String defaultLevel, Double acceptanceHours,
			Double disposalHours, Integer sortOrder, Boolean enabled) {
	}

	record CategoryNode(String code, String name, EventLevel defaultLevel, double acceptanceHours, double disposalHours,
			boolean enabled, int sortOrder, List<CategoryNode> children) {
	}

}
