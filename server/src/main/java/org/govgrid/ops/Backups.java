package org.govgrid.ops;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import javax.sql.DataSource;

import org.govgrid.audit.AuditRecord;
import org.govgrid.audit.AuditTrail;
import org.govgrid.ops.BackupStore.BackupRow;
import org.govgrid.ops.BackupStore.DrillRow;
import org.govgrid.ops.BackupViews.BackupCommand;
import org.govgrid.ops.BackupViews.BackupView;
import org.govgrid.ops.BackupViews.DrillCommand;
import org.govgrid.ops.BackupViews.DrillView;
import org.govgrid.ops.BackupViews.Started;
import org.govgrid.ops.BackupViews.TableResult;
import org.govgrid.platform.BackupLocation;
import org.govgrid.platform.ConflictException;
import org.govgrid.platform.FieldErrors;
import org.govgrid.platform.GovGridProperties;
import org.govgrid.platform.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Runs backups and restore drills one at a time on a worker thread of its own, and
 * answers what they did. Backups live in {@code <backup dir>/<id>}, drills restore into
 * {@code <backup dir>/drills/<id>} and leave nothing behind.
 */
@Service
class Backups implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(Backups.class);

	static final JsonMapper JSON = JsonMapper.builder().build();

	private static final TypeReference<List<TableResult>> TABLE_RESULTS = new TypeReference<>() {
	};

	private final BackupStore store;

	private final JdbcClient jdbc;

	private final BackupProperties properties;

	private final AuditTrail audit;

	private final Clock clock;

	private final Path root;

	private final WalArchive archive;

	private final BackupTaker taker;

	private final ExecutorService worker = Executors.newSingleThreadExecutor((task) -> {
		Thread thread = new Thread(task, "ops-backup");
		thread.setDaemon(true);
		return thread;
	});

	Backups(BackupStore store, DataSource dataSource, JdbcClient jdbc, BackupProperties properties,
			GovGridProperties platform, AuditTrail audit, Clock clock) {
		this.store = store;
		this.jdbc = jdbc;
		this.properties = properties;
		this.audit = audit;
		this.clock = clock;
		this.root = BackupLocation.root(platform.dataDir(), properties.dir());
		this.archive = new WalArchive(this.root.resolve("wal"));
		this.taker = new BackupTaker(dataSource, this.archive);
	}

	@EventListener(ApplicationReadyEvent.class)
	void failAbandoned() {
		this.store.failAbandoned(this.clock.instant());
	}

	Path root() {
		return this.root;
	}

	WalArchive archive() {
		return this.archive;
	}

	Started start(BackupCommand command) {
		String type = (command == null || command.type() == null) ? "FULL" : command.type();
		if (!type.equals("FULL") && !type.equals("INCREMENTAL")) {
			new FieldErrors().add("type", "must be FULL or INCREMENTAL").throwIfAny();
		}
		long id = begin(type);
		this.audit.record(AuditRecord.success("BACKUP_START", "backup", id, type));
		this.worker.submit(() -> run(id, type));
		return new Started(id, "RUNNING");
	}

	/** A scheduled backup: runs in the caller's thread, so its job lock lasts as long. */
	long runNow(String type) {
		long id = begin(type);
		run(id, type);
		return id;
	}

	private synchronized long begin(String type) {
		if (this.store.anyRunning()) {
			throw new ConflictException("a backup is already running");
		}
		return this.store.insertBackup(type, this.clock.instant());
	}

	private void run(long id, String type) {
		Path folder = this.root.resolve(Long.toString(id));
		Long parentId = null;
		try {
			Manifest manifest;
			if (type.equals("FULL")) {
				manifest = this.taker.full(id, folder);
			}
			else {
				BackupRow parent = this.store.lastDone()
					.orElseThrow(() -> new IOException("no full backup to continue from"));
				parentId = parent.id();
				manifest = this.taker.incremental(id, parent.walTo(), folder);
			}
			String json = JSON.writeValueAsString(manifest);
			Files.writeString(folder.resolve("manifest.json"), json);
			List<String> problems = BackupFiles.problems(folder, manifest);
			boolean verified = problems.isEmpty();
			this.store.finishBackup(id, verified ? "DONE" : "FAILED", this.clock.instant(), manifest, json, parentId,
					verified, verified ? null : "verification failed: " + String.join("; ", problems));
			log.info("Backup {} ({}) {}: {} bytes, WAL {} … {}", id, type, verified ? "done" : "failed verification",
					manifest.sizeBytes(), manifest.walFrom(), manifest.walTo());
		}
		catch (Exception ex) {
			log.warn("Backup {} ({}) failed: {}", id, type, ex.getMessage());
			this.store.finishBackup(id, "FAILED", this.clock.instant(), null, null, parentId, false,
					String.valueOf(ex.getMessage()));
			delete(folder);
		}
	}

	List<BackupView> list() {
		return this.store.backups(200).stream().map((row) -> view(row, List.of())).toList();
	}

	BackupView view(long id) {
		BackupRow row = this.store.backup(id).orElseThrow(() -> new NotFoundException("backup", id));
		return view(row, this.store.drillsOf(id).stream().map(this::drillView).toList());
	}

	/** Reads every file of the backup again against its manifest. */
	BackupView verify(long id) {
		BackupRow row = this.store.backup(id).orElseThrow(() -> new NotFoundException("backup", id));
		if (row.manifest() == null) {
			throw new ConflictException("backup " + id + " has no manifest to verify against");
		}
		List<String> problems = problems(row);
		boolean verified = problems.isEmpty();
		this.store.markVerified(id, verified, verified ? null : "verification failed: " + String.join("; ", problems));
		this.audit.record(AuditRecord.success("BACKUP_VERIFY", "backup", id, verified ? "verified" : "failed"));
		return view(id);
	}

	Started drill(long id, DrillCommand command) {
		Instant until = until(command);
		BackupRow backup = this.store.backup(id).orElseThrow(() -> new NotFoundException("backup", id));
		if (!backup.done()) {
			throw new ConflictException("only a finished, verified backup can be restored");
		}
		long drillId = this.store.insertDrill(id, until, this.clock.instant());
		this.audit.record(AuditRecord.success("BACKUP_DRILL", "backup", id, until == null ? "end" : until.toString()));
		this.worker.submit(() -> runDrill(drillId, backup, until));
		return new Started(drillId, "RUNNING");
	}

	DrillView drillView(long id) {
		return drillView(this.store.drill(id).orElseThrow(() -> new NotFoundException("drill", id)));
	}

	private void runDrill(long drillId, BackupRow backup, Instant until) {
		Path scratch = this.root.resolve("drills").resolve(Long.toString(drillId));
		try {
			List<BackupRow> chain = chain(backup);
			for (BackupRow link : chain) {
				List<String> problems = problems(link);
				if (!problems.isEmpty()) {
					throw new IOException(
							"backup " + link.id() + " failed verification: " + String.join("; ", problems));
				}
			}
			Manifest last = manifest(backup);
			delete(scratch);
			Files.createDirectories(scratch);
			RestoreDrill.prepare(chain.stream().map((link) -> folder(link.id())).toList(), scratch, last.restorePoint(),
					until);
			Map<String, String> actual = new RestoreDrill(binaries(), scratch, this.properties.drillTimeoutSeconds())
				.replayAndSum();
			Map<String, String> expected = (until == null) ? last.tables() : Map.of();
			List<TableResult> tables = new ArrayList<>();
			for (String name : union(expected, actual)) {
				String want = expected.get(name);
				String got = actual.get(name);
				tables.add(new TableResult(name, want, got, until != null || (want != null && want.equals(got))));
			}
			long mismatches = tables.stream().filter((table) -> !table.match()).count();
			this.store.finishDrill(drillId, mismatches == 0 ? "PASSED" : "FAILED", this.clock.instant(),
					JSON.writeValueAsString(tables), mismatches == 0 ? null : mismatches + " tables differ");
			log.info("Restore drill {} of backup {}: {} tables, {} differ", drillId, backup.id(), tables.size(),
					mismatches);
		}
		catch (Exception ex) {
			log.warn("Restore drill {} of backup {} failed: {}", drillId, backup.id(), ex.getMessage());
			this.store.finishDrill(drillId, "FAILED", this.clock.instant(), null, String.valueOf(ex.getMessage()));
		}
		finally {
			delete(scratch);
		}
	}

	/**
	 * The full backup and every incremental after it up to {@code backup}, oldest first.
	 */
	private List<BackupRow> chain(BackupRow backup) throws IOException {
		List<BackupRow> chain = new ArrayList<>();
		BackupRow link = backup;
		while (true) {
			chain.add(0, link);
			if (link.type().equals("FULL")) {
				return chain;
			}
			if (link.parentId() == null) {
				throw new IOException("backup " + link.id() + " has no parent backup");
			}
			long parentId = link.parentId();
			link = this.store.backup(parentId)
				.filter(BackupRow::done)
				.orElseThrow(() -> new IOException("the chain is broken at backup " + parentId));
		}
	}

	private List<String> problems(BackupRow row) {
		try {
			return BackupFiles.problems(folder(row.id()), manifest(row));
		}
		catch (IOException ex) {
			return List.of(String.valueOf(ex.getMessage()));
		}
	}

	private Manifest manifest(BackupRow row) {
		return JSON.readValue(row.manifest(), Manifest.class);
	}

	Path folder(long id) {
		return this.root.resolve(Long.toString(id));
	}

	/**
	 * Where the running server's binaries are (the embedded bundle unpacks them into a
	 * temporary folder): a drill starts its second server from them. The postmaster's pid
	 * heads its {@code postmaster.pid}; a backend's would go with its connection.
	 */
	private Path binaries() throws IOException {
		Path dataDir = Path.of(this.jdbc.sql("select current_setting('data_directory')").query(String.class).single());
		String pid = Files.readAllLines(dataDir.resolve("postmaster.pid")).get(0).strip();
		return Files.readSymbolicLink(Path.of("/proc", pid, "exe")).getParent();
	}

	private static Instant until(DrillCommand command) {
		if (command == null || command.until() == null || command.until().isBlank()) {
			return null;
		}
		try {
			// PostgreSQL keeps microseconds
			return OffsetDateTime.parse(command.until()).toInstant().truncatedTo(ChronoUnit.MICROS);
		}
		catch (DateTimeParseException ex) {
			new FieldErrors().add("until", "must be an ISO date-time with offset, e.g. 2026-12-01T08:00:00+08:00")
				.throwIfAny();
			return null;
		}
	}

	private static TreeSet<String> union(Map<String, String> a, Map<String, String> b) {
		TreeSet<String> names = new TreeSet<>(a.keySet());
		names.addAll(b.keySet());
		return names;
	}

	private BackupView view(BackupRow row, List<DrillView> drills) {
		Manifest manifest = row.manifest() == null ? null : manifest(row);
		return new BackupView(row.id(), row.type(), row.status(), row.startedAt(), row.finishedAt(), row.sizeBytes(),
				row.verified(), row.startLsn(), row.endLsn(), row.walFrom(), row.walTo(), row.parentId(),
				manifest == null ? null : manifest.postgresVersion(), manifest == null ? null : manifest.files().size(),
				row.error(), manifest == null ? null : manifest.markLsn(), manifest == null ? null : manifest.markAt(),
				drills);
	}

	private DrillView drillView(DrillRow row) {
		List<TableResult> tables = row.tables() == null ? List.of() : JSON.readValue(row.tables(), TABLE_RESULTS);
		return new DrillView(row.id(), row.backupId(), row.status(), row.until(), row.startedAt(), row.finishedAt(),
				tables, row.error());
	}

	static void delete(Path folder) {
		try {
			BackupFiles.deleteTree(folder);
		}
		catch (IOException ex) {
			log.warn("Could not delete {}: {}", folder, ex.getMessage());
		}
	}

	@Override
	public void destroy() {
		this.worker.shutdownNow();
	}

}
