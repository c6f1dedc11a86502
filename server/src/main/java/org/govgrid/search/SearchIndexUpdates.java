package org.govgrid.search;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.persistence.EntityManager;
import org.govgrid.basedata.BaseDataChanged;
import org.govgrid.event.EventChanged;
import org.hibernate.search.mapper.orm.Search;
import org.hibernate.search.mapper.orm.session.SearchSession;
import org.hibernate.search.mapper.pojo.work.IndexingPlanSynchronizationStrategy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps the index in step with the tables, which their modules write with JDBC: after the
 * writing transaction commits, the row is read again in a transaction of its own and its
 * document replaced (or purged when the row is gone), and the change is searchable before
 * the writer's response leaves. A failure here never fails the write that caused it; the
 * document stays stale until the row changes again or the index is rebuilt.
 */
@Component
class SearchIndexUpdates {

	private static final Logger log = LoggerFactory.getLogger(SearchIndexUpdates.class);

	private final EntityManager entityManager;

	private final TransactionTemplate transactions;

	/**
	 * Documents written while a rebuild runs: the rebuild adds without looking for an
	 * existing document, so each of these is written again once it is done.
	 */
	private volatile Set<Touched> touched;

	record Touched(Class<? extends ScopedDocument> type, long id) {
	}

	SearchIndexUpdates(EntityManager entityManager, PlatformTransactionManager transactionManager) {
		this.entityManager = entityManager;
		this.transactions = new TransactionTemplate(transactionManager);
		this.transactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
	void onBaseDataChanged(BaseDataChanged change) {
		SearchType.following(change.kind()).ifPresent(type -> reindex(type.document(), change.id(), change.removed()));
	}

	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
	void onEventChanged(EventChanged change) {
		reindex(EventDocument.class, change.eventId(), false);
	}

	/** From now on, remember what is written (a rebuild starts). */
	void recordWrites() {
		this.touched = ConcurrentHashMap.newKeySet();
	}

	/** What was written since {@link #recordWrites()}; stops remembering. */
	Set<Touched> recordedWrites() {
		Set<Touched> written = this.touched;
		this.touched = null;
		return written == null ? Set.of() : written;
	}

	void reindex(Class<? extends ScopedDocument> type, long id, boolean removed) {
		Set<Touched> recording = this.touched;
		if (recording != null) {
			recording.add(new Touched(type, id));
		}
		try {
			this.transactions.executeWithoutResult(status -> {
				SearchSession session = Search.session(this.entityManager);
				// searchable when this returns; Lucene commits to disk in the background
				session.indexingPlanSynchronizationStrategy(IndexingPlanSynchronizationStrategy.readSync());
				Object document = removed ? null : this.entityManager.find(type, id);
				if (document == null) {
					session.indexingPlan().purge(type, id, null);
				}
				else {
					session.indexingPlan().addOrUpdate(document);
				}
				session.indexingPlan().execute();
			});
		}
		catch (RuntimeException ex) {
			log.warn("Search index not updated for {} {}: {}", type.getSimpleName(), id, ex.toString());
		}
	}

}
