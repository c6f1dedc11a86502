package org.govgrid.exchange;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.govgrid.platform.ConflictException;
import org.govgrid.platform.FieldErrors;
import org.govgrid.platform.InvalidInputException;
import org.govgrid.platform.NotFoundException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One run of a claimed job: every row saved on its own through the kind's service (a bad
 * row is never half-written), refused rows kept with their errors, the counters written
 * every {@value #BEAT_ROWS} rows. Logs name jobs and row numbers, never a value.
 */
final class ImportRun {

	static final int BEAT_ROWS = 50;

	private static final long BEAT_NANOS = 5_000_000_000L;

	private final JobRuns.Claim claim;

	private final SheetKind kind;

	private final JobRuns runs;

	private final CellValues values;

	private final String runner;

	/** Null unless a dry run: then each row is saved in a transaction rolled back. */
	private final TransactionTemplate dryRun;

	private final JobRuns.Progress progress = new JobRuns.Progress();

	/** Natural keys seen in this file (as digests) and the row that had each first. */
	private final Map<String, Integer> seen = new HashMap<>();

	private SheetLayout layout;

	private long lastBeat = System.nanoTime();

	private boolean abandoned;

	ImportRun(JobRuns.Claim claim, SheetKind kind, JobRuns runs, CellValues values, String runner,
			TransactionTemplate dryRun) {
		this.claim = claim;
		this.kind = kind;
		this.runs = runs;
		this.values = values;
		this.runner = runner;
		this.dryRun = claim.dryRun() ? dryRun : null;
	}

	JobRuns.Progress progress() {
		return this.progress;
	}

	/**
	 * Reads the file through; false when the run was abandoned (the node is stopping, or
	 * another node took the job over) and the job must not be finished here.
	 */
	boolean run(byte[] content) {
		SheetFile.read(this.claim.format(), content, this::row);
		return !this.abandoned;
	}

	private void row(int number, List<String> cells) {
		if (SheetLayout.blank(cells)) {
			return;
		}
		if (this.layout == null) {
			// checked when the file was accepted
			this.layout = SheetLayout.of(this.kind, cells, new FieldErrors());
			return;
		}
		if (Thread.currentThread().isInterrupted()) {
			abandon();
		}
		this.progress.read++;
		List<RowError> errors = save(new SheetRow(this.claim.id(), number, this.layout.cells(cells), this.values));
		if (errors.isEmpty()) {
			this.progress.ok++;
		}
		else {
			this.progress.failed++;
			if (!this.runs.reject(this.claim.id(), this.runner, this.layout.padded(cells), errors)) {
				abandon();
			}
		}
		if (this.progress.read % BEAT_ROWS == 0 || System.nanoTime() - this.lastBeat > BEAT_NANOS) {
			this.lastBeat = System.nanoTime();
			if (!this.runs.beat(this.claim.id(), this.runner, this.progress)) {
				abandon();
			}
		}
	}

	private void abandon() {
		this.abandoned = true;
		throw new SheetFile.Stop();
	}

	private List<RowError> save(SheetRow row) {
		String key = this.kind.naturalKey(row);
		String digest = key == null ? null : digest(key);
		Integer first = digest == null ? null : this.seen.get(digest);
		if (first != null) {
			return List.of(new RowError(row.number(), this.kind.key().header(),
					"the same as row " + first + " of this file / 与本文件第" + first + "行重复"));
		}
		try {
			if (saveOrTry(row)) {
				this.progress.created++;
			}
			else {
				this.progress.updated++;
			}
			if (digest != null) {
				this.seen.put(digest, row.number());
			}
			return List.of();
		}
		catch (SheetRow.Rejected ex) {
			return ex.errors();
		}
		catch (InvalidInputException ex) {
			return this.kind.errors(row.number(), ex);
		}
		catch (ConflictException ex) {
			return List.of(new RowError(row.number(), this.kind.key().header(), ex.getMessage()));
		}
		catch (NotFoundException ex) {
			return List.of(new RowError(row.number(), this.kind.key().header(),
					"refers to something not in your area / 引用的对象不存在或不在您的辖区"));
		}
		catch (DataIntegrityViolationException ex) {
			return List
				.of(new RowError(row.number(), this.kind.key().header(), "conflicts with existing data / 与现有数据冲突"));
		}
		catch (AccessDeniedException ex) {
			return List.of(new RowError(row.number(), this.kind.key().header(), "not allowed / 无权限"));
		}
	}

	/**
	 * Saves the row, or in a dry run does all the same work and checks in a transaction
	 * that is then rolled back: the report is the one a real run would give (but for rows
	 * that refer to others of the same file), and nothing is left behind.
	 */
	private boolean saveOrTry(SheetRow row) {
		if (this.dryRun == null) {
			return this.kind.save(row, this.claim.submitter());
		}
		Boolean created = this.dryRun.execute(status -> {
			status.setRollbackOnly();
			return this.kind.save(row, this.claim.submitter());
		});
		return Boolean.TRUE.equals(created);
	}

	private static String digest(String key) {
		try {
			return java.util.HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** For the log: which job, how far; never a value. */
	@Override
	public String toString() {
		return "import " + this.claim.id() + " (" + this.kind.kind() + ") at row " + this.progress.read;
	}

}
