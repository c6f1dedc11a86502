package org.govgrid.special;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.govgrid.platform.FieldErrors;
import org.govgrid.platform.ScopedPrincipal;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A meter's readings as a daily series, within the caller's scope (else 404). */
@Service
class MeterReadings {

	static final ZoneId LOCAL = ZoneId.of("Asia/Shanghai");

	private static final int MAX_DAYS = 366;

	private final NamedParameterJdbcTemplate jdbc;

	private final Meters meters;

	private final Clock clock;

	MeterReadings(NamedParameterJdbcTemplate jdbc, Meters meters, Clock clock) {
		this.jdbc = jdbc;
		this.meters = meters;
		this.clock = clock;
	}

	/** Days {@code from}–{@code to} inclusive (default: the last 30 days up to today). */
	@Transactional(readOnly = true)
	DailySeries daily(long meterId, String from, String to, ScopedPrincipal caller) {
		MeterView meter = this.meters.view(meterId, caller);
		FieldErrors errors = new FieldErrors();
		LocalDate today = LocalDate.ofInstant(this.clock.instant(), LOCAL);
		LocalDate last = date(to, "to", today, errors);
		LocalDate first = date(from, "from", last == null ? null : last.minusDays(29), errors);
		if (first != null && last != null) {
			if (last.isBefore(first)) {
				errors.add("to", "before from / 结束日期早于开始日期");
			}
			else if (ChronoUnit.DAYS.between(first, last) >= MAX_DAYS) {
				errors.add("from", "at most " + MAX_DAYS + " days / 最多" + MAX_DAYS + "天");
			}
		}
		errors.throwIfAny();
		Map<LocalDate, double[]> sums = new HashMap<>();
		this.jdbc.query("""
				select (read_at at time zone 'Asia/Shanghai')::date as day, sum(usage) as usage, count(*) as n
				from utility_reading where meter_id = :id and read_at >= :from and read_at < :to group by 1""",
				new MapSqlParameterSource("id", meterId)
					.addValue("from", Timestamp.from(first.atStartOfDay(LOCAL).toInstant()))
					.addValue("to", Timestamp.from(last.plusDays(1).atStartOfDay(LOCAL).toInstant())),
				(RowCallbackHandler) rs -> sums.put(rs.getObject("day", LocalDate.class), new double[] {
						rs.getObject("usage") == null ? Double.NaN : rs.getDouble("usage"), rs.getInt("n") }));
		List<DailySeries.Day> days = new ArrayList<>();
		double total = 0;
		for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
			double[] sum = sums.get(day);
			Double usage = sum == null || Double.isNaN(sum[0]) ? null : UsageSeries.round(sum[0]);
			days.add(new DailySeries.Day(day, usage, sum == null ? 0 : (int) sum[1]));
			total += usage == null ? 0 : usage;
		}
		return new DailySeries(meterId, meter.kind(), meter.unit(), first, last, UsageSeries.round(total), days);
	}

	private static LocalDate date(String value, String field, LocalDate fallback, FieldErrors errors) {
		if (value == null || value.isBlank()) {
			return fallback;
		}
		try {
			return LocalDate.parse(value.strip().length() > 10 ? value.strip().substring(0, 10) : value.strip());
		}
		catch (DateTimeParseException ex) {
			errors.add(field, "a date like 2026-12-01 / 日期格式应为 2026-12-01");
			return null;
		}
	}

}
