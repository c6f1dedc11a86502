package org.govgrid.supervision.model;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every legal and illegal step of a supervision item. */
class SupervisionItemTests {

	private static final Instant NOW = Instant.parse("2026-12-01T02:00:00Z");

	private static final Instant DEADLINE = NOW.plus(Duration.ofDays(3));

	@Test
	void aNewItemIsOpenAndNeedsADeadlineAhead() {
		SupervisionItem item = SupervisionItem.open(DEADLINE, NOW);
		assertThat(item.state()).isEqualTo(SupervisionState.OPEN);
		assertThat(item.possibleActions()).containsExactly("respond", "remind", "close");
		assertThat(item.overdue(NOW)).isFalse();
		assertThatIllegalArgumentException().isThrownBy(() -> SupervisionItem.open(NOW, NOW));
	}

	@Test
	void theUnitAnswersOnceOrMoreAndTheFirstAnswerCounts() {
		SupervisionItem item = SupervisionItem.open(DEADLINE, NOW);
		item.respond(NOW.plusSeconds(60));
		assertThat(item.state()).isEqualTo(SupervisionState.ANSWERED);
		item.respond(NOW.plusSeconds(120));
		assertThat(item.state()).isEqualTo(SupervisionState.ANSWERED);
		assertThat(item.answeredAt()).isEqualTo(NOW.plusSeconds(60));
	}

	@Test
	void remindersChangeNothingUntilClosed() {
		SupervisionItem item = SupervisionItem.open(DEADLINE, NOW);
		item.remind();
		assertThat(item.state()).isEqualTo(SupervisionState.OPEN);
		item.respond(NOW);
		item.remind();
		assertThat(item.state()).isEqualTo(SupervisionState.ANSWERED);
	}

	@Test
	void anOpenOrAnsweredItemCanBeClosed() {
		SupervisionItem open = SupervisionItem.open(DEADLINE, NOW);
		open.close(NOW.plusSeconds(10));
		assertThat(open.state()).isEqualTo(SupervisionState.CLOSED);
		assertThat(open.closedAt()).isEqualTo(NOW.plusSeconds(10));
		SupervisionItem answered = SupervisionItem.open(DEADLINE, NOW);
		answered.respond(NOW);
		answered.close(NOW);
		assertThat(answered.state()).isEqualTo(SupervisionState.CLOSED);
		assertThat(answered.possibleActions()).isEmpty();
	}

	@Test
	void nothingHappensToAClosedItem() {
		SupervisionItem item = SupervisionItem.open(DEADLINE, NOW);
		item.close(NOW);
		assertThatThrownBy(() -> item.respond(NOW)).isInstanceOf(IllegalSupervisionTransitionException.class)
			.hasMessageContaining("respond");
		assertThatThrownBy(item::remind).isInstanceOf(IllegalSupervisionTransitionException.class);
		assertThatThrownBy(() -> item.close(NOW)).isInstanceOf(IllegalSupervisionTransitionException.class);
		assertThatThrownBy(() -> item.markOverdue(DEADLINE.plusSeconds(1)))
			.isInstanceOf(IllegalSupervisionTransitionException.class);
		assertThat(item.dueForOverdueNotice(DEADLINE.plusSeconds(1))).isFalse();
	}

	@Test
	void anItemPastItsDeadlineIsMarkedOverdueOnce() {
		SupervisionItem item = SupervisionItem.open(DEADLINE, NOW);
		assertThat(item.dueForOverdueNotice(DEADLINE)).isFalse();
		assertThatThrownBy(() -> item.markOverdue(DEADLINE)).isInstanceOf(IllegalSupervisionTransitionException.class)
			.hasMessageContaining("not passed");
		Instant late = DEADLINE.plusSeconds(1);
		assertThat(item.dueForOverdueNotice(late)).isTrue();
		item.markOverdue(late);
		assertThat(item.overdueAt()).isEqualTo(late);
		assertThat(item.dueForOverdueNotice(late.plusSeconds(60))).isFalse();
		assertThatThrownBy(() -> item.markOverdue(late.plusSeconds(60)))
			.isInstanceOf(IllegalSupervisionTransitionException.class)
			.hasMessageContaining("already");
		assertThat(item.overdue(late)).isTrue();
	}

	@Test
	void anAnsweredItemPastItsDeadlineIsOverdueToo() {
		SupervisionItem item = SupervisionItem.open(DEADLINE, NOW);
		item.respond(NOW);
		assertThat(item.dueForOverdueNotice(DEADLINE.plusSeconds(1))).isTrue();
	}

	@Test
	void closingLateStaysOverdueClosingInTimeDoesNot() {
		SupervisionItem late = SupervisionItem.open(DEADLINE, NOW);
		late.close(DEADLINE.plusSeconds(5));
		assertThat(late.overdue(DEADLINE.plus(Duration.ofDays(9)))).isTrue();
		SupervisionItem inTime = SupervisionItem.open(DEADLINE, NOW);
		inTime.close(DEADLINE);
		assertThat(inTime.overdue(DEADLINE.plus(Duration.ofDays(9)))).isFalse();
	}

	@Test
	void restoredItemsKeepTheirState() {
		SupervisionItem item = SupervisionItem.restore(SupervisionState.ANSWERED, DEADLINE, NOW, null, null);
		assertThat(item.state()).isEqualTo(SupervisionState.ANSWERED);
		item.close(NOW);
		assertThat(item.state()).isEqualTo(SupervisionState.CLOSED);
	}

}
