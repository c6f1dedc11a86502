package org.govgrid.stats;

import java.util.List;
import java.util.Set;

import org.govgrid.platform.FieldErrors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * Which widgets a user put on their dashboard, where (a 24-column grid) and with which
 * options; users who never arranged theirs get the default.
 */
@Service
class DashboardLayouts {

	static final Set<String> WIDGETS = Set.of("total", "timeliness", "monthly", "byLevel", "bySource", "byCategory",
			"byStatus", "satisfaction", "map", "alerts", "workerRanking", "gridRanking", "screening");

	static final int COLUMNS = 24;

	static final int MAX_WIDGETS = 30;

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/**
	 * What a user who never arranged theirs sees: the open alerts (研判预警) beside the
	 * monthly trend, where a leader or the centre looks first.
	 */
	static final Layout DEFAULT = new Layout(List.of(new Widget("total", 0, 0, 6, 4, null),
			new Widget("timeliness", 6, 0, 18, 4, null), new Widget("monthly", 0, 4, 16, 8, null),
			new Widget("alerts", 16, 4, 8, 8, null), new Widget("byCategory", 0, 12, 10, 8, null),
			new Widget("byLevel", 10, 12, 7, 8, null), new Widget("bySource", 17, 12, 7, 8, null),
			new Widget("map", 0, 20, 16, 10, "onTimeRate"), new Widget("byStatus", 16, 20, 8, 10, null)));

	private final JdbcClient jdbc;

	DashboardLayouts(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Layout of(long userId) {
		return this.jdbc.sql("select layout::text from stats_dashboard_layout where user_id = :user")
			.param("user", userId)
			.query(String.class)
			.optional()
			.map(json -> JSON.readValue(json, Layout.class))
			.orElse(DEFAULT);
	}

	Layout save(long userId, Layout layout) {
		FieldErrors errors = new FieldErrors();
		if (layout == null || layout.widgets() == null) {
			errors.add("widgets", "a list of widgets / 请提供组件列表");
			errors.throwIfAny();
		}
		if (layout.widgets().size() > MAX_WIDGETS) {
			errors.add("widgets", "at most " + MAX_WIDGETS + " / 组件过多");
		}
		for (int i = 0; i < layout.widgets().size(); i++) {
			Widget w = layout.widgets().get(i);
			String at = "widgets[" + i + "].";
			if (w == null || w.type() == null || !WIDGETS.contains(w.type())) {
				errors.add(at + "type", "one of " + WIDGETS + " / 未知组件");
				continue;
			}
			if (w.x() == null || w.x() < 0 || w.x() >= COLUMNS) {
				errors.add(at + "x", "0–23 / 列位置无效");
			}
			if (w.y() == null || w.y() < 0 || w.y() > 500) {
				errors.add(at + "y", "0–500 / 行位置无效");
			}
			if (w.w() == null || w.w() < 1 || (w.x() != null && w.x() + w.w() > COLUMNS)) {
				errors.add(at + "w", "1–24 columns, inside the grid / 宽度无效");
			}
			if (w.h() == null || w.h() < 1 || w.h() > 40) {
				errors.add(at + "h", "1–40 rows / 高度无效");
			}
			if (w.option() != null && w.option().length() > 40) {
				errors.add(at + "option", "at most 40 characters / 选项过长");
			}
		}
		errors.throwIfAny();
		this.jdbc.sql("""
				insert into stats_dashboard_layout (user_id, layout) values (:user, cast(:layout as jsonb))
				on conflict (user_id) do update set layout = excluded.layout, updated_at = now()""")
			.param("user", userId)
			.param("layout", JSON.writeValueAsString(layout))
			.update();
		return of(userId);
	}

	/** Back to the default. */
	void reset(long userId) {
		this.jdbc.sql("delete from stats_dashboard_layout where user_id = :user").param("user", userId).update();
	}

	record Layout(List<Widget> widgets) {
	}

	/**
	 * A widget at column {@code x}, row {@code y}, {@code w} columns wide and {@code h}
	 * rows high; {@code option} e.g. the measure a map colours grids by.
	 */
	record Widget(String type, Integer x, Integer y, Integer w, Integer h, String option) {
	}

}
