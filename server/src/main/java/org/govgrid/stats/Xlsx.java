package org.govgrid.stats;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/** One sheet of a report, streamed to the response (a window of rows in memory). */
final class Xlsx {

	private Xlsx() {
	}

	/** {@code rows}: strings and numbers (null leaves a cell empty). */
	static void write(OutputStream out, String sheetName, List<String> header, List<List<Object>> rows)
			throws IOException {
		try (SXSSFWorkbook workbook = new SXSSFWorkbook(200)) {
			SXSSFSheet sheet = workbook.createSheet(sheetName);
			CellStyle bold = workbook.createCellStyle();
			Font font = workbook.createFont();
			font.setBold(true);
			bold.setFont(font);
			Row head = sheet.createRow(0);
			for (int c = 0; c < header.size(); c++) {
				Cell cell = head.createCell(c);
				cell.setCellValue(header.get(c));
				cell.setCellStyle(bold);
				sheet.setColumnWidth(c, Math.max(10, header.get(c).length() * 2 + 4) * 256);
			}
			for (int r = 0; r < rows.size(); r++) {
				Row row = sheet.createRow(r + 1);
				List<Object> values = rows.get(r);
				for (int c = 0; c < values.size(); c++) {
					Object value = values.get(c);
					if (value instanceof Number number) {
						row.createCell(c).setCellValue(number.doubleValue());
					}
					else if (value != null) {
						row.createCell(c).setCellValue(value.toString());
					}
				}
			}
			workbook.write(out);
		}
	}

}
