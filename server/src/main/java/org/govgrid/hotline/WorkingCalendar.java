package org.govgrid.hotline;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.govgrid.audit.AuditRecord;
import org.govgrid.audit.AuditTrail;
import org.govgrid.hotline.model.WorkingDays;
import org.govgrid.platform.FieldErrors;
import org.govgrid.platform.ScopedPrincipal;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The holiday calendar (工作日历): Monday–Friday working weeks with the dates overridden as
 * {@code HOLIDAY} or {@code WORKDAY} (调休), seeded with the State Council's 2026 notice
 * and edited by the admin. A change applies to deadlines computed from then on; deadlines
 * already set stay.
 */
@Service
class WorkingCalendar {

	static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	private final JdbcClient jdbc;

	private final AuditTrail audit;

	private final Clock clock;

	WorkingCalendar(JdbcClient jdbc, AuditTrail audit, Clock clock) {
		this.jdbc = jdbc;
		this.audit = audit;
		this.clock = clock;
	}

	/** One day of the calendar; {@code kind} the override, null for the default. */
	record Day(LocalDate date, int weekday, boolean working, String kind, String name) {
	}

	/** What a PUT sets: {@code kind} WORKDAY or HOLIDAY, an optional name. */
	record DayCommand(String kind, String name) {
	}

	/** The calculator over every override (a few dozen rows a year). */
	@Transactional(readOnly = true)
	WorkingDays workingDays() {
		Map<LocalDate, Boolean> overrides = new HashMap<>();
		this.jdbc.sql("select day, kind from hotline_calendar")
			.query((rs, n) -> overrides.put(rs.getObject("day", LocalDate.class),
					"WORKDAY".equals(rs.getString("kind"))))
			.list();
		return new WorkingDays(overrides);
	}

	@Transactional(readOnly = true)
	List<Day> year(Integer year) {
		int y = year == null ? LocalDate.now(this.clock.withZone(ZONE)).getYear() : year;
		if (y < 2000 || y > 2100) {
			new FieldErrors().add("year", "2000–2100 / 年份须在2000–2100之间").throwIfAny();
		}
		Map<LocalDate, String[]> overrides = new HashMap<>();
		this.jdbc.sql("select day, kind, name from hotline_calendar where day >= :from and day < :to")
			.param("from", LocalDate.of(y, 1, 1))
			.param("to", LocalDate.of(y + 1, 1, 1))
			.query((rs, n) -> overrides.put(rs.getObject("day", LocalDate.class),
					new String[] { rs.getString("kind"), rs.getString("name") }))
			.list();
		List<Day> days = new ArrayList<>();
		for (LocalDate d = LocalDate.of(y, 1, 1); d.getYear() == y; d = d.plusDays(1)) {
			String[] o = overrides.get(d);
			boolean working = o == null ? WorkingDays.isWeekday(d) : "WORKDAY".equals(o[0]);
			days.add(
					new Day(d, d.getDayOfWeek().getValue(), working, o == null ? null : o[0], o == null ? null : o[1]));
		}
		return days;
	}

	/**
	 * Sets a day to working or not; a setting equal to the Monday–Friday default removes
	 * the override.
	 */
	@Transactional
	Day set(String date, DayCommand command, ScopedPrincipal caller) {
		FieldErrors errors = new FieldErrors();
		LocalDate day = null;
		try {
			day = LocalDate.parse(date);
		}
		catch (DateTimeParseException ex) {
			errors.add("date", "a date like 2026-10-01 / 日期格式应为 2026-10-01");
		}
		String kind = command == null ? null : command.kind();
		if (!"WORKDAY".equals(kind) && !"HOLIDAY".equals(kind)) {
			errors.add("kind", "WORKDAY or HOLIDAY / 须为工作日或节假日");
		}
		String name = command == null || command.name() == null || command.name().isBlank() ? null
				: command.name().strip();
		if (name != null && name.length() > 50) {
			errors.add("name", "at most 50 characters / 最多50个字符");
		}
		errors.throwIfAny();
		boolean working = "WORKDAY".equals(kind);
		if (working == WorkingDays.isWeekday(day)) {
			this.jdbc.sql("delete from hotline_calendar where day = :day").param("day", day).update();
		}
		else {
			this.jdbc.sql("""
					insert into hotline_calendar (day, kind, name, updated_by, updated_at)
					values (:day, :kind, :name, :by, now())
					on conflict (day) do update set kind = excluded.kind, name = excluded.name,
					    updated_by = excluded.updated_by, updated_at = now()""")
				.param("day", day)
				.param("kind", kind)
				.param("name", name)
				.param("by", caller.userId())
				.update();
		}
		this.audit.record(AuditRecord.success("HOTLINE_CALENDAR_SET", "hotline-calendar", day.toString(), kind)
			.by(caller.userId(), caller.username()));
		boolean isDefault = working == WorkingDays.isWeekday(day);
		return new Day(day, day.getDayOfWeek().getValue(), working, isDefault ? null : kind, isDefault ? null : name);
	}

}
