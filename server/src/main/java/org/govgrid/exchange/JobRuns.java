package org.govgrid.exchange;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.govgrid.platform.IdentifierProtection;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The runner's side of the job table. A node claims a job by naming itself its runner and
 * keeps a heartbeat while it works; a job whose heartbeat has gone stale (its node was
 * stopped) can be claimed again, and a claim starts the job from scratch — rows are
 * upserts by natural key, so running them twice is safe.
 */
@Component
class JobRuns {

	private final NamedParameterJdbcTemplate jdbc;

	private final IdentifierProtection protection;

	JobRuns(NamedParameterJdbcTemplate jdbc, IdentifierProtection protection) {
		this.jdbc = jdbc;
		this.protection = protection;
	}

	/** A claimed job: what to import, as whom, from which (still sealed) file. */
	record Claim(long id, String kind, SheetFile.Format format, Submitter submitter, String contentKey,
			byte[] contentCipher, boolean dryRun) {
	}

	/** Counters of a run, written with each heartbeat. */
	static final class Progress {

		int read;

		int ok;

		int failed;

		int created;

		int updated;

	}

	/** Queued jobs and running ones whose node has stopped beating, oldest first. */
	List<Long> runnable(Duration staleAfter) {
		return this.jdbc.queryForList("""
				select id from import_job
				where status = 'QUEUED' or (status = 'RUNNING' and heartbeat_at < now() - make_interval(secs => :stale))
				order by id limit 100""", new MapSqlParameterSource("stale", staleAfter.toSeconds()), Long.class);
	}

	@Transactional
	Optional<Claim> claim(long id, String runner, Duration staleAfter) {
		MapSqlParameterSource params = new MapSqlParameterSource("id", id).addValue("runner", runner)
			.addValue("stale", staleAfter.toSeconds());
		Optional<Claim> claim = this.jdbc
			.query("""
					update import_job set status = 'RUNNING', runner = :runner, heartbeat_at = now(), started_at = now(),
					    finished_at = null, rows_read = 0, rows_ok = 0, rows_failed = 0, created = 0, updated = 0,
					    message = null
					where id = :id and content_cipher is not null
					  and (status = 'QUEUED' or (status = 'RUNNING' and heartbeat_at < now() - make_interval(secs => :stale)))
					returning id, kind, format, principal, content_key, content_cipher, dry_run""",
					params,
					(rs, n) -> new Claim(rs.getLong("id"), rs.getString("kind"),
							SheetFile.Format.valueOf(rs.getString("format")),
							ImportJobs.JSON.readValue(rs.getString("principal"), Submitter.class),
							rs.getString("content_key"), rs.getBytes("content_cipher"), rs.getBoolean("dry_run")))
			.stream()
			.findFirst();
		if (claim.isPresent()) {
			this.jdbc.update("delete from import_error where job_id = :id", params);
			this.jdbc.update("delete from import_bad_row where job_id = :id", params);
		}
		return claim;
	}

	/** Writes the counters and beats; false when another node has taken the job over. */
	boolean beat(long id, String runner, Progress progress) {
		return this.jdbc.update("""
				update import_job set rows_read = :read, rows_ok = :ok, rows_failed = :failed, created = :created,
				    updated = :updated, heartbeat_at = now()
				where id = :id and runner = :runner and status = 'RUNNING'""", counters(id, runner, progress)) == 1;
	}

	/**
	 * Keeps a refused row: its values sealed (they hold identifiers) and one error per
	 * bad column. False when the job is no longer this runner's.
	 */
	@Transactional
	boolean reject(long id, String runner, List<String> values, List<RowError> errors) {
		MapSqlParameterSource params = new MapSqlParameterSource("id", id).addValue("runner", runner)
			.addValue("row", errors.get(0).row());
		if (this.jdbc.update("update import_job set heartbeat_at = now() where id = :id and runner = :runner"
				+ " and status = 'RUNNING'", params) != 1) {
			return false;
		}
		IdentifierProtection.Sealed sealed = this.protection.seal(ImportJobs.JSON.writeValueAsString(values));
		this.jdbc.update("""
				insert into import_bad_row (job_id, row_no, cells_key, cells_cipher) values (:id, :row, :key, :cipher)
				on conflict do nothing""",
				params.addValue("key", sealed.keyId()).addValue("cipher", sealed.cipherText()));
		for (RowError error : errors) {
			this.jdbc.update(
					"insert into import_error (job_id, row_no, column_name, reason)"
							+ " values (:id, :row, :column, :reason)",
					new MapSqlParameterSource("id", id).addValue("row", error.row())
						.addValue("column", truncate(error.column(), 100))
						.addValue("reason", truncate(error.reason(), 500)));
		}
		return true;
	}

	/** Ends the run and drops the uploaded file: it is not needed any more. */
	boolean finish(long id, String runner, Progress progress, String status, String message) {
		return this.jdbc.update("""
				update import_job set rows_read = :read, rows_ok = :ok, rows_failed = :failed, created = :created,
				    updated = :updated, status = :status, message = :message, finished_at = now(), heartbeat_at = now(),
				    content_key = null, content_cipher = null
				where id = :id and runner = :runner and status = 'RUNNING'""",
				counters(id, runner, progress).addValue("status", status)
					.addValue("message", truncate(message, 500))) == 1;
	}

	private static MapSqlParameterSource counters(long id, String runner, Progress progress) {
		return new MapSqlParameterSource("id", id).addValue("runner", runner)
			.addValue("read", progress.read)
			.addValue("ok", progress.ok)
			.addValue("failed", progress.failed)
			.addValue("created", progress.created)
			.addValue("updated", progress.updated);
	}

	private static String truncate(String value, int max) {
		return value == null || value.length() <= max ? value : value.substring(0, max);
	}

}
