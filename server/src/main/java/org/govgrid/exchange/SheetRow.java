package org.govgrid.exchange;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One data row of an import, its cells by column. A cell that cannot be read (a date that
 * is no date, an unknown grid code) is noted against its column; the row is then refused
 * whole, before anything is written.
 */
public final class SheetRow {

	/** A refused row: one error per bad column. */
	static final class Rejected extends RuntimeException {

		private final List<RowError> errors;

		Rejected(List<RowError> errors) {
			super(null, null, false, false);
			this.errors = List.copyOf(errors);
		}

		List<RowError> errors() {
			return this.errors;
		}

	}

	private final long job;

	private final int number;

	private final Map<Column, String> cells;

	private final CellValues values;

	private final List<RowError> problems = new ArrayList<>();

	SheetRow(long job, int number, Map<Column, String> cells, CellValues values) {
		this.job = job;
		this.number = number;
		this.cells = cells;
		this.values = values;
	}

	public int number() {
		return this.number;
	}

	/** The import job the row is read by. */
	long job() {
		return this.job;
	}

	/** Whether the file has this column at all. */
	public boolean has(Column column) {
		return this.cells.containsKey(column);
	}

	/** The trimmed text, or null when blank or absent. */
	public String text(Column column) {
		String value = this.cells.get(column);
		if (value == null) {
			return null;
		}
		value = value.replace('\u3000', ' ').strip();
		return value.isEmpty() ? null : value;
	}

	public String code(Column column) {
		String text = text(column);
		return text == null ? null : this.values.code(column, text);
	}

	/** The codes of a multi-code cell, or null when blank. */
	public List<String> codes(Column column) {
		String text = text(column);
		if (text == null) {
			return null;
		}
		List<String> codes = new ArrayList<>();
		for (String part : text.split("[、,，;；/\\s]+")) {
			if (!part.isBlank()) {
				codes.add(this.values.code(column, part.strip()));
			}
		}
		return codes;
	}

	public LocalDate date(Column column) {
		String text = text(column);
		if (text == null) {
			return null;
		}
		return CellValues.date(text).orElseGet(() -> {
			problem(column, "not a date: write 2024-05-01 / 日期格式应为 2024-05-01");
			return null;
		});
	}

	public Integer integer(Column column) {
		BigDecimal number = number(column);
		if (number == null) {
			return null;
		}
		try {
			return number.intValueExact();
		}
		catch (ArithmeticException ex) {
			problem(column, "a whole number / 应为整数");
			return null;
		}
	}

	public Double decimal(Column column) {
		BigDecimal number = number(column);
		return number == null ? null : number.doubleValue();
	}

	public BigDecimal number(Column column) {
		String text = text(column);
		if (text == null) {
			return null;
		}
		return CellValues.number(text).orElseGet(() -> {
			problem(column, "not a number / 应为数字");
			return null;
		});
	}

	public Boolean bool(Column column) {
		String text = text(column);
		if (text == null) {
			return null;
		}
		return CellValues.bool(text).orElseGet(() -> {
			problem(column, "是 or 否 / 应填“是”或“否”");
			return null;
		});
	}

	/** The grid's id for its 15-digit code. */
	public Long grid(Column column) {
		String text = text(column);
		if (text == null) {
			return null;
		}
		return this.values.grid(text).map(g -> g.id()).orElseGet(() -> {
			problem(column, "no grid has this code / 网格编码不存在");
			return null;
		});
	}

	public void problem(Column column, String reason) {
		this.problems.add(new RowError(this.number, column.header(), reason));
	}

	/** Refuses the row if any cell could not be read. */
	public void throwIfProblems() {
		if (!this.problems.isEmpty()) {
			throw new Rejected(this.problems);
		}
	}

}
