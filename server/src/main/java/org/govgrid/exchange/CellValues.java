package org.govgrid.exchange;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.govgrid.basedata.Dicts;
import org.govgrid.region.RegionLevel;
import org.govgrid.region.RegionService;
import org.govgrid.region.RegionSummary;
import org.springframework.stereotype.Component;

/**
 * Reads cell text as people type it: codes by code or Chinese name, dates in the usual
 * Chinese spellings, 是/否, grids by their 15-digit code. Codes and grids read the other
 * way for exports.
 */
@Component
class CellValues {

	private static final List<DateTimeFormatter> DATES = List
		.of("uuuu-M-d", "uuuu/M/d", "uuuu.M.d", "uuuuMMdd", "uuuu年M月d日")
		.stream()
		.map(p -> DateTimeFormatter.ofPattern(p).withResolverStyle(ResolverStyle.STRICT))
		.toList();

	private final Dicts dicts;

	private final RegionService regions;

	/** Grids by code; only hits are kept, so a grid added later is found. */
	private final Map<String, RegionSummary> gridsByCode = new ConcurrentHashMap<>();

	private final Map<Long, String> gridCodes = new ConcurrentHashMap<>();

	CellValues(Dicts dicts, RegionService regions) {
		this.dicts = dicts;
		this.regions = regions;
	}

	/**
	 * The code a cell means: the code itself, the Chinese or English name, or the start
	 * of exactly one name ({@code 男} for 男性, {@code 流动} for 流动人口). Anything else is
	 * returned as typed, for the service to refuse with its own message.
	 */
	String code(Column column, String text) {
		List<Dicts.Entry> entries = entries(column);
		for (Dicts.Entry entry : entries) {
			if (entry.code().equalsIgnoreCase(text) || entry.name().equals(text)
					|| (entry.nameEn() != null && entry.nameEn().equalsIgnoreCase(text))) {
				return entry.code();
			}
		}
		List<Dicts.Entry> started = entries.stream().filter(e -> e.name().startsWith(text)).toList();
		return started.size() == 1 ? started.get(0).code() : text;
	}

	String name(Column column, String code) {
		if (code == null) {
			return null;
		}
		return entries(column).stream()
			.filter(e -> e.code().equals(code))
			.map(Dicts.Entry::name)
			.findFirst()
			.orElse(code);
	}

	/** The codes a column takes: its fixed list or its code table. */
	List<Dicts.Entry> entries(Column column) {
		return column.choices() != null ? column.choices() : this.dicts.entries(column.dict());
	}

	Optional<RegionSummary> grid(String code) {
		RegionSummary cached = this.gridsByCode.get(code);
		if (cached != null) {
			return Optional.of(cached);
		}
		Optional<RegionSummary> grid = this.regions.findByCode(code).filter(g -> g.level() == RegionLevel.GRID);
		grid.ifPresent(g -> this.gridsByCode.put(code, g));
		return grid;
	}

	String gridCode(Long gridId) {
		if (gridId == null) {
			return null;
		}
		return this.gridCodes.computeIfAbsent(gridId,
				id -> this.regions.find(id).map(RegionSummary::code).orElse(String.valueOf(id)));
	}

	/** Years a sheet may hold: year 0 or 9999 is a typing slip, not a date. */
	static final int FIRST_YEAR = 1800;

	static final int LAST_YEAR = 2199;

	static Optional<LocalDate> date(String text) {
		String value = text.length() > 10 && text.charAt(10) == 'T' ? text.substring(0, 10) : text;
		for (DateTimeFormatter format : DATES) {
			try {
				LocalDate date = LocalDate.parse(value, format);
				return date.getYear() < FIRST_YEAR || date.getYear() > LAST_YEAR ? Optional.empty() : Optional.of(date);
			}
			catch (DateTimeParseException ex) {
				// try the next spelling
			}
		}
		return Optional.empty();
	}

	static Optional<Boolean> bool(String text) {
		return switch (text.toLowerCase(Locale.ROOT)) {
			case "是", "有", "y", "yes", "true", "1" -> Optional.of(true);
			case "否", "无", "n", "no", "false", "0" -> Optional.of(false);
			default -> Optional.empty();
		};
	}

	static Optional<BigDecimal> number(String text) {
		try {
			return Optional.of(new BigDecimal(text.replace(",", "")));
		}
		catch (NumberFormatException ex) {
			return Optional.empty();
		}
	}

}
