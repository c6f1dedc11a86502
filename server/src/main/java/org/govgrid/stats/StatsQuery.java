package org.govgrid.stats;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.govgrid.event.EventCatalog;
import org.govgrid.platform.FieldErrors;
import org.govgrid.platform.ScopeFilter;
import org.govgrid.region.RegionService;
import org.govgrid.region.RegionSummary;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 多维度统计 (标准 7.2.9): events reported in an area and a range of days, grouped by up to
 * three dimensions, with the chosen measures. Measures are of the events of each group
 * (their closing, timeliness and rating), whenever those happened.
 */
@Service
class StatsQuery {

	/** Dimension → SQL over the fact {@code f}. */
	static final Map<String, String> DIMENSIONS = Map.of("town", "split_part(f.region_path, '/', 3)", "community",
			"split_part(f.region_path, '/', 4)", "grid", "split_part(f.region_path, '/', 5)", "category",
			"f.category_code", "topCategory", "f.category_code", "source", "f.source", "level", "f.level", "status",
			"f.status", "day", "to_char(f.report_day, 'YYYY-MM-DD')", "week",
			"to_char(date_trunc('week', f.report_day), 'YYYY-MM-DD')");

	static final String MONTH = "to_char(f.report_day, 'YYYY-MM')";

	/** Measure → SQL aggregate over the group. */
	static final Map<String, String> MEASURES = Map.of("count", "count(*)", "closed", "count(f.close_day)",
			"onTimeRate", "round(count(*) filter (where f.closed_on_time)::numeric / nullif(count(f.close_day), 0), 4)",
			"avgHandlingHours", "round(avg(f.handling_seconds) / 3600.0, 2)", "satisfaction", "round(avg(f.score), 2)",
			"overdue", "count(*) filter (where f.overdue)");

	private static final Set<String> FILTERS = Set.of("categoryCode", "level", "source", "status");

	private final NamedParameterJdbcTemplate jdbc;

	private final RegionService regions;

	private final EventCatalog catalog;

	StatsQuery(NamedParameterJdbcTemplate jdbc, RegionService regions, EventCatalog catalog) {
		this.jdbc = jdbc;
		this.regions = regions;
		this.catalog = catalog;
	}

	/** Checks the dimensions and measures together: every bad one is named. */
	static Request request(List<String> dimensions, List<String> measures, Map<String, String> filters,
			FieldErrors errors) {
		List<String> dims = dimensions == null ? List.of() : dimensions.stream().map(String::strip).toList();
		List<String> meas = measures == null || measures.isEmpty() ? List.of("count")
				: measures.stream().map(String::strip).toList();
		if (dims.size() > 3) {
			errors.add("dimensions", "at most three / 最多三个维度");
		}
		for (String d : dims) {
			if (!DIMENSIONS.containsKey(d) && !d.equals("month")) {
				errors.add("dimensions", "unknown dimension " + d + " / 未知维度");
			}
		}
		if (dims.stream().distinct().count() != dims.size()) {
			errors.add("dimensions", "each at most once / 维度不能重复");
		}
		for (String m : meas) {
			if (!MEASURES.containsKey(m)) {
				errors.add("measures", "unknown measure " + m + " / 未知指标");
			}
		}
		Map<String, String> used = new LinkedHashMap<>();
		filters.forEach((k, v) -> {
			if (v != null && !v.isBlank() && FILTERS.contains(k)) {
				used.put(k, v.strip());
			}
		});
		return new Request(dims, meas, used);
	}

	@Transactional(readOnly = true)
	Result run(RegionSummary region, LocalDate from, LocalDate to, Request request) {
		MapSqlParameterSource params = new MapSqlParameterSource("from", EventFacts.date(from)).addValue("to",
				EventFacts.date(to));
		StringBuilder where = new StringBuilder(ScopeFilter.at(region.path(), "f.region_path", "area").addTo(params))
			.append(" and f.report_day between :from and :to");
		request.filters().forEach((name, value) -> {
			switch (name) {
				case "categoryCode" -> where.append(" and (f.category_code = :categoryCode or f.category_code in ")
					.append("(:categoryChildren))");
				case "level" -> where.append(" and f.level = :level");
				case "source" -> where.append(" and f.source = :source");
				default -> where.append(" and f.status = :status");
			}
			params.addValue(name, value);
		});
		Map<String, EventCatalog.CategoryName> categories = this.catalog.categories();
		if (request.filters().containsKey("categoryCode")) {
			List<String> children = categories.values()
				.stream()
				.filter(c -> request.filters().get("categoryCode").equals(c.parentCode()))
				.map(EventCatalog.CategoryName::code)
				.toList();
			params.addValue("categoryChildren", children.isEmpty() ? List.of("") : children);
		}
		String topCategory = topCategorySql(categories);
		List<String> keys = request.dimensions()
			.stream()
			.map(d -> d.equals("topCategory") ? topCategory : sql(d))
			.toList();
		StringBuilder select = new StringBuilder("select ");
		for (int i = 0; i < keys.size(); i++) {
			select.append(keys.get(i)).append(" as d").append(i).append(", ");
		}
		for (int i = 0; i < request.measures().size(); i++) {
			select.append(MEASURES.get(request.measures().get(i))).append(" as m").append(i);
			select.append(i + 1 < request.measures().size() ? ", " : " ");
		}
		String sql = select + "from stats_event_fact f where " + where + (keys.isEmpty() ? ""
				: " group by " + String.join(", ", keys) + " order by " + String.join(", ", keys));
		List<Object[]> raw = this.jdbc.query(sql, params, (rs, n) -> row(rs, keys.size(), request.measures().size()));
		return new Result(request.dimensions(), request.measures(), label(request, raw, categories));
	}

	/** The 大类 of {@code f.category_code}, as a CASE over the known codes. */
	static String topCategorySql(Map<String, EventCatalog.CategoryName> categories) {
		StringBuilder sql = new StringBuilder("case f.category_code");
		categories.values().forEach(c -> {
			if (c.parentCode() != null && c.code().matches("[A-Za-z0-9_-]+")
					&& c.parentCode().matches("[A-Za-z0-9_-]+")) {
				sql.append(" when '").append(c.code()).append("' then '").append(c.parentCode()).append("'");
			}
		});
		return sql.append(" else f.category_code end").toString();
	}

	private static String sql(String dimension) {
		return dimension.equals("month") ? MONTH : DIMENSIONS.get(dimension);
	}

	private static Object[] row(ResultSet rs, int dims, int measures) throws SQLException {
		Object[] row = new Object[dims + measures];
		for (int i = 0; i < dims; i++) {
			row[i] = rs.getString("d" + i);
		}
		for (int i = 0; i < measures; i++) {
			Object value = rs.getObject("m" + i);
			row[dims + i] = value instanceof Number number ? number.doubleValue() : null;
		}
		return row;
	}

	/** Names for the keys: regions and categories by their codes. */
	private List<Row> label(Request request, List<Object[]> raw, Map<String, EventCatalog.CategoryName> categories) {
		Set<String> regionCodes = new java.util.HashSet<>();
		for (Object[] r : raw) {
			for (int i = 0; i < request.dimensions().size(); i++) {
				if (Set.of("town", "community", "grid").contains(request.dimensions().get(i)) && r[i] != null) {
					regionCodes.add((String) r[i]);
				}
			}
		}
		Map<String, String> regionNames = new java.util.HashMap<>();
		this.regions.findAll(regionCodes, List.of()).forEach(r -> regionNames.put(r.code(), r.name()));
		List<Row> rows = new ArrayList<>();
		for (Object[] r : raw) {
			List<Key> keys = new ArrayList<>();
			for (int i = 0; i < request.dimensions().size(); i++) {
				String dimension = request.dimensions().get(i);
				String key = (String) r[i];
				String name = switch (dimension) {
					case "town", "community", "grid" -> regionNames.getOrDefault(key, key);
					case "category", "topCategory" -> categories.containsKey(key) ? categories.get(key).name() : key;
					default -> key;
				};
				keys.add(new Key(key, name));
			}
			Map<String, Double> values = new LinkedHashMap<>();
			for (int i = 0; i < request.measures().size(); i++) {
				values.put(request.measures().get(i), (Double) r[request.dimensions().size() + i]);
			}
			rows.add(new Row(keys, values));
		}
		return rows;
	}

	record Request(List<String> dimensions, List<String> measures, Map<String, String> filters) {
	}

	record Key(String key, String name) {
	}

	record Row(List<Key> keys, Map<String, Double> values) {
	}

	record Result(List<String> dimensions, List<String> measures, List<Row> rows) {
	}

}
