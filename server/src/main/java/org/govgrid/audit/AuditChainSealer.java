package org.govgrid.audit;

import java.util.ArrayList;
import java.util.List;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Seals unsealed audit rows into the hash chain, oldest id first. One step at a time
 * across all nodes (an advisory lock inside the transaction, ShedLock around the
 * schedule); a row committed late simply takes the next chain position.
 */
@Component
class AuditChainSealer {

	private static final long SEAL_LOCK = 0x6A0D17L;

	private static final int BATCH = 1000;

	private final JdbcTemplate jdbc;

	AuditChainSealer(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	@Scheduled(fixedDelayString = "${govgrid.audit.seal-interval:1s}")
	@SchedulerLock(name = "audit-chain-seal", lockAtMostFor = "PT1M")
	public void sealOnSchedule() {
		sealPending();
	}

	/** Seals everything pending; returns how many rows were sealed. */
	@Transactional
	public int sealPending() {
		Boolean locked = this.jdbc.queryForObject("select pg_try_advisory_xact_lock(?)", Boolean.class, SEAL_LOCK);
		if (!Boolean.TRUE.equals(locked)) {
			return 0;
		}
		int total = 0;
		int sealed;
		do {
			sealed = sealBatch();
			total += sealed;
		}
		while (sealed == BATCH);
		return total;
	}

	private int sealBatch() {
		List<AuditRow> pending = this.jdbc.query(
				"select " + AuditRow.COLUMNS + " from audit_log where hash is null order by id limit " + BATCH,
				AuditRow::map);
		if (pending.isEmpty()) {
			return 0;
		}
		List<AuditRow> last = this.jdbc.query(
				"select " + AuditRow.COLUMNS + " from audit_log where seq is not null order by seq desc limit 1",
				AuditRow::map);
		long seq = last.isEmpty() ? 0 : last.get(0).seq();
		String prev = last.isEmpty() ? AuditChain.GENESIS : last.get(0).hash();
		List<Object[]> updates = new ArrayList<>(pending.size());
		for (AuditRow row : pending) {
			seq++;
			String hash = AuditChain.hash(prev, seq, row);
			updates.add(new Object[] { seq, prev, hash, row.id() });
			prev = hash;
		}
		this.jdbc.batchUpdate("update audit_log set seq = ?, prev_hash = ?, hash = ? where id = ? and hash is null",
				updates);
		return pending.size();
	}

}
