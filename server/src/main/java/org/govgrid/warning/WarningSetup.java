package org.govgrid.warning;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Warning rules set up by the system (demo data, tests), not by a user in the console.
 */
@Service
public class WarningSetup {

	private final JdbcTemplate jdbc;

	WarningSetup(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * An enabled COUNT rule: at least {@code threshold} events of one 小类 in one grid of
	 * the region within {@code windowHours}; {@code alertLevel} BLUE, YELLOW, ORANGE or
	 * RED. Returns its id.
	 */
	@Transactional
	public long countRule(String name, long regionId, int threshold, int windowHours, String alertLevel) {
		return this.jdbc.queryForObject("""
				insert into warning_rule (name, kind, region_id, region_path, alert_level, watch_level, threshold,
				    window_hours, group_by)
				select ?, 'COUNT', id, path, ?, 'GRID', ?, ?, 'CATEGORY' from region
				where id = ? and level in ('CITY', 'DISTRICT', 'TOWN') returning id""", Long.class, name,
				org.govgrid.warning.model.AlertLevel.valueOf(alertLevel).name(), threshold, windowHours, regionId);
	}

	/**
	 * An enabled signal rule ({@code kind} UTILITY_SILENCE, UTILITY_SURGE, CROWD_DENSITY,
	 * OPINION_BURST or DEVICE_OFFLINE, judged by that kind's {@link SignalSource}) over a
	 * town or larger region; {@code windowHours}, {@code factor} and {@code categoryCode}
	 * (what a converted alert becomes) may be null. Returns its id.
	 */
	@Transactional
	public long signalRule(String name, String kind, long regionId, int threshold, Integer windowHours, Double factor,
			String alertLevel, String categoryCode) {
		org.govgrid.warning.model.RuleKind ruleKind = org.govgrid.warning.model.RuleKind.valueOf(kind);
		if (!ruleKind.signal()) {
			throw new IllegalArgumentException(kind + " is not a signal kind");
		}
		return this.jdbc.queryForObject("""
				insert into warning_rule (name, kind, region_id, region_path, alert_level, watch_level, threshold,
				    window_hours, spike_k, category_code, group_by)
				select ?, ?, id, path, ?, 'GRID', ?, ?, ?, ?, 'NONE' from region
				where id = ? and level in ('CITY', 'DISTRICT', 'TOWN') returning id""", Long.class, name,
				ruleKind.name(), org.govgrid.warning.model.AlertLevel.valueOf(alertLevel).name(), threshold,
				windowHours, factor, categoryCode, regionId);
	}

}
