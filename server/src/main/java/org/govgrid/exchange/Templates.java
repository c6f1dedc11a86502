package org.govgrid.exchange;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationConstraint;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.govgrid.basedata.Dicts;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The import template of a kind: the header row in Chinese (required columns in red),
 * identifier, code and grid columns formatted as text so Excel keeps their digits, a
 * dropdown of the code table's names on each code column (typing the code is allowed
 * too), and a sheet 填写说明 explaining every column and listing the codes.
 */
@Component
class Templates {

	static final String GUIDE = "填写说明";

	private static final String CODES = "代码";

	private final CellValues values;

	private final int maxRows;

	Templates(CellValues values, @Value("${govgrid.exchange.max-rows:100000}") int maxRows) {
		this.values = values;
		this.maxRows = maxRows;
	}

	void write(SheetKind kind, OutputStream out) throws IOException {
		try (XSSFWorkbook workbook = new XSSFWorkbook()) {
			Sheet sheet = workbook.createSheet(kind.title());
			Sheet guide = workbook.createSheet(GUIDE);
			Sheet codes = workbook.createSheet(CODES);
			List<Column> columns = kind.columns();
			Workbooks.header(sheet, columns.stream().map(Column::header).toList(), Workbooks.bold(workbook, false));
			CellStyle required = Workbooks.bold(workbook, true);
			CellStyle text = workbook.createCellStyle();
			text.setDataFormat(workbook.createDataFormat().getFormat("@"));
			DataValidationHelper validations = sheet.getDataValidationHelper();
			int codeColumn = 0;
			for (int c = 0; c < columns.size(); c++) {
				Column column = columns.get(c);
				if (column.required()) {
					sheet.getRow(0).getCell(c).setCellStyle(required);
				}
				if (column.textual()) {
					sheet.setDefaultColumnStyle(c, text);
				}
				if (column.type() == Column.Type.CODE) {
					List<Dicts.Entry> entries = this.values.entries(column);
					for (int i = 0; i < entries.size(); i++) {
						Row row = codes.getRow(i) == null ? codes.createRow(i) : codes.getRow(i);
						row.createCell(codeColumn).setCellValue(entries.get(i).name());
					}
					String letter = CellReference.convertNumToColString(codeColumn);
					DataValidationConstraint list = validations
						.createFormulaListConstraint(CODES + "!$" + letter + "$1:$" + letter + "$" + entries.size());
					DataValidation validation = validations.createValidation(list,
							new CellRangeAddressList(1, this.maxRows, c, c));
					validation.setErrorStyle(DataValidation.ErrorStyle.INFO);
					validation.setShowErrorBox(true);
					validation.createErrorBox(column.header(), "请从下拉列表选择，或填写代码（见“填写说明”）");
					sheet.addValidationData(validation);
					codeColumn++;
				}
			}
			sheet.createFreezePane(0, 1);
			workbook.setSheetHidden(workbook.getSheetIndex(codes), true);
			guide(kind, guide, Workbooks.bold(workbook, false));
			workbook.write(out);
		}
	}

	private void guide(SheetKind kind, Sheet guide, CellStyle bold) {
		Workbooks.header(guide, List.of("列名", "必填", "说明"), bold);
		guide.setColumnWidth(2, 70 * 256);
		int r = 1;
		for (Column column : kind.columns()) {
			Workbooks.cells(guide.createRow(r++), 0,
					List.of(column.header(), column.required() ? "是" : "否", explain(column)));
		}
		r++;
		Workbooks.cells(guide.createRow(r++), 0,
				List.of("第一行为表头，请勿修改；从第二行起每行一条记录。再次导入同一记录（按" + kind.key().header() + "识别）将更新而不会重复。"));
		for (Column column : kind.columns()) {
			if (!column.coded()) {
				continue;
			}
			r++;
			Row title = guide.createRow(r++);
			Workbooks.cells(title, 0, List.of(column.header() + "：可填代码或名称", "代码", "名称"));
			title.getCell(0).setCellStyle(bold);
			for (Dicts.Entry entry : this.values.entries(column)) {
				Workbooks.cells(guide.createRow(r++), 1, List.of(entry.code(), entry.name()));
			}
		}
	}

	private static String explain(Column column) {
		List<String> parts = new ArrayList<>();
		if (column.hint() != null) {
			parts.add(column.hint());
		}
		switch (column.type()) {
			case DATE -> parts.add("日期，如 2024-05-01");
			case CODE -> parts.add("填写名称或代码，见下方代码表");
			case CODES -> parts.add("见下方代码表");
			case INTEGER -> parts.add("整数");
			case DECIMAL -> parts.add("数字");
			default -> {
			}
		}
		return String.join("；", parts);
	}

}
