package org.govgrid.audit;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AuditChainTests {

	private final AuditRow row = new AuditRow(7, Instant.parse("2026-11-24T08:00:00.123456Z"), 3L, "worker1",
			"127.0.0.1", "LOGIN", "user", "3", "SUCCESS", null, null, null, null);

	@Test
	void hashDependsOnEveryColumnAndThePreviousHash() {
		String base = AuditChain.hash(AuditChain.GENESIS, 1, this.row);
		assertThat(base).hasSize(64).isEqualTo(AuditChain.hash(AuditChain.GENESIS, 1, this.row));
		assertThat(AuditChain.hash("1".repeat(64), 1, this.row)).isNotEqualTo(base);
		assertThat(AuditChain.hash(AuditChain.GENESIS, 2, this.row)).isNotEqualTo(base);
		AuditRow changed = new AuditRow(7, this.row.occurredAt(), 3L, "worker1", "127.0.0.1", "LOGIN", "user", "3",
				"FAILURE", null, null, null, null);
		assertThat(AuditChain.hash(AuditChain.GENESIS, 1, changed)).isNotEqualTo(base);
	}

	@Test
	void nullAndEmptyAreDifferent() {
		AuditRow empty = new AuditRow(7, this.row.occurredAt(), 3L, "worker1", "127.0.0.1", "LOGIN", "user", "3",
				"SUCCESS", "", null, null, null);
		assertThat(AuditChain.hash(AuditChain.GENESIS, 1, empty))
			.isNotEqualTo(AuditChain.hash(AuditChain.GENESIS, 1, this.row));
	}

}
