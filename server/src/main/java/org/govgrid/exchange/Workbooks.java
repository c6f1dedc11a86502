package org.govgrid.exchange;

import java.time.LocalDate;
import java.util.List;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;

/** Header rows and plain cells shared by templates, exports and error reports. */
final class Workbooks {

	static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

	private Workbooks() {
	}

	static CellStyle bold(Workbook workbook, boolean red) {
		CellStyle style = workbook.createCellStyle();
		Font font = workbook.createFont();
		font.setBold(true);
		if (red) {
			font.setColor(IndexedColors.RED.getIndex());
		}
		style.setFont(font);
		return style;
	}

	/** The header row and column widths to fit it. */
	static void header(Sheet sheet, List<String> headers, CellStyle style) {
		widths(sheet, headers);
		headerRow(sheet, headers, style);
	}

	/** Column widths for the headers (a deferred sheet takes them before its rows). */
	static void widths(Sheet sheet, List<String> headers) {
		for (int c = 0; c < headers.size(); c++) {
			sheet.setColumnWidth(c, Math.min(60, Math.max(10, headers.get(c).length() * 2 + 4)) * 256);
		}
	}

	static void headerRow(Sheet sheet, List<String> headers, CellStyle style) {
		Row row = sheet.createRow(0);
		for (int c = 0; c < headers.size(); c++) {
			Cell cell = row.createCell(c);
			cell.setCellValue(headers.get(c));
			cell.setCellStyle(style);
		}
	}

	/**
	 * Text as text (an ID number stays 18 characters), numbers as numbers, dates as ISO
	 * text that reads back the same, true/false as 是/否.
	 */
	static void cells(Row row, int from, List<?> values) {
		for (int i = 0; i < values.size(); i++) {
			Object value = values.get(i);
			if (value == null) {
				continue;
			}
			Cell cell = row.createCell(from + i);
			if (value instanceof Number number) {
				cell.setCellValue(number.doubleValue());
			}
			else if (value instanceof Boolean flag) {
				cell.setCellValue(flag ? "是" : "否");
			}
			else if (value instanceof LocalDate date) {
				cell.setCellValue(date.toString());
			}
			else {
				cell.setCellValue(value.toString());
			}
		}
	}

	/** An attachment header with a UTF-8 file name (RFC 6266). */
	static String attachment(String name) {
		String ascii = name.replaceAll("[^A-Za-z0-9._-]", "_");
		return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''"
				+ java.net.URLEncoder.encode(name, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
	}

}
