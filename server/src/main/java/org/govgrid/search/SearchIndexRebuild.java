package org.govgrid.search;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import org.hibernate.search.mapper.orm.Search;
import org.hibernate.search.mapper.orm.session.SearchSession;
import org.hibernate.search.mapper.pojo.massindexing.MassIndexingMonitor;
import org.hibernate.search.mapper.pojo.massindexing.MassIndexingTypeGroupMonitor;
import org.hibernate.search.mapper.pojo.massindexing.MassIndexingTypeGroupMonitorContext;
import org.hibernate.search.mapper.pojo.massindexing.MassIndexingTypeGroupMonitorCreateContext;
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

	private final SearchIndexUpdates updates;

	private final String mode;

	private final long logEvery;

	SearchIndexRebuild(EntityManagerFactory entityManagerFactory, SearchIndexUpdates updates,
			@Value("${govgrid.search.rebuild-on-start:if-empty}") String mode,
			@Value("${govgrid.search.log-every:10000}") long logEvery) {
		this.entityManagerFactory = entityManagerFactory;
		this.updates = updates;
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
		thread.start();
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
			this.updates.recordWrites();
			try {
				session.massIndexer(types)
					.purgeAllOnStart("always".equals(this.mode))
					.threadsToLoadObjects(2)
					.batchSizeToLoadObjects(500)
					.monitor(new ProgressLog(this.logEvery))
					.startAndWait();
			}
			finally {
				// rows changed meanwhile may have been added twice: write each once more,
				// replacing both
				this.updates.recordedWrites()
					.forEach(written -> this.updates.reindex(written.type(), written.id(), false));
			}
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
		public MassIndexingTypeGroupMonitor typeGroupMonitor(MassIndexingTypeGroupMonitorCreateContext context) {
			context.totalCount().ifPresent(this.total::addAndGet);
			return new MassIndexingTypeGroupMonitor() {

				@Override
				public void documentsIndexed(long increment) {
				}

				@Override
				public void indexingStarted(MassIndexingTypeGroupMonitorContext started) {
				}

				@Override
				public void indexingCompleted(MassIndexingTypeGroupMonitorContext completed) {
				}

			};
		}

		@Override
		public void indexingCompleted() {
			log.info("Search index: {} documents written", this.added.get());
		}

	}

}
