package org.govgrid.exchange;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.govgrid.audit.AuditRecord;
import org.govgrid.audit.AuditTrail;
import org.govgrid.platform.ConflictException;
import org.govgrid.platform.IdentifierProtection;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The initial passwords of the accounts an import made, as the admin API shows one to the
 * administrator who creates an account: kept sealed with the job (written in the row's
 * own transaction, so a dry run or a refused row keeps none) until the importer downloads
 * them, once; then they are gone. Never in a log, an audit row or the job's report.
 */
@Component
class InitialPasswords {

	private final NamedParameterJdbcTemplate jdbc;

	private final IdentifierProtection protection;

	private final AuditTrail audit;

	InitialPasswords(NamedParameterJdbcTemplate jdbc, IdentifierProtection protection, AuditTrail audit) {
		this.jdbc = jdbc;
		this.protection = protection;
		this.audit = audit;
	}

	/** Keeps one account's initial password, in the caller's transaction. */
	void keep(long job, int row, String username, String displayName, String password) {
		IdentifierProtection.Sealed sealed = this.protection.seal(password);
		this.jdbc.update("""
				insert into import_initial_password (job_id, row_no, username, display_name, secret_key, secret_cipher)
				values (:job, :row, :username, :name, :key, :cipher)""",
				new MapSqlParameterSource("job", job).addValue("row", row)
					.addValue("username", username)
					.addValue("name", displayName)
					.addValue("key", sealed.keyId())
					.addValue("cipher", sealed.cipherText()));
	}

	/**
	 * The passwords of a finished job as xlsx (用户名, 姓名, 初始密码), removed as they are read:
	 * a second download is 409. The job as its creator sees it: the caller has checked
	 * that (404 for anyone else).
	 */
	@Transactional
	byte[] take(ImportJobView job) {
		long id = job.id();
		if (!"DONE".equals(job.status()) || job.dryRun()) {
			throw new ConflictException("the job has not created accounts / 该导入任务未创建账号");
		}
		List<String[]> rows = new ArrayList<>();
		this.jdbc.query("""
				delete from import_initial_password where job_id = :id
				returning row_no, username, display_name, secret_key, secret_cipher""",
				new MapSqlParameterSource("id", id), rs -> {
					rows.add(new String[] { String.valueOf(rs.getInt("row_no")), rs.getString("username"),
							rs.getString("display_name"),
							this.protection.open(rs.getString("secret_key"), rs.getBytes("secret_cipher")) });
				});
		if (rows.isEmpty()) {
			throw new ConflictException(
					"the initial passwords were downloaded already: reset a password in user administration"
							+ " / 初始密码已下载过，如需可在用户管理中重置密码");
		}
		rows.sort(java.util.Comparator.comparingInt(r -> Integer.parseInt(r[0])));
		this.audit.record(AuditRecord.success("USER_IMPORT_PASSWORDS", "import", id,
				"initial passwords of " + rows.size() + " account(s) downloaded"));
		return workbook(rows);
	}

	private static byte[] workbook(List<String[]> rows) {
		try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Sheet sheet = workbook.createSheet("初始密码");
			List<String> headers = List.of("行号", "用户名", "姓名", "初始密码");
			Workbooks.widths(sheet, headers);
			Workbooks.headerRow(sheet, headers, Workbooks.bold(workbook, false));
			int n = 0;
			for (String[] row : rows) {
				Workbooks.cells(sheet.createRow(++n), 0, List.of(Integer.valueOf(row[0]), row[1], row[2], row[3]));
			}
			workbook.write(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
