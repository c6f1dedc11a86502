package org.govgrid.iot;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.govgrid.platform.DataScope;
import org.govgrid.platform.ScopeFilter;
import org.govgrid.warning.Signal;
import org.govgrid.warning.SignalQuery;
import org.govgrid.warning.SignalSource;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * {@code DEVICE_OFFLINE}: a device in service that has sent nothing for at least the
 * rule's threshold in minutes (a device never heard counts from its registration). The
 * backtest replays the message log: each gap longer than the threshold began to hold the
 * threshold after the message before it. One query per call.
 */
@Component
class OfflineDevices implements SignalSource {

	private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

	private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	private final NamedParameterJdbcTemplate jdbc;

	OfflineDevices(NamedParameterJdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public String kind() {
		return "DEVICE_OFFLINE";
	}

	@Override
	public String thresholdMeaning() {
		return "设备连续无消息的分钟数";
	}

	@Override
	public String categoryCode() {
		// an offline sensor is a broken public facility until someone has looked
		return "XFAQ-03";
	}

	@Override
	@Transactional(readOnly = true)
	public List<Signal> holding(SignalQuery query) {
		Duration threshold = Duration.ofMinutes(Math.max(1, query.threshold()));
		Instant cutoff = query.now().minus(threshold);
		MapSqlParameterSource params = new MapSqlParameterSource("cutoff", Timestamp.from(cutoff));
		String area = ScopeFilter.of(new DataScope(0L, query.regionPath()), "d.region_path").addTo(params);
		return this.jdbc.query("""
				select d.id, d.code, d.name, k.name as kind_name, d.grid_id, d.region_path, d.lon, d.lat,
				       coalesce(d.last_seen_at, d.created_at) as seen, d.last_seen_at is null as never
				from iot_device d join iot_device_kind k on k.kind = d.kind
				where d.state <> 'DISABLED' and %s
				  and (d.last_seen_at <= :cutoff or (d.last_seen_at is null and d.created_at <= :cutoff))
				order by d.id""".formatted(area), params, (rs, n) -> signal(rs, rs.getTimestamp("seen").toInstant(),
				query.now(), threshold, rs.getBoolean("never")));
	}

	@Override
	@Transactional(readOnly = true)
	public List<Signal> history(SignalQuery query, Instant from, Instant to) {
		Duration threshold = Duration.ofMinutes(Math.max(1, query.threshold()));
		MapSqlParameterSource params = new MapSqlParameterSource("lower", Timestamp.from(from.minus(threshold)))
			.addValue("from", Timestamp.from(from))
			.addValue("to", Timestamp.from(to))
			.addValue("minutes", (int) threshold.toMinutes());
		String area = ScopeFilter.of(new DataScope(0L, query.regionPath()), "d.region_path").addTo(params);
		return this.jdbc.query("""
				select d.id, d.code, d.name, k.name as kind_name, d.grid_id, d.region_path, d.lon, d.lat, x.at as seen,
				       x.next_at
				from (select m.device_id, m.at, lead(m.at) over (partition by m.device_id order by m.at) as next_at
				      from iot_message m join iot_device d on d.id = m.device_id
				      where m.at >= :lower and m.at < :to and %s) x
				join iot_device d on d.id = x.device_id join iot_device_kind k on k.kind = d.kind
				where x.at + make_interval(mins => :minutes) >= :from and x.at + make_interval(mins => :minutes) < :to
				  and (x.next_at is null or x.next_at > x.at + make_interval(mins => :minutes))
				order by x.at, d.id""".formatted(area), params, (rs, n) -> {
			Instant seen = rs.getTimestamp("seen").toInstant();
			Timestamp next = rs.getTimestamp("next_at");
			Instant until = next == null ? to : next.toInstant();
			return signal(rs, seen, until, threshold, false);
		});
	}

	private static Signal signal(ResultSet rs, Instant seen, Instant until, Duration threshold, boolean never)
			throws SQLException {
		long silent = Duration.between(seen, until).toMinutes();
		String detail = rs.getString("kind_name") + "“" + rs.getString("name") + "”（" + rs.getString("code") + "）"
				+ (never ? "登记后" : "自 " + SHOWN.format(seen.atZone(SHANGHAI)) + " 起") + "已 " + silent + " 分钟无消息（阈值 "
				+ threshold.toMinutes() + " 分钟），请核查设备供电与网络。";
		return new Signal(rs.getLong("grid_id"), rs.getString("region_path"), "device:" + rs.getString("code"), detail,
				silent, threshold.toMinutes(), seen.plus(threshold), rs.getDouble("lon"), rs.getDouble("lat"));
	}

}
