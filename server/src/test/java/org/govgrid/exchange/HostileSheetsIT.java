package org.govgrid.exchange;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.govgrid.support.ApiClient;
import org.govgrid.support.ApiClient.Response;
import org.govgrid.support.ApiIntegrationTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The security review's spreadsheet findings (issue 21 item 5): an xlsx that inflates to
 * gigabytes, blank rows that escaped the row limit, and an external entity in the sheet
 * XML. Each hostile workbook is a real one from POI with its sheet XML replaced.
 */
class HostileSheetsIT extends ApiIntegrationTest {

	private static final String SHEET = "xl/worksheets/sheet1.xml";

	private static final String HEAD = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
			+ "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>";

	private static final String TAIL = "</sheetData></worksheet>";

	@Test
	void aSheetThatInflatesToGigabytesIsRefusedWithoutReadingItWhole() throws IOException {
		ApiClient chief1 = this.accounts.demo(this.port, "chief1");
		List<String> headers = Sheets.templateHeaders(chief1, "people");
		// 1 GiB of blank space between the header row and the end: ~1 MB on the wire
		byte[] bomb = replaceSheet(Sheets.xlsx(headers, List.of()), out -> {
			out.write(headerRow(headers).getBytes(StandardCharsets.UTF_8));
			byte[] spaces = new byte[1 << 20];
			java.util.Arrays.fill(spaces, (byte) ' ');
			for (int i = 0; i < 1024; i++) {
				out.write(spaces);
			}
		});
		assertThat(bomb.length).isLessThan(5_000_000);
		long jobs = jobs();
		long started = System.nanoTime();

		Response refused = chief1.upload("/api/v1/imports?kind=people", "bomb.xlsx", bomb);

		assertThat(refused.status()).as(refused.body()).isEqualTo(400);
		assertThat(refused.errorFields()).containsExactly("file");
		assertThat(refused.body()).contains("compress");
		assertThat(System.nanoTime() - started).as("answered without inflating 1 GiB").isLessThan(10_000_000_000L);
		assertThat(jobs()).isEqualTo(jobs);
	}

	@Test
	void blankRowsCountTowardTheRowLimit() throws IOException {
		ApiClient chief1 = this.accounts.demo(this.port, "chief1");
		List<String> headers = Sheets.templateHeaders(chief1, "people");
		// 100,001 empty rows and then one real one: more rows than the limit of 100,000
		byte[] padded = replaceSheet(Sheets.xlsx(headers, List.of()), out -> {
			out.write(headerRow(headers).getBytes(StandardCharsets.UTF_8));
			StringBuilder rows = new StringBuilder();
			for (int r = 2; r <= 100_002; r++) {
				rows.append("<row r=\"").append(r).append("\" spans=\"1:").append(r % 17 + 1).append("\"/>");
				if (rows.length() > 65536) {
					out.write(rows.toString().getBytes(StandardCharsets.UTF_8));
					rows.setLength(0);
				}
			}
			rows.append("<row r=\"100003\"><c r=\"A100003\" t=\"inlineStr\"><is><t>张三</t></is></c></row>");
			out.write(rows.toString().getBytes(StandardCharsets.UTF_8));
		});
		long jobs = jobs();

		Response refused = chief1.upload("/api/v1/imports?kind=people", "padded.xlsx", padded);

		assertThat(refused.status()).as(refused.body()).isEqualTo(400);
		assertThat(refused.errorFields()).containsExactly("file");
		assertThat(refused.body()).contains("100000");
		assertThat(jobs()).isEqualTo(jobs);
	}

	@Test
	void anExternalEntityInTheSheetIsNeverResolved() throws IOException {
		ApiClient chief1 = this.accounts.demo(this.port, "chief1");
		List<String> headers = Sheets.templateHeaders(chief1, "people");
		String secret = "/etc/hostname";
		byte[] hostile = replaceSheet(Sheets.xlsx(headers, List.of()), out -> {
			out.write(("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE worksheet [<!ENTITY xxe SYSTEM \"file://"
					+ secret + "\">]>\n" + HEAD.substring(HEAD.indexOf("<worksheet")))
				.getBytes(StandardCharsets.UTF_8));
			out.write(headerRow(headers).getBytes(StandardCharsets.UTF_8));
			out.write("<row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t>&xxe;</t></is></c></row>"
				.getBytes(StandardCharsets.UTF_8));
		}, false);
		long jobs = jobs();

		Response refused = chief1.upload("/api/v1/imports?kind=people", "xxe.xlsx", hostile);

		assertThat(refused.status()).as(refused.body()).isEqualTo(400);
		assertThat(refused.errorFields()).containsExactly("file");
		String hostname = java.nio.file.Files.readString(java.nio.file.Path.of(secret)).strip();
		if (!hostname.isEmpty()) {
			assertThat(refused.body()).doesNotContain(hostname);
		}
		assertThat(jobs()).isEqualTo(jobs);
	}

	private static String headerRow(List<String> headers) {
		StringBuilder row = new StringBuilder("<row r=\"1\">");
		for (int c = 0; c < headers.size(); c++) {
			row.append("<c r=\"")
				.append(org.apache.poi.ss.util.CellReference.convertNumToColString(c))
				.append("1\" t=\"inlineStr\"><is><t>")
				.append(headers.get(c))
				.append("</t></is></c>");
		}
		return row.append("</row>").toString();
	}

	interface SheetWriter {

		void write(OutputStream out) throws IOException;

	}

	private static byte[] replaceSheet(byte[] workbook, SheetWriter body) throws IOException {
		return replaceSheet(workbook, body, true);
	}

	/** {@code workbook} with its first sheet's XML written by {@code body}. */
	private static byte[] replaceSheet(byte[] workbook, SheetWriter body, boolean withHead) throws IOException {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(workbook));
				ZipOutputStream out = new ZipOutputStream(bytes)) {
			out.setLevel(Deflater.BEST_COMPRESSION);
			ZipEntry entry;
			while ((entry = in.getNextEntry()) != null) {
				out.putNextEntry(new ZipEntry(entry.getName()));
				if (entry.getName().equals(SHEET)) {
					OutputStream sheet = new java.io.FilterOutputStream(out) {
						@Override
						public void write(byte[] b, int off, int len) throws IOException {
							out.write(b, off, len);
						}

						@Override
						public void close() {
						}
					};
					if (withHead) {
						sheet.write(HEAD.getBytes(StandardCharsets.UTF_8));
					}
					body.write(sheet);
					sheet.write(TAIL.getBytes(StandardCharsets.UTF_8));
				}
				else {
					in.transferTo(out);
				}
				out.closeEntry();
			}
		}
		return bytes.toByteArray();
	}

	private long jobs() {
		Long count = this.jdbc.queryForObject("select count(*) from import_job", Long.class);
		return count == null ? 0 : count;
	}

}
