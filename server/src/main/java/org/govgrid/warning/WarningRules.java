package org.govgrid.warning;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

import org.govgrid.audit.AuditRecord;
import org.govgrid.audit.AuditTrail;
import org.govgrid.event.EventCatalog;
import org.govgrid.event.model.EventLevel;
import org.govgrid.event.model.EventSource;
import org.govgrid.platform.FieldErrors;
import org.govgrid.platform.NotFoundException;
import org.govgrid.platform.ScopeFilter;
import org.govgrid.platform.ScopedPrincipal;
import org.govgrid.region.RegionLevel;
import org.govgrid.region.RegionService;
import org.govgrid.region.RegionSummary;
import org.govgrid.warning.model.AlertLevel;
import org.govgrid.warning.model.GroupBy;
import org.govgrid.warning.model.RuleKind;
import org.govgrid.warning.model.WatchLevel;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Warning rules (预警规则). A rule belongs to a town or a larger area and watches it. The
 * caller sees the rules of their area and those of the areas above it (which watch them
 * too, read-only); they write only rules whose region lies in their scope, anything else
 * is 404.
 */
@Service
class WarningRules {

	static final int DEFAULT_RADIUS_METERS = 150;

	private static final String SELECT = "select r.*, g.name as region_name from warning_rule r join region g on g.id = r.region_id";

	private final NamedParameterJdbcTemplate jdbc;

	private final RegionService regions;

	private final EventCatalog catalog;

	private final AuditTrail audit;

	private final SignalSweep signals;

	WarningRules(NamedParameterJdbcTemplate jdbc, RegionService regions, EventCatalog catalog, AuditTrail audit,
			SignalSweep signals) {
		this.signals = signals;
		this.jdbc = jdbc;
		this.regions = regions;
		this.catalog = catalog;
		this.audit = audit;
	}

	@Transactional(readOnly = true)
	List<Rule.View> list(ScopedPrincipal caller, boolean includeDisabled) {
		MapSqlParameterSource params = new MapSqlParameterSource();
		String where = " where " + visible(caller, params) + (includeDisabled ? "" : " and r.enabled");
		Map<String, EventCatalog.CategoryName> categories = this.catalog.categories();
		return this.jdbc.query(SELECT + where + " order by r.region_path, r.id", params, WarningRules::rule)
			.stream()
			.map(r -> view(r, caller, categories))
			.toList();
	}

	@Transactional(readOnly = true)
	Rule.View get(long id, ScopedPrincipal caller) {
		return view(visibleRule(id, caller), caller, this.catalog.categories());
	}

	@Transactional
	Rule.View create(RuleCommand command, ScopedPrincipal caller) {
		Rule rule = validate(command, caller);
		Long id = this.jdbc.queryForObject("""
				insert into warning_rule (name, kind, region_id, region_path, alert_level, watch_level, threshold,
				    window_hours, category_code, event_level, event_source, group_by, spike_k, enabled, created_by,
				    radius_meters)
				values (:name, :kind, :region, :path, :alertLevel, :watchLevel, :threshold, :window, :category,
				    :eventLevel, :source, :groupBy, :k, :enabled, :me, :radius) returning id""",
				params(rule).addValue("me", caller.userId()), Long.class);
		this.audit
			.record(AuditRecord.success("WARNING_RULE_CREATE", "warning_rule", id, rule.kind() + " " + rule.name()));
		return get(id, caller);
	}

	@Transactional
	Rule.View update(long id, RuleCommand command, ScopedPrincipal caller) {
		writable(id, caller);
		Rule rule = validate(command, caller);
		this.jdbc.update(
				"""
						update warning_rule set name = :name, kind = :kind, region_id = :region, region_path = :path,
						    alert_level = :alertLevel, watch_level = :watchLevel, threshold = :threshold, window_hours = :window,
						    category_code = :category, event_level = :eventLevel, event_source = :source, group_by = :groupBy,
						    spike_k = :k, enabled = :enabled, radius_meters = :radius, version = version + 1
						where id = :id""",
				params(rule).addValue("id", id));
		this.audit
			.record(AuditRecord.success("WARNING_RULE_UPDATE", "warning_rule", id, rule.kind() + " " + rule.name()));
		return get(id, caller);
	}

	@Transactional
	void disable(long id, ScopedPrincipal caller) {
		writable(id, caller);
		this.jdbc.update("update warning_rule set enabled = false, version = version + 1 where id = :id",
				new MapSqlParameterSource("id", id));
		this.audit.record(AuditRecord.success("WARNING_RULE_DISABLE", "warning_rule", id, null));
	}

	/** Enabled rules of these kinds whose area contains the path (for evaluation). */
	@Transactional(readOnly = true)
	List<Rule> enabledCovering(String eventPath, List<RuleKind> kinds) {
		return this.jdbc.query(SELECT + """
				 where r.enabled and r.kind in (:kinds) and (:path = r.region_path or :path like r.region_path || '/%')
				order by r.id""",
				new MapSqlParameterSource("path", eventPath).addValue("kinds", kinds.stream().map(Enum::name).toList()),
				WarningRules::rule);
	}

	/** Every enabled rule of these kinds (for the sweep). */
	@Transactional(readOnly = true)
	List<Rule> enabled(List<RuleKind> kinds) {
		return this.jdbc.query(SELECT + " where r.enabled and r.kind in (:kinds) order by r.id",
				new MapSqlParameterSource("kinds", kinds.stream().map(Enum::name).toList()), WarningRules::rule);
	}

	/**
	 * Checks a rule definition against the caller's scope and names every bad field;
	 * returns the rule unsaved (id null).
	 */
	Rule validate(RuleCommand command, ScopedPrincipal caller) {
		FieldErrors errors = new FieldErrors();
		if (command.name() == null || command.name().isBlank()) {
			errors.add("name", "required / 名称必填");
		}
		else if (command.name().strip().length() > 100) {
			errors.add("name", "at most 100 characters / 名称最多100个字符");
		}
		RuleKind kind = parse(RuleKind.class, command.kind(), "kind", true, errors);
		AlertLevel alertLevel = parse(AlertLevel.class, command.alertLevel(), "alertLevel", true, errors);
		WatchLevel watchLevel = parse(WatchLevel.class, command.watchLevel(), "watchLevel", false, errors);
		GroupBy groupBy = parse(GroupBy.class, command.groupBy(), "groupBy", false, errors);
		parse(EventLevel.class, command.eventLevel(), "eventLevel", false, errors);
		parse(EventSource.class, command.eventSource(), "eventSource", false, errors);
		if (kind != null && kind.signal() && (command.eventLevel() != null || command.eventSource() != null)) {
			errors.add(command.eventLevel() != null ? "eventLevel" : "eventSource",
					"a signal rule counts no events / 该类规则不按事件筛选");
		}
		if ("WARNING".equals(command.eventSource())) {
			errors.add("eventSource", "events raised from alerts are never counted / 预警转出的事件不参与研判");
		}
		RegionSummary region = command.regionId() == null ? null
				: this.regions.find(command.regionId()).filter(r -> caller.scope().covers(r.path())).orElse(null);
		if (region == null) {
			errors.add("regionId", "a region in your area / 请选择本辖区的区域");
		}
		else if (region.level() == RegionLevel.COMMUNITY || region.level() == RegionLevel.GRID) {
			errors.add("regionId", "a town or a larger area / 规则须属于镇（街道）或以上区域");
		}
		if (command.threshold() == null || command.threshold() < 1 || command.threshold() > 100_000) {
			errors.add("threshold", "1 to 100000 / 阈值为1至100000");
		}
		if (kind != null && kind.windowed()
				&& (command.windowHours() == null || command.windowHours() < 1 || command.windowHours() > 8760)) {
			errors.add("windowHours", "1 to 8760 hours / 时间窗口为1至8760小时");
		}
		if (kind != null && kind.factored()
				&& (command.spikeK() == null || command.spikeK() < 0 || command.spikeK() > 100)) {
			errors.add("spikeK", "0 to 100 / 倍数为0至100");
		}
		else if (kind == RuleKind.CROWD_DENSITY && command.spikeK() != null
				&& (command.spikeK() < 0 || command.spikeK() > 100)) {
			errors.add("spikeK", "0 to 100 / 倍数为0至100");
		}
		if (kind != null && kind.spatial() && command.radiusMeters() != null
				&& (command.radiusMeters() < 10 || command.radiusMeters() > 5000)) {
			errors.add("radiusMeters", "10 to 5000 metres / 半径为10至5000米");
		}
		if (kind != null && kind.signal() && this.signals.source(kind).isEmpty()) {
			errors.add("kind", "no module judges this kind here / 本平台未启用该类预警的数据来源");
		}
		if (command.categoryCode() != null && !this.catalog.categories().containsKey(command.categoryCode())) {
			errors.add("categoryCode", "no such category / 事件分类不存在");
		}
		errors.throwIfAny();
		return new Rule(null, command.name().strip(), kind, region.id(), region.path(), alertLevel,
				watchLevel == null ? WatchLevel.GRID : watchLevel, command.threshold(),
				kind.windowed() ? command.windowHours() : null, command.categoryCode(), command.eventLevel(),
				command.eventSource(), groupBy == null ? GroupBy.CATEGORY : groupBy,
				kind.factored() || kind == RuleKind.CROWD_DENSITY ? command.spikeK() : null,
				command.enabled() == null || command.enabled(), kind.spatial()
						? (command.radiusMeters() == null ? DEFAULT_RADIUS_METERS : command.radiusMeters()) : null);
	}

	private static <E extends Enum<E>> E parse(Class<E> type, String value, String field, boolean required,
			FieldErrors errors) {
		if (value == null || value.isBlank()) {
			if (required) {
				errors.add(field, "required / 必填");
			}
			return null;
		}
		try {
			return Enum.valueOf(type, value.strip());
		}
		catch (IllegalArgumentException ex) {
			errors.add(field, "one of " + java.util.Arrays.toString(type.getEnumConstants()) + " / 取值无效");
			return null;
		}
	}

	private Rule visibleRule(long id, ScopedPrincipal caller) {
		MapSqlParameterSource params = new MapSqlParameterSource("id", id);
		return this.jdbc.query(SELECT + " where r.id = :id and " + visible(caller, params), params, WarningRules::rule)
			.stream()
			.findFirst()
			.orElseThrow(() -> new NotFoundException("warning rule", id));
	}

	private Rule writable(long id, ScopedPrincipal caller) {
		Rule rule = visibleRule(id, caller);
		if (!caller.scope().covers(rule.regionPath())) {
			throw new NotFoundException("warning rule", id);
		}
		return rule;
	}

	/** The caller's area and everything in it, and the areas above it. */
	private static String visible(ScopedPrincipal caller, MapSqlParameterSource params) {
		if (caller.scope().path().isEmpty()) {
			return "true";
		}
		return "(" + ScopeFilter.of(caller.scope(), "r.region_path").addTo(params)
				+ " or :scopePath like r.region_path || '/%')";
	}

	private static MapSqlParameterSource params(Rule rule) {
		return new MapSqlParameterSource("name", rule.name()).addValue("kind", rule.kind().name())
			.addValue("region", rule.regionId())
			.addValue("path", rule.regionPath())
			.addValue("alertLevel", rule.alertLevel().name())
			.addValue("watchLevel", rule.watchLevel().name())
			.addValue("threshold", rule.threshold())
			.addValue("window", rule.windowHours())
			.addValue("category", rule.categoryCode())
			.addValue("eventLevel", rule.eventLevel())
			.addValue("source", rule.eventSource())
			.addValue("groupBy", rule.groupBy().name())
			.addValue("k", rule.spikeK())
			.addValue("enabled", rule.enabled())
			.addValue("radius", rule.radiusMeters());
	}

	private Rule.View view(Rule rule, ScopedPrincipal caller, Map<String, EventCatalog.CategoryName> categories) {
		String regionName = this.regions.namesOf(List.of(rule.regionId())).get(rule.regionId());
		EventCatalog.CategoryName category = rule.categoryCode() == null ? null : categories.get(rule.categoryCode());
		return new Rule.View(rule.id(), rule.name(), rule.kind().name(), rule.regionId(), regionName,
				rule.alertLevel().name(), rule.watchLevel().name(), rule.threshold(), rule.windowHours(),
				rule.categoryCode(), category == null ? null : category.name(), rule.eventLevel(), rule.eventSource(),
				rule.groupBy().name(), rule.spikeK(), rule.enabled(), caller.scope().covers(rule.regionPath()),
				rule.radiusMeters());
	}

	static Rule rule(ResultSet rs, int n) throws SQLException {
		java.math.BigDecimal k = rs.getBigDecimal("spike_k");
		return new Rule(rs.getLong("id"), rs.getString("name"), RuleKind.valueOf(rs.getString("kind")),
				rs.getLong("region_id"), rs.getString("region_path"), AlertLevel.valueOf(rs.getString("alert_level")),
				WatchLevel.valueOf(rs.getString("watch_level")), rs.getInt("threshold"),
				rs.getObject("window_hours", Integer.class), rs.getString("category_code"), rs.getString("event_level"),
				rs.getString("event_source"), GroupBy.valueOf(rs.getString("group_by")),
				k == null ? null : k.doubleValue(), rs.getBoolean("enabled"),
				rs.getObject("radius_meters", Integer.class));
	}

	/**
	 * A rule as the console sends it. {@code kind} COUNT, REPEAT_ADDRESS, SPIKE or
	 * OVERDUE_CLUSTER; {@code watchLevel} GRID (default), COMMUNITY or TOWN;
	 * {@code groupBy} CATEGORY (default), TOP_CATEGORY or NONE; {@code radiusMeters} a
	 * HOTSPOT rule's radius (10–5000, default {@value #DEFAULT_RADIUS_METERS}).
	 */
	record RuleCommand(String name, String kind, Long regionId, String alertLevel, String watchLevel, Integer threshold,
			Integer windowHours, String categoryCode, String eventLevel, String eventSource, String groupBy,
			Double spikeK, Boolean enabled, Integer radiusMeters) {

	}

}
