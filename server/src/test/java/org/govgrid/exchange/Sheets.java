package org.govgrid.exchange;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.govgrid.support.ApiClient;
import org.govgrid.support.ApiClient.Response;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Test fixture: files to import built from a kind's template headers and rows by header,
 * jobs submitted and awaited, downloaded workbooks read back as text.
 */
final class Sheets {

	private Sheets() {
	}

	/** The header row of the server's template for {@code kind}. */
	static List<String> templateHeaders(ApiClient client, String kind) throws IOException {
		return rows(client.download("/api/v1/imports/templates/" + kind + ".xlsx")).get(0);
	}

	static byte[] xlsx(List<String> headers, List<Map<String, String>> rows) throws IOException {
		try (XSSFWorkbook workbook = new XSSFWorkbook()) {
			Sheet sheet = workbook.createSheet("导入");
			Row head = sheet.createRow(0);
			for (int c = 0; c < headers.size(); c++) {
				head.createCell(c).setCellValue(headers.get(c));
			}
			for (int r = 0; r < rows.size(); r++) {
				Row row = sheet.createRow(r + 1);
				for (int c = 0; c < headers.size(); c++) {
					String value = rows.get(r).get(headers.get(c));
					if (value != null) {
						row.createCell(c).setCellValue(value);
					}
				}
			}
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			workbook.write(out);
			return out.toByteArray();
		}
	}

	static byte[] csv(List<String> headers, List<Map<String, String>> rows, Charset charset) {
		StringBuilder text = new StringBuilder(String.join(",", headers)).append("\r\n");
		for (Map<String, String> row : rows) {
			List<String> cells = new ArrayList<>();
			for (String header : headers) {
				String value = row.getOrDefault(header, "");
				cells.add(value.contains(",") || value.contains("\"") ? "\"" + value.replace("\"", "\"\"") + "\""
						: value);
			}
			text.append(String.join(",", cells)).append("\r\n");
		}
		return text.toString().getBytes(charset);
	}

	/** Submits the file, expects 202 QUEUED and waits for the job to end. */
	static JsonNode importAndWait(ApiClient client, String kind, String filename, byte[] content)
			throws InterruptedException {
		Response submitted = client.upload("/api/v1/imports?kind=" + kind, filename, content);
		assertThat(submitted.status()).as(submitted.body()).isEqualTo(202);
		assertThat(submitted.json().path("status").asString()).isEqualTo("QUEUED");
		return waitFor(client, submitted.json().path("id").asLong());
	}

	static JsonNode waitFor(ApiClient client, long id) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofMinutes(4).toNanos();
		JsonNode job;
		do {
			Thread.sleep(200);
			job = client.get("/api/v1/imports/" + id).json();
		}
		while (!Set.of("DONE", "FAILED").contains(job.path("status").asString()) && System.nanoTime() < deadline);
		return job;
	}

	/** The job's errors as {@code row column} strings. */
	static List<String> errors(ApiClient client, long id) {
		List<String> errors = new ArrayList<>();
		client.get("/api/v1/imports/" + id + "/errors")
			.json()
			.forEach(e -> errors.add(e.path("row").asInt() + " " + e.path("column").asString()));
		return errors;
	}

	/** The first sheet as text, row by row, as wide as its header. */
	static List<List<String>> rows(byte[] xlsx) throws IOException {
		List<List<String>> rows = new ArrayList<>();
		DataFormatter format = new DataFormatter();
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
			Sheet sheet = workbook.getSheetAt(0);
			int width = sheet.getRow(0).getLastCellNum();
			for (Row row : sheet) {
				List<String> cells = new ArrayList<>();
				for (int c = 0; c < width; c++) {
					cells.add(format.formatCellValue(row.getCell(c)));
				}
				rows.add(cells);
			}
		}
		return rows;
	}

	/**
	 * The text with every ASCII letter and digit full-width (as typed with a Chinese
	 * IME).
	 */
	static String fullWidth(String text) {
		StringBuilder out = new StringBuilder();
		text.chars().forEach(c -> out.append(Character.isLetterOrDigit(c) && c < 128 ? (char) (c + 0xFEE0) : (char) c));
		return out.toString();
	}

}
