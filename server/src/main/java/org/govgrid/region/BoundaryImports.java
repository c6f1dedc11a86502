package org.govgrid.region;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.govgrid.audit.AuditOutcome;
import org.govgrid.audit.AuditRecord;
import org.govgrid.audit.AuditTrail;
import org.govgrid.platform.DataScope;
import org.govgrid.platform.FieldErrors;
import org.govgrid.platform.NotFoundException;
import org.govgrid.platform.ScopedPrincipal;
import org.govgrid.region.BoundaryImportModel.Crs;
import org.govgrid.region.BoundaryImportModel.FeatureError;
import org.govgrid.region.BoundaryImportModel.Options;
import org.govgrid.region.BoundaryImportModel.Planned;
import org.govgrid.region.BoundaryImportModel.SourceFeature;
import org.govgrid.region.BoundaryImportStore.JobView;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Bulk boundary imports (GeoJSON FeatureCollection). The request is checked at once (bad
 * parameters or an unreadable file: 400); the per-feature checks and the write run as a
 * job on a small pool, with progress in its row. A commit is all or nothing in one
 * transaction with its audit row, and the point→grid index is rebuilt once after it. An
 * admin imports only under regions in his scope; a job is seen by whoever's scope covers
 * the region it was imported under.
 */
@Service
class BoundaryImports implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(BoundaryImports.class);

	private final RegionRepository regions;

	private final BoundaryImportStore store;

	private final AuditTrail audit;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate transactions;

	private final ThreadPoolExecutor pool;

	BoundaryImports(RegionRepository regions, BoundaryImportStore store, AuditTrail audit,
			ApplicationEventPublisher events, TransactionTemplate transactions) {
		this.regions = regions;
		this.store = store;
		this.audit = audit;
		this.events = events;
		this.transactions = transactions;
		AtomicInteger count = new AtomicInteger();
		this.pool = new ThreadPoolExecutor(1, 1, 1, TimeUnit.MINUTES, new ArrayBlockingQueue<>(8), task -> {
			Thread thread = new Thread(task, "boundary-import-" + count.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		});
		this.pool.allowCoreThreadTimeOut(true);
	}

	/** The raw request, before any check. */
	record Request(byte[] content, String fileName, String dryRun, String codeField, String nameField,
			String parentCodeField, String crs, Long regionId) {
	}

	/** Checks the request, opens the job and hands it to the pool; returns its id. */
	long start(Request request, ScopedPrincipal caller) {
		Region root = root(request.regionId(), caller.scope());
		FieldErrors errors = new FieldErrors();
		Options options = options(request, errors);
		List<SourceFeature> features = null;
		if (request.content() == null || request.content().length == 0) {
			errors.add("file", "required: a GeoJSON FeatureCollection / 请上传 GeoJSON 文件");
		}
		else if (isZip(request.content())) {
			// ADR 0014: Shapefiles are converted in the browser, not read here
			throw new ShapefileNotAccepted();
		}
		else if (options != null) {
			features = GeoJsonFeatures.read(request.content(), options, errors);
		}
		errors.throwIfAny();
		String rootPath = root == null ? caller.scope().path() : root.getPath();
		DataScope area = root == null ? caller.scope() : new DataScope(root.getId(), root.getPath());
		long id = this.store.open(options, rootPath, request.fileName(), caller.userId());
		this.store.total(id, features.size());
		List<SourceFeature> toCheck = features;
		AuditRecord.Actor actor = new AuditRecord.Actor(caller.userId(), caller.username());
		try {
			this.pool.execute(() -> run(id, toCheck, options, area, actor));
		}
		catch (java.util.concurrent.RejectedExecutionException ex) {
			this.store.finish(id, "FAILED", 0, List.of(), 0, "too many imports at once, try again / 导入任务过多，请稍后再试");
		}
		return id;
	}

	JobView find(long id, DataScope scope) {
		return this.store.find(id, scope).orElseThrow(() -> new NotFoundException("region import", id));
	}

	private void run(long id, List<SourceFeature> features, Options options, DataScope area, AuditRecord.Actor actor) {
		long started = System.nanoTime();
		try {
			BoundaryCheck.Result result = new BoundaryCheck(features, area, this.store).run(options.crs(),
					processed -> this.store.progress(id, processed));
			List<FeatureError> errors = result.errors();
			int valid = features.size() - (int) errors.stream().mapToInt(FeatureError::index).distinct().count();
			int committed = 0;
			if (!options.dryRun() && errors.isEmpty()) {
				committed = commit(id, result.planned(), area, actor);
			}
			this.store.finish(id, "DONE", valid, errors, committed, null);
			log.info("Boundary import {}: {} features, {} errors, {} written in {} ms", id, features.size(),
					errors.size(), committed, (System.nanoTime() - started) / 1_000_000);
		}
		catch (DataIntegrityViolationException ex) {
			this.store.finish(id, "FAILED", 0, List.of(), 0,
					"a code or path was taken meanwhile; run the import again / 编码已被占用，请重新导入");
		}
		catch (RuntimeException ex) {
			log.warn("Boundary import {} failed: {}", id, ex.getClass().getName());
			this.store.finish(id, "FAILED", 0, List.of(), 0, "stopped by an unexpected error / 导入因意外错误中止");
			this.audit.record(AuditRecord.success("REGION_IMPORT", "region_import", id, "failed")
				.by(actor.userId(), actor.username())
				.withOutcome(AuditOutcome.FAILURE));
		}
	}

	private int commit(long id, List<Planned> planned, DataScope area, AuditRecord.Actor actor) {
		return this.transactions.execute(status -> {
			this.store.insert(planned);
			long grids = planned.stream().filter(p -> p.level() == RegionLevel.GRID).count();
			this.audit
				.record(AuditRecord
					.success("REGION_IMPORT", "region_import", id,
							planned.size() + " regions (" + grids + " grids) under "
									+ (area.path().isEmpty() ? "/" : area.path()))
					.by(actor.userId(), actor.username()));
			// one rebuild of the point→grid index, after the commit
			this.events.publishEvent(new GridLocator.BoundaryChanged(area.regionId()));
			return planned.size();
		});
	}

	private Region root(Long regionId, DataScope scope) {
		if (regionId == null) {
			return scope.path().isEmpty() ? null : this.regions.findById(scope.regionId()).orElse(null);
		}
		return this.regions.findById(regionId)
			.filter(r -> scope.covers(r.getPath()))
			.orElseThrow(() -> new NotFoundException("region", regionId));
	}

	private static Options options(Request request, FieldErrors errors) {
		Boolean dryRun = switch (request.dryRun() == null ? "" : request.dryRun().trim().toLowerCase(Locale.ROOT)) {
			case "", "false" -> false;
			case "true" -> true;
			default -> null;
		};
		if (dryRun == null) {
			errors.add("dryRun", "true or false / 须为 true 或 false");
		}
		String code = field(request.codeField(), "code", "codeField", errors);
		String name = field(request.nameField(), "name", "nameField", errors);
		String parent = field(request.parentCodeField(), "parentCode", "parentCodeField", errors);
		Crs crs = Crs.parse(request.crs());
		if (crs == null) {
			errors.add("crs", "WGS84, CGCS2000 or GCJ02 / 坐标系须为 WGS84、CGCS2000 或 GCJ02");
		}
		return errors.isEmpty() ? new Options(dryRun, code, name, parent, crs) : null;
	}

	private static String field(String value, String fallback, String param, FieldErrors errors) {
		if (value == null || value.isBlank()) {
			return fallback;
		}
		if (value.trim().length() > 64) {
			errors.add(param, "at most 64 characters / 属性名最多 64 个字符");
		}
		return value.trim();
	}

	private static boolean isZip(byte[] content) {
		return content.length >= 4 && content[0] == 'P' && content[1] == 'K' && content[2] == 3 && content[3] == 4;
	}

	@Override
	public void destroy() throws InterruptedException {
		this.pool.shutdownNow();
		this.pool.awaitTermination(10, TimeUnit.SECONDS);
	}

	/** A zipped Shapefile posted directly: 415, see ADR 0014. */
	static final class ShapefileNotAccepted extends RuntimeException {

		ShapefileNotAccepted() {
			super("zipped Shapefile posted directly");
		}

	}

}
