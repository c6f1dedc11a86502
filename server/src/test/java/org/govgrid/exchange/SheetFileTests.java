package org.govgrid.exchange;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.govgrid.platform.InvalidInputException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Reading uploaded sheets: CSV dialects and encodings, xlsx cells as people type them.
 */
class SheetFileTests {

	private static Map<Integer, List<String>> read(SheetFile.Format format, byte[] bytes) {
		Map<Integer, List<String>> rows = new TreeMap<>();
		SheetFile.read(format, bytes, rows::put);
		return rows;
	}

	@Test
	void csvQuotesHoldDelimitersQuotesAndLineBreaksAndRowsKeepTheirNumbers() {
		String csv = "姓名,现住址\r\n\"张三\",\"金山路1号, \"\"东门\"\"\"\r\n\r\n李四,\"两行\n地址\"\n王五,";
		Map<Integer, List<String>> rows = read(SheetFile.Format.CSV, csv.getBytes(StandardCharsets.UTF_8));
		assertThat(rows).containsEntry(1, List.of("姓名", "现住址"))
			.containsEntry(2, List.of("张三", "金山路1号, \"东门\""))
			.containsEntry(3, List.of(""))
			.containsEntry(4, List.of("李四", "两行\n地址"))
			.containsEntry(5, List.of("王五", ""));
	}

	@Test
	void csvInGbkUtf8OrUtf8WithBomReadsTheSame() {
		String csv = "姓名,户籍类型\r\n张晓明,流动人口\r\n";
		byte[] utf8 = csv.getBytes(StandardCharsets.UTF_8);
		byte[] bom = new byte[utf8.length + 3];
		bom[0] = (byte) 0xEF;
		bom[1] = (byte) 0xBB;
		bom[2] = (byte) 0xBF;
		System.arraycopy(utf8, 0, bom, 3, utf8.length);
		byte[] gbk = csv.getBytes(Charset.forName("GBK"));
		assertThat(SheetFile.isUtf8(gbk)).isFalse();
		for (byte[] bytes : List.of(utf8, bom, gbk)) {
			assertThat(read(SheetFile.Format.CSV, bytes)).containsEntry(1, List.of("姓名", "户籍类型"))
				.containsEntry(2, List.of("张晓明", "流动人口"));
		}
		assertThat(read(SheetFile.Format.CSV, "姓名\t户籍类型\r\n张晓明\t流动人口".getBytes(StandardCharsets.UTF_8)))
			.containsEntry(2, List.of("张晓明", "流动人口"));
	}

	@Test
	void xlsxCellsReadAsTypedDatesAsIsoAndLongNumbersInFull() throws Exception {
		byte[] xlsx;
		try (XSSFWorkbook workbook = new XSSFWorkbook()) {
			Sheet sheet = workbook.createSheet("实有人口");
			CellStyle date = workbook.createCellStyle();
			date.setDataFormat(workbook.createDataFormat().getFormat("yyyy/m/d"));
			Row head = sheet.createRow(0);
			head.createCell(0).setCellValue("身份证号");
			head.createCell(1).setCellValue("出生日期");
			head.createCell(3).setCellValue("所属网格编码");
			Row row = sheet.createRow(2);
			row.createCell(0).setCellValue("32050519880314123X");
			row.createCell(1).setCellValue(LocalDate.of(1988, 3, 14));
			row.getCell(1).setCellStyle(date);
			row.createCell(3).setCellValue(320505006001001d);
			workbook.createSheet("填写说明").createRow(0).createCell(0).setCellValue("说明");
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			workbook.write(out);
			xlsx = out.toByteArray();
		}
		assertThat(SheetFile.detect("人口.XLSX", xlsx)).isEqualTo(SheetFile.Format.XLSX);
		Map<Integer, List<String>> rows = read(SheetFile.Format.XLSX, xlsx);
		assertThat(rows).containsOnlyKeys(1, 3);
		assertThat(rows.get(1)).containsExactly("身份证号", "出生日期", "", "所属网格编码");
		assertThat(rows.get(3)).containsExactly("32050519880314123X", "1988-03-14", "", "320505006001001");
	}

	@Test
	void anythingElseIsRefused() {
		assertThatThrownBy(() -> SheetFile.detect("a.xls", new byte[] { (byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0 }))
			.isInstanceOf(InvalidInputException.class)
			.hasMessageContaining(".xlsx");
		assertThatThrownBy(() -> SheetFile.detect("a.pdf", "%PDF-1.4".getBytes()))
			.isInstanceOf(InvalidInputException.class);
		assertThatThrownBy(() -> read(SheetFile.Format.XLSX, "PK\u0003\u0004broken".getBytes()))
			.isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("cannot be read");
	}

	@Test
	void headersMatchWhateverDecorationsAndCellsReadAsPeopleWriteThem() {
		assertThat(PeopleSheet.ID_NUMBER.matches(" 身份证号码（必填）* ")).isTrue();
		assertThat(PeopleSheet.ID_NUMBER.matches("身份证号")).isTrue();
		assertThat(PeopleSheet.ID_NUMBER.matches("姓名")).isFalse();
		assertThat(PeopleSheet.ID_NUMBER.masked("32050519880314123X")).isEqualTo("320***********123X");
		assertThat(PeopleSheet.PHONE.masked("13812345678")).isEqualTo("138****5678");
		assertThat(PeopleSheet.NAME.masked("张三")).isEqualTo("张三");
		List<LocalDate> dates = new ArrayList<>();
		for (String text : List.of("1988-03-14", "1988/3/14", "1988.3.14", "19880314", "1988年3月14日",
				"1988-03-14T00:00")) {
			dates.add(CellValues.date(text).orElseThrow());
		}
		assertThat(dates).containsOnly(LocalDate.of(1988, 3, 14));
		assertThat(CellValues.date("1988-02-30")).isEmpty();
		assertThat(CellValues.bool("是")).contains(true);
		assertThat(CellValues.bool("否")).contains(false);
		assertThat(CellValues.bool("也许")).isEmpty();
	}

}
