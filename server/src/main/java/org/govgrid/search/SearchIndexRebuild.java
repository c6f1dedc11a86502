package org.govgrid.search;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import org.hibernate.search.mapper.orm.Search;
import org.hibernate.search.mapper.orm.session.SearchSession;
import org.hibernate.search.mapper.pojo.massindexing.MassIndexingMonitor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Builds the index from the tables at start, in the background, for every type whose
 * index is empty while its table is not (a fresh install, a deleted index directory, a
 * new backend): {@code govgrid.search.rebuild-on-start} is {@code if-empty} (default),
 * {@code always} (after rows were written behind the application's back, e.g. by a bulk
 * COPY) or {@code never}. Progress is logged every {@code govgrid.search.log-every}
 * documents.
 */
@Component
class SearchIndexRebuild {

	private static final Logger log = LoggerFactory.getLogger(SearchIndexRebuild.class);

	private final EntityManagerFactory entityManagerFactory;

	private final String mode;

	private final long logEvery;

	private volatile Thread worker;

	SearchIndexRebuild(EntityManagerFactory entityManagerFactory,
			@Value("${govgrid.search.rebuild-on-start:if-empty}") String mode,
			@Value("${govgrid.search.log-every:10000}") long logEvery) {
		this.entityManagerFactory = entityManagerFactory;
		this.mode = mode;
		this.logEvery = logEvery;
	}

	@EventListener(ApplicationReadyEvent.class)
	void rebuildInBackground() {
		if ("never".equals(this.mode)) {
			return;
		}
		Thread thread = new Thread(this::rebuild, "search-rebuild");
		thread.setDaemon(true);
		this.worker = thread;
		thread.start();
	}

	/** Waits for the start-up rebuild, if one runs (tests, benchmarks). */
	void awaitRebuild() throws InterruptedException {
		Thread thread = this.worker;
		if (thread != null) {
			thread.join();
		}
	}

	private void rebuild() {
		try (EntityManager entityManager = this.entityManagerFactory.createEntityManager()) {
			SearchSession session = Search.session(entityManager);
			List<Class<?>> types = new ArrayList<>();
			for (SearchType type : SearchType.values()) {
				if ("always".equals(this.mode) || (isEmpty(session, type) && hasRows(entityManager, type))) {
					types.add(type.document());
				}
			}
			if (types.isEmpty()) {
				return;
			}
			log.info("Search index: building {} from the database", types.stream().map(Class::getSimpleName).toList());
			long started = System.nanoTime();
			session.massIndexer(types)
				.purgeAllOnStart("always".equals(this.mode))
				.threadsToLoadObjects(2)
				.batchSizeToLoadObjects(500)
				.monitor(new ProgressLog(this.logEvery))
				.startAndWait();
			log.info("Search index: built in {} s", (System.nanoTime() - started) / 1_000_000_000);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		catch (RuntimeException ex) {
			log.error("Search index: building failed; search answers from what is indexed", ex);
		}
	}

	private static boolean isEmpty(SearchSession session, SearchType type) {
		return session.search(type.document()).where(f -> f.matchAll()).fetchTotalHitCount() == 0;
	}

	private static boolean hasRows(EntityManager entityManager, SearchType type) {
		return !entityManager.createQuery("select d.id from " + type.document().getSimpleName() + " d", Long.class)
			.setMaxResults(1)
			.getResultList()
			.isEmpty();
	}

	/** Logs every {@code every} documents written, with the total once known. */
	static final class ProgressLog implements MassIndexingMonitor {

		private final long every;

		private final AtomicLong added = new AtomicLong();

		private final AtomicLong total = new AtomicLong();

		private final long started = System.nanoTime();

		ProgressLog(long every) {
			this.every = Math.max(1, every);
		}

		@Override
		public void documentsAdded(long increment) {
			long before = this.added.getAndAdd(increment);
			long now = before + increment;
			if (now / this.every > before / this.every) {
				double seconds = Math.max(0.001, (System.nanoTime() - this.started) / 1e9);
				log.info("Search index: {} of {} documents ({} per second)", now, this.total.get(),
						Math.round(now / seconds));
			}
		}

		@Override
		public void documentsBuilt(long increment) {
		}

		@Override
		public void entitiesLoaded(long increment) {
		}

		@Override
		public void addToTotalCount(long increment) {
			this.total.addAndGet(increment);
		}

		@Override
		public void indexingCompleted() {
			log.info("Search index: {} documents written", this.added.get());
		}

		long added() {
			return this.added.get();
		}

	}

}
