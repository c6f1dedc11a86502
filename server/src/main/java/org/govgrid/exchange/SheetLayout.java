package org.govgrid.exchange;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.govgrid.platform.FieldErrors;

/**
 * Where a file keeps a kind's columns, read from its header row (the first row that is
 * not blank). Columns may come in any order; columns the kind does not know are ignored;
 * a missing required column refuses the file.
 */
final class SheetLayout {

	private final List<String> headers;

	private final Map<Integer, Column> columns;

	private SheetLayout(List<String> headers, Map<Integer, Column> columns) {
		this.headers = headers;
		this.columns = columns;
	}

	/** The layout, or the file's problems ({@code file}: missing or repeated columns). */
	static SheetLayout of(SheetKind kind, List<String> headerCells, FieldErrors errors) {
		Map<Integer, Column> columns = new LinkedHashMap<>();
		Map<Column, String> seen = new HashMap<>();
		for (int i = 0; i < headerCells.size(); i++) {
			String header = headerCells.get(i);
			for (Column column : kind.columns()) {
				if (column.matches(header)) {
					if (seen.containsKey(column)) {
						errors.add("file",
								"the column " + column.header() + " appears twice / 列“" + column.header() + "”重复");
					}
					seen.put(column, header);
					columns.put(i, column);
				}
			}
		}
		List<String> missing = kind.columns()
			.stream()
			.filter(c -> c.required() && !seen.containsKey(c))
			.map(Column::header)
			.toList();
		if (!missing.isEmpty()) {
			errors.add("file", "missing columns " + String.join(", ", missing) + " (use the template) / 缺少必填列："
					+ String.join("、", missing) + "（请使用导入模板）");
		}
		return new SheetLayout(List.copyOf(headerCells), columns);
	}

	List<String> headers() {
		return this.headers;
	}

	/** The row's cells by column. */
	Map<Column, String> cells(List<String> row) {
		Map<Column, String> cells = new HashMap<>();
		this.columns.forEach((index, column) -> cells.put(column, index < row.size() ? row.get(index) : ""));
		return cells;
	}

	static boolean blank(List<String> row) {
		return row.stream().allMatch(c -> c == null || c.isBlank());
	}

	/** The values of a row padded to the header's width, for the error report. */
	List<String> padded(List<String> row) {
		List<String> values = new ArrayList<>(row);
		while (values.size() < this.headers.size()) {
			values.add("");
		}
		return values;
	}

}
