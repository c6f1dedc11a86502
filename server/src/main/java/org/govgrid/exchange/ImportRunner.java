package org.govgrid.exchange;

import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.govgrid.audit.AuditRecord;
import org.govgrid.audit.AuditTrail;
import org.govgrid.platform.IdentifierProtection;
import org.govgrid.platform.InvalidInputException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs import jobs on a small pool of its own, as the user who submitted each. A job is
 * handed over when it is submitted; a poll picks up what the pool had no room for and
 * jobs whose node stopped mid-way (after a restart, or on another node), which are run
 * again from the start.
 */
@Component
class ImportRunner implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(ImportRunner.class);

	private final String node = "node-" + UUID.randomUUID();

	private final JobRuns runs;

	private final SheetKinds kinds;

	private final CellValues values;

	private final IdentifierProtection protection;

	private final AuditTrail audit;

	private final Duration staleAfter;

	private final ThreadPoolExecutor pool;

	private final TransactionTemplate dryRuns;

	/** Jobs handed to this node's pool and not yet done. */
	private final Set<Long> inFlight = ConcurrentHashMap.newKeySet();

	ImportRunner(JobRuns runs, SheetKinds kinds, CellValues values, IdentifierProtection protection, AuditTrail audit,
			PlatformTransactionManager transactions, @Value("${govgrid.exchange.threads:2}") int threads,
			@Value("${govgrid.exchange.stale-after:2m}") Duration staleAfter) {
		this.runs = runs;
		this.kinds = kinds;
		this.values = values;
		this.protection = protection;
		this.audit = audit;
		this.staleAfter = staleAfter;
		this.dryRuns = new TransactionTemplate(transactions);
		AtomicInteger count = new AtomicInteger();
		this.pool = new ThreadPoolExecutor(threads, threads, 1, TimeUnit.MINUTES, new ArrayBlockingQueue<>(20),
				task -> {
					Thread thread = new Thread(task, "import-" + count.incrementAndGet());
					thread.setDaemon(true);
					return thread;
				});
		this.pool.allowCoreThreadTimeOut(true);
	}

	/** Runs the job soon; when the pool is full it stays queued for the next poll. */
	void dispatch(long id) {
		if (!this.inFlight.add(id)) {
			return;
		}
		try {
			this.pool.execute(() -> run(id));
		}
		catch (RejectedExecutionException ex) {
			this.inFlight.remove(id);
		}
	}

	@Scheduled(fixedDelayString = "${govgrid.exchange.poll-interval:15s}", initialDelayString = "5s")
	void pickUp() {
		this.runs.runnable(this.staleAfter).forEach(this::dispatch);
	}

	private void run(long id) {
		try {
			this.runs.claim(id, this.node, this.staleAfter).ifPresent(this::run);
		}
		catch (RuntimeException ex) {
			log.warn("Import job {} stopped: {}", id, ex.getClass().getName());
		}
		finally {
			this.inFlight.remove(id);
		}
	}

	private void run(JobRuns.Claim claim) {
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(claim.submitter().authentication());
		SecurityContextHolder.setContext(context);
		ImportRun run = null;
		try {
			SheetKind kind = this.kinds.find(claim.kind()).orElseThrow();
			run = new ImportRun(claim, kind, this.runs, this.values, this.node, this.dryRuns);
			long started = System.nanoTime();
			if (!run.run(this.protection.openBytes(claim.contentKey(), claim.contentCipher()))) {
				log.info("Import job {} left at row {} for another run", claim.id(), run.progress().read);
				return;
			}
			JobRuns.Progress p = run.progress();
			if (this.runs.finish(claim.id(), this.node, p, "DONE", null)) {
				this.audit.record(AuditRecord.success("BASEDATA_IMPORT", "import", claim.id(),
						"%s rows=%d ok=%d failed=%d created=%d updated=%d%s".formatted(kind.kind(), p.read, p.ok,
								p.failed, p.created, p.updated, claim.dryRun() ? " dry-run" : "")));
				log.info("Import job {} done: {} rows in {} ms", claim.id(), p.read,
						(System.nanoTime() - started) / 1_000_000);
			}
		}
		catch (InvalidInputException | IllegalStateException ex) {
			fail(claim, run, "the file could not be read / 文件无法读取");
		}
		catch (RuntimeException ex) {
			if (this.pool.isShutdown()) {
				// stopping: the job stays RUNNING and is run again elsewhere or after the
				// restart
				return;
			}
			log.warn("Import job {} failed at row {}: {}", claim.id(), run == null ? 0 : run.progress().read,
					ex.getClass().getName());
			fail(claim, run, "stopped by an unexpected error / 导入因意外错误中止");
		}
		finally {
			SecurityContextHolder.clearContext();
		}
	}

	private void fail(JobRuns.Claim claim, ImportRun run, String message) {
		JobRuns.Progress progress = run == null ? new JobRuns.Progress() : run.progress();
		if (this.runs.finish(claim.id(), this.node, progress, "FAILED", message)) {
			this.audit.record(AuditRecord.success("BASEDATA_IMPORT", "import", claim.id(), claim.kind() + " failed")
				.withOutcome(org.govgrid.audit.AuditOutcome.FAILURE));
		}
	}

	@Override
	public void destroy() throws InterruptedException {
		// unfinished jobs stay RUNNING; their heartbeat goes stale and a node runs them
		// again
		this.pool.shutdownNow();
		this.pool.awaitTermination(10, TimeUnit.SECONDS);
	}

}
