package org.govgrid.audit;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Walks the sealed chain in order and reports the first row whose link or content is
 * broken.
 */
@Component
class AuditChainVerifier {

	private final JdbcTemplate jdbc;

	private final AuditChainSealer sealer;

	private final TransactionTemplate readOnly;

	AuditChainVerifier(DataSource dataSource, PlatformTransactionManager transactions, AuditChainSealer sealer) {
		// its own template: a fetch size streams the chain (PostgreSQL needs a
		// transaction for that)
		this.jdbc = new JdbcTemplate(dataSource);
		this.jdbc.setFetchSize(2000);
		this.readOnly = new TransactionTemplate(transactions);
		this.readOnly.setReadOnly(true);
		this.sealer = sealer;
	}

	VerifyResult verify() {
		this.sealer.sealPending();
		Walk walk = new Walk();
		this.readOnly.executeWithoutResult(status -> this.jdbc.query(
				"select " + AuditRow.COLUMNS + " from audit_log where seq is not null order by seq",
				(RowCallbackHandler) rs -> walk.accept(AuditRow.map(rs, 0))));
		Long unsealed = this.jdbc.queryForObject("select count(*) from audit_log where hash is null", Long.class);
		long pending = unsealed == null ? 0 : unsealed;
		if (walk.brokenId != null) {
			return new VerifyResult(false, walk.checked, pending, walk.brokenId,
					"Chain broken at audit row " + walk.brokenId + " / 审计链在第 " + walk.brokenId + " 条记录处断裂");
		}
		return new VerifyResult(true, walk.checked, pending, null,
				"Chain intact over " + walk.checked + " rows / 审计链完整，共校验 " + walk.checked + " 条");
	}

	record VerifyResult(boolean intact, long checked, long unsealed, Long firstBrokenId, String message) {
	}

	private static final class Walk {

		String prev = AuditChain.GENESIS;

		long expectedSeq = 1;

		long checked;

		Long brokenId;

		void accept(AuditRow row) {
			if (this.brokenId != null) {
				return;
			}
			this.checked++;
			boolean linked = row.seq() == this.expectedSeq && this.prev.equals(row.prevHash());
			if (!linked || !AuditChain.hash(this.prev, row.seq(), row).equals(row.hash())) {
				this.brokenId = row.id();
				return;
			}
			this.prev = row.hash();
			this.expectedSeq++;
		}

	}

}
