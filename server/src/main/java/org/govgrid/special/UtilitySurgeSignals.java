package org.govgrid.special;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.govgrid.basedata.Households;
import org.govgrid.platform.DataScope;
import org.govgrid.platform.ScopeFilter;
import org.govgrid.warning.Signal;
import org.govgrid.warning.SignalQuery;
import org.govgrid.warning.SignalSource;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * {@code UTILITY_SURGE}: a meter whose latest full day's usage (yesterday, local time) is
 * at least the rule's threshold (a minimum daily usage, so tiny meters stay quiet) and
 * above the rule's factor k × its own 30-day median — or, for electricity, whose usage
 * per registered resident is above k × the grid's median (a 群租房 hint). One query for the
 * daily sums of the area's meters, one for the residents per house ({@link Households}).
 */
@Component
class UtilitySurgeSignals implements SignalSource {

	/** How far back a surge's run is followed to find when its episode began. */
	private static final int RUN_DAYS = 14;

	private final NamedParameterJdbcTemplate jdbc;

	private final Households households;

	UtilitySurgeSignals(NamedParameterJdbcTemplate jdbc, Households households) {
		this.jdbc = jdbc;
		this.households = households;
	}

	@Override
	public String kind() {
		return "UTILITY_SURGE";
	}

	@Override
	public String thresholdMeaning() {
		return "最低日用量（低于此值的表计不预警；倍数 k 对比本表近30日中位数，电表另比本网格人均中位数）";
	}

	@Override
	public String categoryCode() {
		return "XFAQ-04";
	}

	private record Meter(long id, MeterKind kind, String number, String address, long gridId, String path, Double lon,
			Double lat) {
	}

	private record Loaded(Map<Long, Meter> meters, List<SurgeCheck.Subject> subjects) {
	}

	@Override
	public List<Signal> holding(SignalQuery query) {
		LocalDate day = LocalDate.ofInstant(query.now(), MeterReadings.LOCAL).minusDays(1);
		Loaded loaded = load(query, day.minusDays(UsageSeries.BASELINE_DAYS + RUN_DAYS), day);
		double k = factor(query);
		Map<Long, SurgeCheck.Hit> hits = SurgeCheck.on(loaded.subjects(), day, k, query.threshold());
		Map<Long, LocalDate> starts = SurgeCheck.runStarts(loaded.subjects(), hits, day, k, query.threshold(),
				RUN_DAYS);
		List<Signal> signals = new ArrayList<>();
		hits.forEach((id, hit) -> signals.add(signal(loaded.meters().get(id), hit, k, starts.get(id))));
		return signals;
	}

	@Override
	public List<Signal> history(SignalQuery query, Instant from, Instant to) {
		// a day's surge holds from the end of that day, when the day is complete
		LocalDate first = LocalDate.ofInstant(from, MeterReadings.LOCAL).minusDays(1);
		LocalDate last = LocalDate.ofInstant(to, MeterReadings.LOCAL).minusDays(1);
		Loaded loaded = load(query, first.minusDays(UsageSeries.BASELINE_DAYS + 1), last);
		double k = factor(query);
		List<Signal> signals = new ArrayList<>();
		Map<Long, SurgeCheck.Hit> before = SurgeCheck.on(loaded.subjects(), first.minusDays(1), k, query.threshold());
		for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
			Map<Long, SurgeCheck.Hit> hits = SurgeCheck.on(loaded.subjects(), day, k, query.threshold());
			Instant onset = day.plusDays(1).atStartOfDay(MeterReadings.LOCAL).toInstant();
			if (!onset.isBefore(from) && !onset.isAfter(to)) {
				for (SurgeCheck.Hit hit : hits.values()) {
					if (!before.containsKey(hit.meterId())) {
						signals.add(signal(loaded.meters().get(hit.meterId()), hit, k, day));
					}
				}
			}
			before = hits;
		}
		return signals;
	}

	private static double factor(SignalQuery query) {
		return query.factor() == null ? 3.0 : query.factor();
	}

	private Signal signal(Meter meter, SurgeCheck.Hit hit, double k, LocalDate runStart) {
		String unit = meter.kind().unit();
		StringBuilder detail = new StringBuilder(
				meter.kind().label() + meter.number() + "（" + meter.address() + "）" + hit.day().getMonthValue() + "月"
						+ hit.day().getDayOfMonth() + "日用量" + UsageSeries.round(hit.usage()) + unit);
		if (hit.median() != null && hit.median() > 0 && hit.usage() > k * hit.median()) {
			detail.append("，为其近30日日用量中位数")
				.append(hit.median())
				.append(unit)
				.append("的")
				.append(ratio(hit.usage(), hit.median()))
				.append("倍（阈值")
				.append(k)
				.append("倍）");
		}
		if (hit.crowded()) {
			detail.append("；按登记人口计人均")
				.append(hit.perResident())
				.append(unit)
				.append("，为本网格电表人均中位数")
				.append(hit.gridMedianPerResident())
				.append(unit)
				.append("的")
				.append(ratio(hit.perResident(), hit.gridMedianPerResident()))
				.append("倍，疑似群租房，建议上门核查实际居住人数");
		}
		detail.append("。");
		Instant since = runStart.plusDays(1).atStartOfDay(MeterReadings.LOCAL).toInstant();
		return new Signal(meter.gridId(), meter.path(), "meter:" + meter.id(), detail.toString(),
				UsageSeries.round(hit.usage()), hit.limit(), since, meter.lon(), meter.lat());
	}

	private static String ratio(double value, double base) {
		return String.valueOf(Math.round(value / base * 10) / 10.0);
	}

	/**
	 * The area's active meters with their daily usage from {@code first} to {@code last}.
	 */
	private Loaded load(SignalQuery query, LocalDate first, LocalDate last) {
		MapSqlParameterSource params = new MapSqlParameterSource()
			.addValue("from", Timestamp.from(first.atStartOfDay(MeterReadings.LOCAL).toInstant()))
			.addValue("to", Timestamp.from(last.plusDays(1).atStartOfDay(MeterReadings.LOCAL).toInstant()));
		String area = ScopeFilter.of(new DataScope(0, query.regionPath()), "m.region_path").addTo(params);
		Map<Long, Meter> meters = new LinkedHashMap<>();
		Map<Long, Long> houses = new LinkedHashMap<>();
		Map<Long, TreeMap<LocalDate, Double>> daily = new LinkedHashMap<>();
		this.jdbc.query("""
				select m.id, m.kind, m.meter_number, m.address, m.house_id, m.grid_id, m.region_path, m.lon, m.lat,
				    d.day, d.usage
				from utility_meter m
				join lateral (select (r.read_at at time zone 'Asia/Shanghai')::date as day, sum(r.usage) as usage
				    from utility_reading r
				    where r.meter_id = m.id and r.read_at >= :from and r.read_at < :to and r.usage is not null
				    group by 1) d on true
				where m.status = 'ACTIVE' and """ + area, params, (RowCallbackHandler) rs -> {
			long id = rs.getLong("id");
			if (!meters.containsKey(id)) {
				houses.put(id, rs.getLong("house_id"));
				meters.put(id, meter(rs));
			}
			daily.computeIfAbsent(id, key -> new TreeMap<>())
				.put(rs.getObject("day", LocalDate.class), rs.getDouble("usage"));
		});
		Map<Long, Integer> residents = meters.isEmpty() ? Map.of() : this.households.residentsIn(query.regionPath());
		List<SurgeCheck.Subject> subjects = new ArrayList<>();
		meters.forEach((id, meter) -> subjects.add(new SurgeCheck.Subject(id, meter.gridId(),
				meter.kind() == MeterKind.ELECTRICITY, residents.getOrDefault(houses.get(id), 0), daily.get(id))));
		return new Loaded(meters, subjects);
	}

	private static Meter meter(java.sql.ResultSet rs) throws java.sql.SQLException {
		return new Meter(rs.getLong("id"), MeterKind.valueOf(rs.getString("kind")), rs.getString("meter_number"),
				rs.getString("address"), rs.getLong("grid_id"), rs.getString("region_path"),
				rs.getObject("lon", Double.class), rs.getObject("lat", Double.class));
	}

}
