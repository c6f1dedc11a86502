package org.govgrid.hotline.model;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HotlineOrderTests {

	private static final Instant NOW = Instant.parse("2026-10-08T02:00:00Z");

	private static final WorkingDays WEEKDAYS = new WorkingDays(Map.of(LocalDate.of(2026, 10, 10), true));

	@Test
	void repliedThenVisitedSatisfiedEndsTheOrder() {
		HotlineOrder order = HotlineOrder.open(LocalDate.of(2026, 10, 13));
		assertThatThrownBy(() -> order.returnVisit(Satisfaction.SATISFIED, null, NOW))
			.isInstanceOf(IllegalMoveException.class);
		order.reply("路灯已修复", NOW);
		assertThat(order.status()).isEqualTo(OrderStatus.REPLIED);
		assertThatThrownBy(() -> order.reply("again", NOW)).isInstanceOf(IllegalMoveException.class);
		order.returnVisit(Satisfaction.BASICALLY, "ok", NOW);
		assertThat(order.status()).isEqualTo(OrderStatus.RETURN_VISITED);
		assertThatThrownBy(() -> order.returnVisit(Satisfaction.SATISFIED, null, NOW))
			.isInstanceOf(IllegalMoveException.class);
		assertThatThrownBy(order::requireInWork).isInstanceOf(IllegalMoveException.class);
	}

	@Test
	void anUnsatisfiedCallerReopensTheOrderWhichIsRepliedAgain() {
		HotlineOrder order = HotlineOrder.open(LocalDate.of(2026, 10, 13));
		order.reply("已处理", NOW);
		order.returnVisit(Satisfaction.UNSATISFIED, "still dark", NOW);
		assertThat(order.status()).isEqualTo(OrderStatus.REOPENED);
		assertThat(order.state().reopenCount()).isEqualTo(1);
		order.reply("换了灯杆", NOW.plusSeconds(3600));
		assertThat(order.status()).isEqualTo(OrderStatus.REPLIED);
		assertThat(order.reply()).isEqualTo("换了灯杆");
	}

	@Test
	void anApprovedExtensionMovesTheDeadlineByWorkingDaysOnce() {
		HotlineOrder order = HotlineOrder.open(LocalDate.of(2026, 10, 9));
		Extension extension = Extension.request(2);
		extension.approve(order, WEEKDAYS, 7, null, NOW);
		// Fri 9 Oct + 2 working days: Sat 10 (调休), Mon 12
		assertThat(order.deadline()).isEqualTo(LocalDate.of(2026, 10, 12));
		assertThat(extension.status()).isEqualTo(Extension.Status.APPROVED);
		assertThatThrownBy(() -> extension.refuse(7, "no", NOW)).isInstanceOf(IllegalMoveException.class);
		assertThatThrownBy(() -> extension.approve(order, WEEKDAYS, 7, null, NOW))
			.isInstanceOf(IllegalMoveException.class);
		assertThat(order.deadline()).isEqualTo(LocalDate.of(2026, 10, 12));
	}

	@Test
	void aRefusedExtensionLeavesTheDeadlineAndNothingExtendsARepliedOrder() {
		HotlineOrder order = HotlineOrder.open(LocalDate.of(2026, 10, 9));
		Extension refused = Extension.request(3);
		refused.refuse(7, "not needed", NOW);
		assertThat(refused.status()).isEqualTo(Extension.Status.REFUSED);
		assertThat(order.deadline()).isEqualTo(LocalDate.of(2026, 10, 9));
		order.reply("done", NOW);
		Extension late = Extension.request(1);
		assertThatThrownBy(() -> late.approve(order, WEEKDAYS, 7, null, NOW)).isInstanceOf(IllegalMoveException.class);
		assertThat(late.status()).as("nothing changed").isEqualTo(Extension.Status.PENDING);
		assertThatThrownBy(() -> Extension.request(31)).isInstanceOf(IllegalArgumentException.class);
	}

}
