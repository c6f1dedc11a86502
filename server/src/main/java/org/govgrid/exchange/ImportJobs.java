package org.govgrid.exchange;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import org.govgrid.audit.AuditRecord;
import org.govgrid.audit.AuditTrail;
import org.govgrid.platform.FieldErrors;
import org.govgrid.platform.IdentifierProtection;
import org.govgrid.platform.InvalidInputException;
import org.govgrid.platform.NotFoundException;
import org.govgrid.platform.PageQuery;
import org.govgrid.platform.PageResponse;
import org.govgrid.platform.ScopedPrincipal;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.unit.DataSize;
import org.springframework.web.multipart.MultipartFile;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Import jobs as their creators see them: a file is checked (format, columns, size, rows)
 * and kept sealed until the job has run; a job and its errors are visible to whoever
 * submitted it and to nobody else (404).
 */
@Service
class ImportJobs {

	static final JsonMapper JSON = JsonMapper.builder().build();

	static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
	};

	/** The JSON error list stops here; the xlsx report has them all. */
	static final int ERRORS_SHOWN = 5000;

	private final NamedParameterJdbcTemplate jdbc;

	private final SheetKinds kinds;

	private final IdentifierProtection protection;

	private final AuditTrail audit;

	private final DataSize maxFileSize;

	private final int maxRows;

	private final TransactionTemplate transactions;

	ImportJobs(NamedParameterJdbcTemplate jdbc, SheetKinds kinds, IdentifierProtection protection, AuditTrail audit,
			PlatformTransactionManager transactions,
			@Value("${govgrid.exchange.max-file-size:20MB}") DataSize maxFileSize,
			@Value("${govgrid.exchange.max-rows:100000}") int maxRows) {
		this.jdbc = jdbc;
		this.kinds = kinds;
		this.protection = protection;
		this.audit = audit;
		this.maxFileSize = maxFileSize;
		this.maxRows = maxRows;
		this.transactions = new TransactionTemplate(transactions);
	}

	record Submitted(long id, String status) {
	}

	/**
	 * Checks the file whole before accepting it (a 400 names what is wrong: format, size,
	 * missing columns, too many rows) and queues the job. The reading happens outside any
	 * transaction; the job and its audit row are written in one.
	 */
	Submitted submit(String kindName, MultipartFile file, ScopedPrincipal caller) {
		SheetKind kind = this.kinds.findImportable(kindName)
			.orElseThrow(() -> new InvalidInputException("kind",
					"one of " + String.join(", ", this.kinds.names()) + " / 导入类型无效"));
		if (!caller.can(kind.writePermission())) {
			throw new AccessDeniedException(kind.writePermission());
		}
		if (file == null || file.isEmpty()) {
			throw new InvalidInputException("file", "required, not empty / 请选择非空文件");
		}
		if (file.getSize() > this.maxFileSize.toBytes()) {
			throw new InvalidInputException("file", "larger than " + this.maxFileSize.toMegabytes() + " MB / 文件超过"
					+ this.maxFileSize.toMegabytes() + "MB");
		}
		byte[] content;
		try {
			content = file.getBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		String filename = filename(file);
		SheetFile.Format format = SheetFile.detect(filename, content);
		Scan scan = scan(kind, format, content);
		IdentifierProtection.Sealed sealed = this.protection.seal(content);
		return this.transactions.execute(tx -> store(kind, filename, format, scan, sealed, caller));
	}

	private Submitted store(SheetKind kind, String filename, SheetFile.Format format, Scan scan,
			IdentifierProtection.Sealed sealed, ScopedPrincipal caller) {
		long id = this.jdbc.queryForObject("""
				insert into import_job (kind, filename, format, headers, rows_total, content_key, content_cipher,
				    created_by, principal)
				values (:kind, :filename, :format, cast(:headers as jsonb), :total, :key, :cipher, :user,
				    cast(:principal as jsonb))
				returning id""",
				new MapSqlParameterSource("kind", kind.kind()).addValue("filename", filename)
					.addValue("format", format.name())
					.addValue("headers", JSON.writeValueAsString(scan.layout().headers()))
					.addValue("total", scan.rows())
					.addValue("key", sealed.keyId())
					.addValue("cipher", sealed.cipherText())
					.addValue("user", caller.userId())
					.addValue("principal", JSON.writeValueAsString(Submitter.of(caller))),
				Long.class);
		this.audit.record(AuditRecord.success("BASEDATA_IMPORT_SUBMIT", "import", id,
				kind.kind() + " rows=" + scan.rows() + " " + format.name().toLowerCase(java.util.Locale.ROOT)));
		return new Submitted(id, "QUEUED");
	}

	private record Scan(SheetLayout layout, int rows) {
	}

	/**
	 * The header and the number of data rows, reading no further than the cap. Every row
	 * read counts toward the cap, blank ones too: a sheet of a million empty rows is
	 * refused, not read to its end.
	 */
	private Scan scan(SheetKind kind, SheetFile.Format format, byte[] content) {
		FieldErrors errors = new FieldErrors();
		SheetLayout[] layout = new SheetLayout[1];
		int[] rows = new int[1];
		int[] read = new int[1];
		SheetFile.read(format, content, (number, cells) -> {
			if (++read[0] > this.maxRows + 1) {
				throw new SheetFile.Stop();
			}
			if (SheetLayout.blank(cells)) {
				return;
			}
			if (layout[0] == null) {
				layout[0] = SheetLayout.of(kind, cells, errors);
				errors.throwIfAny();
			}
			else {
				rows[0]++;
			}
		});
		if (read[0] > this.maxRows + 1) {
			throw new InvalidInputException("file", "more than " + this.maxRows
					+ " rows (blank rows count too): split the file / 超过" + this.maxRows + "行（空行也计入），请拆分后导入");
		}
		if (layout[0] == null) {
			throw new InvalidInputException("file", "the file is empty / 文件中没有数据");
		}
		if (rows[0] == 0) {
			throw new InvalidInputException("file", "no rows below the header / 表头下没有数据行");
		}
		return new Scan(layout[0], rows[0]);
	}

	private static String filename(MultipartFile file) {
		String name = file.getOriginalFilename() == null ? "upload" : file.getOriginalFilename();
		name = name.replaceAll(".*[/\\\\]", "").replaceAll("\\p{Cntrl}", "");
		return name.length() > 200 ? name.substring(name.length() - 200) : name;
	}

	@Transactional(readOnly = true)
	PageResponse<ImportJobView> mine(PageQuery paging, ScopedPrincipal caller) {
		Pageable page = paging.toPageable(Sort.unsorted());
		MapSqlParameterSource params = new MapSqlParameterSource("user", caller.userId())
			.addValue("limit", page.getPageSize())
			.addValue("offset", page.getOffset());
		Long total = this.jdbc.queryForObject("select count(*) from import_job where created_by = :user", params,
				Long.class);
		List<ImportJobView> items = this.jdbc.query(
				"select * from import_job where created_by = :user order by id desc limit :limit offset :offset",
				params, ImportJobs::view);
		return new PageResponse<>(items, total == null ? 0 : total, page.getPageNumber() + 1, page.getPageSize());
	}

	@Transactional(readOnly = true)
	ImportJobView view(long id, ScopedPrincipal caller) {
		return find(id, caller).orElseThrow(() -> new NotFoundException("import job", id));
	}

	private Optional<ImportJobView> find(long id, ScopedPrincipal caller) {
		return this.jdbc
			.query("select * from import_job where id = :id and created_by = :user",
					new MapSqlParameterSource("id", id).addValue("user", caller.userId()), ImportJobs::view)
			.stream()
			.findFirst();
	}

	@Transactional(readOnly = true)
	List<RowError> errors(long id, ScopedPrincipal caller) {
		view(id, caller);
		return this.jdbc.query(
				"select row_no, column_name, reason from import_error where job_id = :id order by row_no, id limit :max",
				new MapSqlParameterSource("id", id).addValue("max", ERRORS_SHOWN),
				(rs, n) -> new RowError(rs.getInt("row_no"), rs.getString("column_name"), rs.getString("reason")));
	}

	/** A bad row for the report: its errors and the values it had in the file. */
	record BadRow(int row, List<RowError> errors, List<String> values) {
	}

	/** The headers of the job's file. */
	@Transactional(readOnly = true)
	List<String> headers(long id, ScopedPrincipal caller) {
		view(id, caller);
		return JSON.readValue(this.jdbc.queryForObject("select headers from import_job where id = :id",
				new MapSqlParameterSource("id", id), String.class), STRINGS);
	}

	/** Every bad row in row order, with its values opened from their seal. */
	@Transactional(readOnly = true)
	void forEachBadRow(long id, ScopedPrincipal caller, Consumer<BadRow> action) {
		view(id, caller);
		List<RowError> errors = new ArrayList<>();
		List<List<String>> values = new ArrayList<>(1);
		this.jdbc.query("""
				select e.row_no, e.column_name, e.reason, b.cells_key, b.cells_cipher
				from import_error e left join import_bad_row b on b.job_id = e.job_id and b.row_no = e.row_no
				where e.job_id = :id order by e.row_no, e.id""", new MapSqlParameterSource("id", id),
				(RowCallbackHandler) rs -> {
					int row = rs.getInt("row_no");
					if (!errors.isEmpty() && errors.get(0).row() != row) {
						action.accept(new BadRow(errors.get(0).row(), List.copyOf(errors), values.get(0)));
						errors.clear();
						values.clear();
					}
					if (errors.isEmpty()) {
						values.add(values(rs));
					}
					errors.add(new RowError(row, rs.getString("column_name"), rs.getString("reason")));
				});
		if (!errors.isEmpty()) {
			action.accept(new BadRow(errors.get(0).row(), List.copyOf(errors), values.get(0)));
		}
	}

	private List<String> values(ResultSet rs) throws SQLException {
		if (rs.getString("cells_key") == null) {
			return List.of();
		}
		return JSON.readValue(this.protection.open(rs.getString("cells_key"), rs.getBytes("cells_cipher")), STRINGS);
	}

	static ImportJobView view(ResultSet rs, int n) throws SQLException {
		return new ImportJobView(rs.getLong("id"), rs.getString("kind"), rs.getString("filename"),
				rs.getString("status"), rs.getInt("rows_total"), rs.getInt("rows_read"), rs.getInt("rows_ok"),
				rs.getInt("rows_failed"), rs.getInt("created"), rs.getInt("updated"), rs.getString("message"),
				instant(rs.getTimestamp("created_at")), instant(rs.getTimestamp("started_at")),
				instant(rs.getTimestamp("finished_at")));
	}

	private static java.time.Instant instant(Timestamp at) {
		return at == null ? null : at.toInstant();
	}

}
