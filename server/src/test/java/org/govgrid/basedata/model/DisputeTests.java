package org.govgrid.basedata.model;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class DisputeTests {

	@Test
	void aDisputeIsMediatedAgainAndAgainThenResolved() {
		Dispute dispute = Dispute.registered();
		assertThat(dispute.allowedSteps()).containsExactly(DisputeAction.MEDIATE, DisputeAction.ESCALATE);
		assertThat(dispute.step(DisputeAction.MEDIATE)).isEqualTo(DisputeStatus.MEDIATING);
		assertThat(dispute.step(DisputeAction.MEDIATE)).as("a second session").isEqualTo(DisputeStatus.MEDIATING);
		assertThat(dispute.allowedSteps()).containsExactly(DisputeAction.MEDIATE, DisputeAction.RESOLVE,
				DisputeAction.FAIL, DisputeAction.ESCALATE);
		assertThat(dispute.step(DisputeAction.RESOLVE)).isEqualTo(DisputeStatus.RESOLVED);
		assertThat(dispute.allowedSteps()).isEmpty();
	}

	@Test
	void aFailedMediationCanOnlyBeEscalated() {
		Dispute dispute = Dispute.registered();
		dispute.step(DisputeAction.MEDIATE);
		dispute.step(DisputeAction.FAIL);
		assertThat(dispute.status()).isEqualTo(DisputeStatus.FAILED);
		assertThat(dispute.allowedSteps()).containsExactly(DisputeAction.ESCALATE);
		dispute.checkEditable();
		assertThat(dispute.step(DisputeAction.ESCALATE)).isEqualTo(DisputeStatus.ESCALATED);
	}

	@Test
	void everyIllegalStepIsRefusedAndChangesNothing() {
		Map<DisputeStatus, Set<DisputeAction>> legal = Map.of(DisputeStatus.OPEN,
				EnumSet.of(DisputeAction.MEDIATE, DisputeAction.ESCALATE), DisputeStatus.MEDIATING,
				EnumSet.of(DisputeAction.MEDIATE, DisputeAction.RESOLVE, DisputeAction.FAIL, DisputeAction.ESCALATE),
				DisputeStatus.FAILED, EnumSet.of(DisputeAction.ESCALATE), DisputeStatus.RESOLVED,
				EnumSet.noneOf(DisputeAction.class), DisputeStatus.ESCALATED, EnumSet.noneOf(DisputeAction.class));
		for (DisputeStatus status : DisputeStatus.values()) {
			for (DisputeAction action : DisputeAction.values()) {
				Dispute dispute = Dispute.restore(status);
				if (legal.get(status).contains(action)) {
					dispute.step(action);
					continue;
				}
				IllegalDisputeTransitionException refused = catchThrowableOfType(
						IllegalDisputeTransitionException.class, () -> dispute.step(action));
				assertThat(refused).as(action + " while " + status).isNotNull();
				assertThat(refused.action()).isEqualTo(action);
				assertThat(refused.status()).isEqualTo(status);
				assertThat(dispute.status()).isEqualTo(status);
			}
		}
	}

	@Test
	void closedDisputesAreNoLongerEdited() {
		Dispute.restore(DisputeStatus.OPEN).checkEditable();
		Dispute.restore(DisputeStatus.MEDIATING).checkEditable();
		for (DisputeStatus closed : EnumSet.of(DisputeStatus.RESOLVED, DisputeStatus.ESCALATED)) {
			assertThatThrownBy(() -> Dispute.restore(closed).checkEditable())
				.isInstanceOf(IllegalDisputeTransitionException.class)
				.hasMessageContaining("EDIT");
		}
	}

	@Test
	void onlyResolvingAndFailingSettleTheDispute() {
		assertThat(EnumSet.allOf(DisputeAction.class).stream().filter(Dispute::settles))
			.containsExactly(DisputeAction.RESOLVE, DisputeAction.FAIL);
	}

}
