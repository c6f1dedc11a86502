package org.govgrid.exchange;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.govgrid.platform.DataScope;
import org.govgrid.platform.IdNumbers;
import org.govgrid.platform.IdentifierProtection;
import org.govgrid.support.ApiClient;
import org.govgrid.support.ApiClient.Response;
import org.govgrid.support.ApiIntegrationTest;
import org.govgrid.support.TestIds;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bulk import of people: good rows in, bad rows reported cell by cell and never
 * half-written, the same file again updates instead of duplicating, CSV in GBK, the
 * importer's scope, a job visible to its creator only, and a job left behind by a stopped
 * node run again.
 */
class ImportIT extends ApiIntegrationTest {

	/** chief1's community (320505006001) has grids 001–004. */
	private static final String COMMUNITY = "320505006001";

	private static final String OTHER_COMMUNITY_GRID = "320505006002001";

	@Autowired
	IdentifierProtection protection;

	@Autowired
	ImportJobs jobs;

	@Autowired
	ImportRunner runner;

	@Autowired
	PlatformTransactionManager transactions;

	@Autowired
	ImportRetention retention;

	/**
	 * The kinds of bad row the big file mixes, each with the column it must be reported
	 * in.
	 */
	enum Bad {

		CHECK_DIGIT("身份证号"), BIRTH_DATE("身份证号"), SEX_MISMATCH("身份证号"), PHONE("手机号"), HOUSEHOLD("户籍类型"), NO_NAME("姓名"),
		OTHER_COMMUNITY("所属网格编码"), DUPLICATE("身份证号");

		final String column;

		Bad(String column) {
			this.column = column;
		}

	}

	/** A people sheet built from the server's own template. */
	final class PeopleFile {

		final List<String> headers;

		final List<Map<String, String>> rows = new ArrayList<>();

		PeopleFile(ApiClient client) throws IOException {
			this.headers = Sheets.templateHeaders(client, "people");
		}

		/** A good person numbered {@code n}, placed in one of the community's grids. */
		Map<String, String> person(int n, String division) {
			LocalDate birth = LocalDate.of(1950, 1, 1).plusDays(n);
			String sex = n % 2 == 0 ? "2" : "1";
			String first17 = division + birth.toString().replace("-", "") + "01" + (sex.equals("1") ? "1" : "2");
			Map<String, String> row = new HashMap<>();
			row.put("身份证号", first17 + IdNumbers.checkCharacter(first17));
			row.put("姓名", "导入测试" + n);
			row.put("性别", sex.equals("1") ? "男" : "女");
			row.put("民族", "汉族");
			row.put("手机号", TestIds.phone());
			row.put("户籍类型", n % 3 == 0 ? "REGISTERED" : "流动人口");
			row.put("现住址", "狮山街道金山路" + n + "号");
			row.put("户籍地址", "江苏省苏州市");
			row.put("所属网格编码", COMMUNITY + "00" + (1 + n % 4));
			row.put("学历", "大学本科");
			row.put("政治面貌", "群众");
			if (n % 10 == 0) {
				row.put("重点人群", "独居老人");
			}
			return row;
		}

		byte[] xlsx() throws IOException {
			return Sheets.xlsx(this.headers, this.rows);
		}

		byte[] csv(Charset charset, boolean bom) {
			byte[] body = Sheets.csv(this.headers, this.rows, charset);
			if (!bom) {
				return body;
			}
			byte[] withBom = new byte[body.length + 3];
			withBom[0] = (byte) 0xEF;
			withBom[1] = (byte) 0xBB;
			withBom[2] = (byte) 0xBF;
			System.arraycopy(body, 0, withBom, 3, body.length);
			return withBom;
		}

	}

	@Test
	@ExtendWith(OutputCaptureExtension.class)
	void aThousandRowsWithThirtySevenBadOnesImport963AndReportExactlyThose37(CapturedOutput log) throws Exception {
		ApiClient chief1 = this.accounts.demo(this.port, "chief1");
		PeopleFile file = new PeopleFile(chief1);
		assertThat(file.headers).startsWith("身份证号", "姓名")
			.contains("手机号", "户籍类型", "现住址", "户籍地址", "所属网格编码", "民族", "政治面貌", "学历", "工作单位", "重点人群");
		Map<Integer, Bad> bad = new TreeMap<>();
		for (int k = 0; k < 37; k++) {
			bad.put(5 + 27 * k, Bad.values()[k % Bad.values().length]);
		}
		for (int i = 0; i < 1000; i++) {
			Map<String, String> row = file.person(i, "320506");
			Bad kind = bad.get(i);
			if (kind != null) {
				spoil(row, kind, file.rows.get(i - 1));
			}
			file.rows.add(row);
		}
		long maxIdBefore = this.jdbc.queryForObject("select coalesce(max(id), 0) from bd_person", Long.class);
		int countBefore = count();

		JsonNode job = importAndWait(chief1, "people.xlsx", file.xlsx());

		assertThat(job.path("status").asString()).isEqualTo("DONE");
		assertThat(job.path("rowsTotal").asInt()).isEqualTo(1000);
		assertThat(job.path("rowsRead").asInt()).isEqualTo(1000);
		assertThat(job.path("rowsOk").asInt()).isEqualTo(963);
		assertThat(job.path("rowsFailed").asInt()).isEqualTo(37);
		assertThat(job.path("created").asInt()).isEqualTo(963);
		assertThat(job.path("updated").asInt()).isZero();
		assertThat(count()).as("only the good rows were written").isEqualTo(countBefore + 963);
		long id = job.path("id").asLong();

		Response errors = chief1.get("/api/v1/imports/" + id + "/errors");
		assertThat(errors.status()).isEqualTo(200);
		Map<Integer, String> reported = new TreeMap<>();
		errors.json().forEach(e -> reported.put(e.path("row").asInt(), e.path("column").asString()));
		assertThat(errors.json().size()).as("one error per bad row: each has one bad cell").isEqualTo(37);
		Map<Integer, String> expected = new TreeMap<>();
		bad.forEach((index, kind) -> expected.put(index + 2, kind.column));
		assertThat(reported).as("rows numbered as in the sheet, header = row 1").isEqualTo(expected);

		for (Map.Entry<Integer, Bad> entry : bad.entrySet()) {
			String idNumber = file.rows.get(entry.getKey()).get("身份证号");
			if (entry.getValue() != Bad.DUPLICATE && IdNumbers.valid(idNumber)) {
				assertThat(this.jdbc.queryForObject("select count(*) from bd_person where id_hash = ?", Integer.class,
						this.protection.hash(idNumber)))
					.as("bad row %d (%s) left nothing behind", entry.getKey() + 2, entry.getValue())
					.isZero();
			}
		}
		assertNoClearIdentifiers(file, "select * from bd_person where id > " + maxIdBefore);
		assertNoClearIdentifiers(file, "select * from import_job where id = " + id);
		assertNoClearIdentifiers(file, "select * from import_bad_row where job_id = " + id);
		assertNoClearIdentifiers(file, "select * from import_error where job_id = " + id);

		try (XSSFWorkbook report = new XSSFWorkbook(
				new ByteArrayInputStream(chief1.download("/api/v1/imports/" + id + "/errors.xlsx")))) {
			Sheet sheet = report.getSheetAt(0);
			DataFormatter format = new DataFormatter();
			assertThat(format.formatCellValue(sheet.getRow(0).getCell(0))).isEqualTo("行号");
			assertThat(sheet.getLastRowNum()).isEqualTo(37);
			TreeSet<Integer> rows = new TreeSet<>();
			int idColumn = 3 + file.headers.indexOf("身份证号");
			for (int r = 1; r <= 37; r++) {
				int row = (int) sheet.getRow(r).getCell(0).getNumericCellValue();
				rows.add(row);
				assertThat(format.formatCellValue(sheet.getRow(r).getCell(idColumn)))
					.as("a chief may unmask: the row as it was")
					.isEqualTo(file.rows.get(row - 2).get("身份证号"));
			}
			assertThat(rows).isEqualTo(expected.keySet());
		}
		assertThat(eventually(() -> this.jdbc.queryForObject(
				"select count(*) from audit_log where action = 'BASEDATA_IMPORT_REPORT' and object_id = ?"
						+ " and detail = 'people rows=37 unmasked' and username = 'chief1'",
				Integer.class, String.valueOf(id)), count -> count == 1))
			.as("the download is audited once its transaction commits")
			.isEqualTo(1);

		ApiClient center = this.accounts.demo(this.port, "center");
		assertThat(center.get("/api/v1/imports/" + id).status()).as("another user's job").isEqualTo(404);
		assertThat(center.get("/api/v1/imports/" + id + "/errors").status()).isEqualTo(404);
		assertThat(center.get("/api/v1/imports/" + id + "/errors.xlsx").status()).isEqualTo(404);
		assertThat(center.get("/api/v1/imports").json().path("items").findValuesAsString("id"))
			.doesNotContain(String.valueOf(id));
		assertThat(chief1.get("/api/v1/imports").json().path("items").get(0).path("id").asLong()).isEqualTo(id);

		JsonNode again = importAndWait(chief1, "people-again.xlsx", file.xlsx());
		assertThat(again.path("rowsOk").asInt()).isEqualTo(963);
		assertThat(again.path("rowsFailed").asInt()).isEqualTo(37);
		assertThat(again.path("updated").asInt()).isEqualTo(963);
		assertThat(again.path("created").asInt()).isZero();
		assertThat(count()).as("the same file again adds nobody").isEqualTo(countBefore + 963);
		assertThat(log.getAll()).as("the log is captured").contains("Import job " + id + " done");
		for (Map<String, String> row : file.rows) {
			assertThat(log.getAll()).as("no identifier in the log").doesNotContain(row.get("身份证号"));
		}
		assertThat(this.jdbc.queryForObject(
				"select detail from audit_log where action = 'BASEDATA_IMPORT' and object_id = ?", String.class,
				again.path("id").asString()))
			.isEqualTo("people rows=1000 ok=963 failed=37 created=0 updated=963");
	}

	/** Makes a good row bad in exactly one cell. */
	private static void spoil(Map<String, String> row, Bad kind, Map<String, String> previous) {
		String idNumber = row.get("身份证号");
		switch (kind) {
			case CHECK_DIGIT -> row.put("身份证号", idNumber.substring(0, 17) + (idNumber.charAt(17) == '0' ? '1' : '0'));
			case BIRTH_DATE -> {
				String first17 = idNumber.substring(0, 6) + "19900230" + idNumber.substring(14, 17);
				row.put("身份证号", first17 + IdNumbers.checkCharacter(first17));
			}
			case SEX_MISMATCH -> row.put("性别", row.get("性别").equals("男") ? "女" : "男");
			case PHONE -> row.put("手机号", "12345");
			case HOUSEHOLD -> row.put("户籍类型", "旅游人口");
			case NO_NAME -> row.remove("姓名");
			case OTHER_COMMUNITY -> row.put("所属网格编码", OTHER_COMMUNITY_GRID);
			case DUPLICATE -> row.put("身份证号", previous.get("身份证号"));
		}
	}

	@Test
	void csvInGbkOrUtf8WithBomImportsAndAChiefCannotPlaceAPersonInAnotherCommunity() throws Exception {
		ApiClient chief1 = this.accounts.demo(this.port, "chief1");
		PeopleFile file = new PeopleFile(chief1);
		file.rows.add(file.person(1, "320507"));
		file.rows.add(file.person(2, "320507"));
		Map<String, String> elsewhere = file.person(3, "320507");
		elsewhere.put("所属网格编码", OTHER_COMMUNITY_GRID);
		file.rows.add(elsewhere);
		file.rows.get(0).put("现住址", "狮山街道“金山路”1号, 东门");

		JsonNode gbk = importAndWait(chief1, "people.csv", file.csv(Charset.forName("GBK"), false));
		assertThat(gbk.path("status").asString()).isEqualTo("DONE");
		assertThat(gbk.path("rowsOk").asInt()).isEqualTo(2);
		assertThat(gbk.path("created").asInt()).isEqualTo(2);
		Response errors = chief1.get("/api/v1/imports/" + gbk.path("id").asLong() + "/errors");
		assertThat(errors.json().size()).isEqualTo(1);
		assertThat(errors.json().get(0).path("row").asInt()).isEqualTo(4);
		assertThat(errors.json().get(0).path("column").asString()).isEqualTo("所属网格编码");
		Response found = chief1.post("/api/v1/people/lookup", Map.of("identifier", file.rows.get(0).get("身份证号")));
		assertThat(found.json().get(0).path("name").asString()).as("GBK read as GBK").isEqualTo("导入测试1");
		assertThat(found.json().get(0).path("currentAddress").asString()).isEqualTo("狮山街道“金山路”1号, 东门");
		assertThat(found.json().get(0).path("householdType").asString()).isEqualTo("FLOATING");
		assertThat(found.json().get(0).path("education").asString()).isEqualTo("20");

		JsonNode utf8 = importAndWait(chief1, "people.csv", file.csv(StandardCharsets.UTF_8, true));
		assertThat(utf8.path("rowsOk").asInt()).isEqualTo(2);
		assertThat(utf8.path("updated").asInt()).isEqualTo(2);
		assertThat(this.jdbc.queryForObject("select count(*) from bd_person where id_hash = ?", Integer.class,
				this.protection.hash(elsewhere.get("身份证号"))))
			.isZero();
	}

	@Test
	void aFileThatCannotBeImportedIsRefusedWhole() throws Exception {
		ApiClient chief1 = this.accounts.demo(this.port, "chief1");
		Response missing = chief1.upload("/api/v1/imports?kind=people", "people.csv",
				"姓名,手机号\r\n张三,13800000000\r\n".getBytes(StandardCharsets.UTF_8));
		assertThat(missing.status()).isEqualTo(400);
		assertThat(missing.body()).contains("身份证号", "户籍类型", "现住址", "所属网格编码");
		assertThat(missing.errorFields()).containsExactly("file");

		Response xls = chief1.upload("/api/v1/imports?kind=people", "people.xls",
				new byte[] { (byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, 0, 0, 0, 0 });
		assertThat(xls.status()).isEqualTo(400);
		assertThat(xls.body()).contains(".xlsx");

		assertThat(chief1.upload("/api/v1/imports?kind=cars", "people.csv", "a\r\n".getBytes()).errorFields())
			.containsExactly("kind");

		StringBuilder many = new StringBuilder("身份证号,姓名,户籍类型,现住址,所属网格编码\r\n");
		for (int i = 0; i <= 100_000; i++) {
			many.append("1,a,b,c,d\r\n");
		}
		Response tooMany = chief1.upload("/api/v1/imports?kind=people", "many.csv",
				many.toString().getBytes(StandardCharsets.UTF_8));
		assertThat(tooMany.status()).isEqualTo(400);
		assertThat(tooMany.body()).contains("100000");

		Response tooBig = chief1.upload("/api/v1/imports?kind=people", "big.csv", new byte[21 * 1024 * 1024]);
		assertThat(tooBig.status()).isEqualTo(400);
		assertThat(tooBig.body()).contains("20 MB");

		assertThat(this.accounts.demo(this.port, "worker1")
			.upload("/api/v1/imports?kind=people", "people.csv", "a\r\n".getBytes())
			.status()).as("workers do not import").isEqualTo(403);
	}

	@Test
	void aJobLeftRunningByAStoppedNodeIsRunAgainFromTheStartAndFinishedJobsGoAfterNinetyDays() throws Exception {
		ApiClient chief1 = this.accounts.demo(this.port, "chief1");
		PeopleFile file = new PeopleFile(chief1);
		for (int i = 0; i < 3; i++) {
			file.rows.add(file.person(100 + i, "320508"));
		}
		long chief = this.accounts.id("chief1");
		Submitter submitter = new Submitter(chief, "chief1", "狮山社区网格长",
				new DataScope(this.accounts.region(COMMUNITY).id(), this.accounts.region(COMMUNITY).path()), null,
				java.util.Set.of("basedata:import", "basedata:person:write", "basedata:person:read"));
		byte[] csv = file.csv(StandardCharsets.UTF_8, false);
		// submitted, and then the node that took it died after two rows, one of them
		// refused (one transaction, so no poll sees the job in between)
		long id = new TransactionTemplate(this.transactions).execute(tx -> {
			long job = this.jobs
				.submit("people", new MockMultipartFile("file", "people.csv", "text/csv", csv), submitter)
				.id();
			this.jdbc.update("""
					update import_job set status = 'RUNNING', runner = 'node-gone', rows_read = 2, rows_failed = 1,
					    heartbeat_at = now() - interval '1 hour', started_at = now() - interval '1 hour'
					where id = ?""", job);
			this.jdbc.update(
					"insert into import_error (job_id, row_no, column_name, reason) values (?, 2, '姓名', 'old')", job);
			return job;
		});

		this.runner.pickUp();

		JsonNode job = Sheets.waitFor(chief1, id);
		assertThat(job.path("status").asString()).isEqualTo("DONE");
		assertThat(job.path("rowsRead").asInt()).isEqualTo(3);
		assertThat(job.path("rowsOk").asInt()).isEqualTo(3);
		assertThat(job.path("rowsFailed").asInt()).isZero();
		assertThat(chief1.get("/api/v1/imports/" + id + "/errors").json().size()).isZero();
		assertThat(this.jdbc.queryForObject("select content_cipher is null from import_job where id = ?", Boolean.class,
				id))
			.as("the upload is dropped once done")
			.isTrue();

		this.retention.purge();
		assertThat(chief1.get("/api/v1/imports/" + id).status()).as("kept a while").isEqualTo(200);
		this.jdbc.update("update import_job set finished_at = now() - interval '91 days' where id = ?", id);
		this.retention.purge();
		assertThat(chief1.get("/api/v1/imports/" + id).status()).as("then gone").isEqualTo(404);
	}

	private static JsonNode importAndWait(ApiClient client, String filename, byte[] content)
			throws InterruptedException {
		return Sheets.importAndWait(client, "people", filename, content);
	}

	private int count() {
		return this.jdbc.queryForObject("select count(*) from bd_person", Integer.class);
	}

	/** No ID number or phone of the file appears in any column of the rows selected. */
	private void assertNoClearIdentifiers(PeopleFile file, String query) {
		StringBuilder raw = new StringBuilder();
		for (Map<String, Object> row : this.jdbc.queryForList(query)) {
			for (Object value : row.values()) {
				raw.append(value instanceof byte[] bytes ? new String(bytes, StandardCharsets.ISO_8859_1)
						: String.valueOf(value))
					.append('|');
			}
		}
		assertThat(raw).as(query).isNotEmpty();
		String text = raw.toString();
		for (Map<String, String> row : file.rows) {
			for (String column : List.of("身份证号", "手机号")) {
				String value = row.get(column);
				if (value != null && value.length() > 6) {
					assertThat(text.contains(value)).as(query + " holds a clear " + column).isFalse();
				}
			}
		}
	}

}
