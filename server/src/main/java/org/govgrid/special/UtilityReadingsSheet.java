package org.govgrid.special;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

import org.govgrid.basedata.Dicts;
import org.govgrid.exchange.Column;
import org.govgrid.exchange.SheetKind;
import org.govgrid.exchange.SheetRow;
import org.govgrid.platform.InvalidInputException;
import org.govgrid.platform.ScopeFilter;
import org.govgrid.platform.ScopedPrincipal;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * 水电煤气读数 as a sheet for exchange's import ({@code kind=UTILITY_READINGS} or
 * {@code utility-readings}), one reading a row, checked and stored as the batch ingest
 * does (a re-sent reading is kept as it was); and export of the readings of the caller's
 * meters ({@code meterId}, {@code from}, {@code to}: local dates, default the last 7
 * days).
 */
@Component
class UtilityReadingsSheet implements SheetKind {

	private static final DateTimeFormatter LOCAL_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm[:ss]");

	static final Column NUMBER = Column.text("表号", "meterNumber", true, null, "表计编号");

	static final Column KIND = Column.choice("表计类型", "kind", true,
			Arrays.stream(MeterKind.values())
				.map(k -> new Dicts.Entry(k.name(), k.label(), k.name().toLowerCase(Locale.ROOT)))
				.toList(),
			"类型");

	static final Column TIME = Column.text("读数时间", "time", true, "如 2026-12-07 08:00（北京时间）或带时区的 ISO-8601", "时间");

	static final Column VALUE = Column.decimal("读数", "value", true, "累计读数或区间用量", "数值");

	static final Column CUMULATIVE = Column.bool("是否累计", "cumulative", "累计");

	private static final List<Column> COLUMNS = List.of(NUMBER, KIND, TIME, VALUE, CUMULATIVE);

	private final ReadingsIngest ingest;

	private final NamedParameterJdbcTemplate jdbc;

	private final Clock clock;

	UtilityReadingsSheet(ReadingsIngest ingest, NamedParameterJdbcTemplate jdbc, Clock clock) {
		this.ingest = ingest;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Override
	public String kind() {
		return "utility-readings";
	}

	@Override
	public String title() {
		return "水电煤气读数";
	}

	@Override
	public String readPermission() {
		return "special:utility:read";
	}

	@Override
	public String writePermission() {
		return "special:utility:write";
	}

	@Override
	public List<Column> columns() {
		return COLUMNS;
	}

	@Override
	public Column key() {
		return NUMBER;
	}

	/** A reading is one meter at one instant. */
	@Override
	public String naturalKey(SheetRow row) {
		String number = row.text(NUMBER);
		String time = row.text(TIME);
		return number == null || time == null ? null
				: (row.text(KIND) + "|" + number + "|" + time).toUpperCase(Locale.ROOT);
	}

	@Override
	public boolean save(SheetRow row, ScopedPrincipal caller) {
		String kind = row.code(KIND);
		String time = isoTime(row.text(TIME));
		if (row.text(TIME) != null && time == null) {
			row.problem(TIME, "如 2026-12-07 08:00 / 时间格式无效");
		}
		Double value = row.decimal(VALUE);
		Boolean cumulative = row.bool(CUMULATIVE);
		row.throwIfProblems();
		UtilityReadingsCommand command = new UtilityReadingsCommand(List.of(new UtilityReadingsCommand.Reading(
				row.text(NUMBER), kind, time, value, cumulative == null ? Boolean.TRUE : cumulative)));
		try {
			IngestReport report = this.ingest.ingest(command, caller);
			return report.accepted() > 0;
		}
		catch (InvalidInputException ex) {
			// the batch's field names (readings[0].value) as the sheet's (value)
			List<InvalidInputException.FieldProblem> problems = new ArrayList<>();
			ex.errors()
				.forEach(p -> problems.add(new InvalidInputException.FieldProblem(
						p.field().replaceFirst("^readings\\[0]\\.", ""), p.message())));
			throw new InvalidInputException(problems);
		}
	}

	private static String isoTime(String text) {
		if (text == null) {
			return null;
		}
		try {
			return OffsetDateTime.parse(text.strip()).toString();
		}
		catch (DateTimeParseException ex) {
			try {
				return LocalDateTime.parse(text.strip().replace('T', ' '), LOCAL_TIME)
					.atZone(MeterReadings.LOCAL)
					.toOffsetDateTime()
					.toString();
			}
			catch (DateTimeParseException again) {
				return null;
			}
		}
	}

	@Override
	public long count(Map<String, String> filters, ScopedPrincipal caller) {
		MapSqlParameterSource params = new MapSqlParameterSource();
		Long count = this.jdbc.queryForObject("select count(*) " + from(filters, caller, params), params, Long.class);
		return count == null ? 0 : count;
	}

	@Override
	public void export(Map<String, String> filters, boolean unmask, ScopedPrincipal caller,
			Consumer<List<Object>> rows) {
		MapSqlParameterSource params = new MapSqlParameterSource();
		DateTimeFormatter shown = LOCAL_TIME.withZone(MeterReadings.LOCAL);
		this.jdbc.query(
				"select m.meter_number, m.kind, r.read_at, r.value, r.cumulative " + from(filters, caller, params)
						+ " order by m.id, r.read_at",
				params,
				(RowCallbackHandler) rs -> rows.accept(Arrays.asList(rs.getString(1),
						MeterKind.valueOf(rs.getString(2)).label(), shown.format(rs.getTimestamp(3).toInstant()),
						rs.getDouble(4), rs.getBoolean(5) ? "是" : "否")));
	}

	private String from(Map<String, String> filters, ScopedPrincipal caller, MapSqlParameterSource params) {
		LocalDate today = LocalDate.ofInstant(this.clock.instant(), MeterReadings.LOCAL);
		LocalDate last = date(filters, "to", today);
		LocalDate first = date(filters, "from", last.minusDays(6));
		Long meterId = SheetKind.longFilter(filters, "meterId");
		params.addValue("from", Timestamp.from(first.atStartOfDay(MeterReadings.LOCAL).toInstant()))
			.addValue("to", Timestamp.from(last.plusDays(1).atStartOfDay(MeterReadings.LOCAL).toInstant()));
		StringBuilder sql = new StringBuilder("from utility_reading r join utility_meter m on m.id = r.meter_id"
				+ " where r.read_at >= :from and r.read_at < :to and ")
			.append(ScopeFilter.of(caller.scope(), "m.region_path").addTo(params));
		if (meterId != null) {
			sql.append(" and m.id = :meterId");
			params.addValue("meterId", meterId);
		}
		return sql.toString();
	}

	private static LocalDate date(Map<String, String> filters, String name, LocalDate fallback) {
		String value = filters.get(name);
		if (value == null || value.isBlank()) {
			return fallback;
		}
		try {
			return LocalDate.parse(value.strip());
		}
		catch (DateTimeParseException ex) {
			throw new InvalidInputException(name, "a date like 2026-12-01 / 日期格式应为 2026-12-01");
		}
	}

}
