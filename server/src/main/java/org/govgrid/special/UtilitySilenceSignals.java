package org.govgrid.special;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

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
 * {@code UTILITY_SILENCE}: a watched household — a house where a resident carries the key
 * group 独居老人 ({@code ELDERLY_ALONE}) — whose water meter has shown no usage for at least
 * the rule's threshold in hours, whether its readings keep arriving flat or have stopped.
 * One query for the watched houses (basedata's {@link Households}), one for their meters.
 */
@Component
class UtilitySilenceSignals implements SignalSource {

	static final String WATCHED_GROUP = "ELDERLY_ALONE";

	private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("M月d日 HH:mm", Locale.CHINA)
		.withZone(MeterReadings.LOCAL);

	private final NamedParameterJdbcTemplate jdbc;

	private final Households households;

	UtilitySilenceSignals(NamedParameterJdbcTemplate jdbc, Households households) {
		this.jdbc = jdbc;
		this.households = households;
	}

	@Override
	public String kind() {
		return "UTILITY_SILENCE";
	}

	@Override
	public String thresholdMeaning() {
		return "独居老人户水表连续无用水的小时数";
	}

	@Override
	public String categoryCode() {
		return "MSFW-02";
	}

	private record Watched(long id, String number, long gridId, String path, String address, Double lon, Double lat,
			Instant firstSeen, Instant lastUse, Instant lastSeen) {
	}

	@Override
	public List<Signal> holding(SignalQuery query) {
		List<Signal> signals = new ArrayList<>();
		for (Watched m : watched(query, query.now())) {
			Instant since = SilenceCheck.silentSince(m.lastUse(), m.firstSeen());
			if (!SilenceCheck.holds(since, query.now(), query.threshold())) {
				continue;
			}
			double hours = Math.floor(SilenceCheck.hours(since, query.now()) * 10) / 10;
			String how = m.lastUse() == null ? "装表以来未见用水" : "最后一次用水在" + SHOWN.format(m.lastUse());
			String feed = m.lastSeen() != null && m.lastSeen().isAfter(since) ? "读数仍在正常上传" : "期间未收到读数（表计或通信可能故障）";
			String detail = "独居老人户" + m.address() + "的水表" + m.number() + "已连续" + hours + "小时无用水（" + how + "，" + feed
					+ "），请尽快上门或电话确认老人安全。";
			signals.add(new Signal(m.gridId(), m.path(), "meter:" + m.id(), detail, hours, query.threshold(),
					since.plus(Duration.ofHours(query.threshold())), m.lon(), m.lat()));
		}
		return signals;
	}

	@Override
	public List<Signal> history(SignalQuery query, Instant from, Instant to) {
		Instant lookFrom = from.minus(Duration.ofHours(query.threshold()));
		List<Watched> meters = watched(query, lookFrom);
		if (meters.isEmpty()) {
			return List.of();
		}
		Map<Long, List<Instant>> uses = new HashMap<>();
		MapSqlParameterSource params = new MapSqlParameterSource("ids", meters.stream().map(Watched::id).toList())
			.addValue("from", Timestamp.from(lookFrom))
			.addValue("to", Timestamp.from(to));
		this.jdbc.query("""
				select meter_id, read_at from utility_reading
				where meter_id in (:ids) and usage > 0 and read_at >= :from and read_at <= :to
				order by meter_id, read_at""", params,
				(RowCallbackHandler) rs -> uses.computeIfAbsent(rs.getLong(1), id -> new ArrayList<>())
					.add(rs.getTimestamp(2).toInstant()));
		List<Signal> signals = new ArrayList<>();
		for (Watched m : meters) {
			List<Instant> used = uses.getOrDefault(m.id(), List.of());
			// the last use before the window (lastUse was read at lookFrom) starts the
			// chain
			Instant start = SilenceCheck.silentSince(m.lastUse(), m.firstSeen());
			for (Instant onset : SilenceCheck.onsets(used, start, from, to, query.threshold())) {
				Instant began = onset.minus(Duration.ofHours(query.threshold()));
				Instant ended = used.stream().filter(u -> u.isAfter(began)).findFirst().orElse(to);
				double hours = Math.floor(SilenceCheck.hours(began, ended) * 10) / 10;
				String detail = "独居老人户" + m.address() + "的水表" + m.number() + "自" + SHOWN.format(began) + "起连续" + hours
						+ "小时无用水" + (ended.equals(to) ? "（至回测结束仍未用水）" : "") + "。";
				signals.add(new Signal(m.gridId(), m.path(), "meter:" + m.id(), detail, hours, query.threshold(), onset,
						m.lon(), m.lat()));
			}
		}
		return signals;
	}

	/**
	 * The water meters of the watched houses in the rule's area, as read at {@code at}.
	 */
	private List<Watched> watched(SignalQuery query, Instant at) {
		List<Long> houses = this.households.withKeyGroup(WATCHED_GROUP, query.regionPath());
		if (houses.isEmpty()) {
			return List.of();
		}
		MapSqlParameterSource params = new MapSqlParameterSource("houses", houses).addValue("at", Timestamp.from(at));
		String area = ScopeFilter.of(new DataScope(0, query.regionPath()), "m.region_path").addTo(params);
		return this.jdbc.query("""
				select m.id, m.meter_number, m.grid_id, m.region_path, m.address, m.lon, m.lat,
				    least(m.created_at, (select min(r.read_at) from utility_reading r where r.meter_id = m.id))
				        as first_seen,
				    (select max(r.read_at) from utility_reading r
				     where r.meter_id = m.id and r.usage > 0 and r.read_at <= :at) as last_use,
				    (select max(r.read_at) from utility_reading r where r.meter_id = m.id and r.read_at <= :at)
				        as last_seen
				from utility_meter m
				where m.kind = 'WATER' and m.status = 'ACTIVE' and m.house_id in (:houses) and """ + area, params,
				(rs, n) -> new Watched(rs.getLong("id"), rs.getString("meter_number"), rs.getLong("grid_id"),
						rs.getString("region_path"), rs.getString("address"), rs.getObject("lon", Double.class),
						rs.getObject("lat", Double.class), instant(rs.getTimestamp("first_seen")),
						instant(rs.getTimestamp("last_use")), instant(rs.getTimestamp("last_seen"))));
	}

	private static Instant instant(Timestamp value) {
		return value == null ? null : value.toInstant();
	}

}
