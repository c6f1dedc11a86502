package org.govgrid.patrol.model;

import org.govgrid.platform.IllegalTransitionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class PatrolTests {

	@Test
	void aStartedPatrolIsActiveAndFinishesOnce() {
		Patrol patrol = Patrol.started();
		assertThat(patrol.status()).isEqualTo(PatrolStatus.ACTIVE);
		assertThat(patrol.totalsFixed()).isFalse();
		patrol.finish();
		assertThat(patrol.status()).isEqualTo(PatrolStatus.FINISHED);
		assertThat(patrol.totalsFixed()).as("a late track batch recomputes the totals").isTrue();
	}

	@ParameterizedTest(name = "finish while {0}")
	@EnumSource(PatrolStatus.class)
	void finishingIsLegalOnlyWhileActive(PatrolStatus status) {
		Patrol patrol = Patrol.restore(status);
		if (status == PatrolStatus.ACTIVE) {
			patrol.finish();
			assertThat(patrol.status()).isEqualTo(PatrolStatus.FINISHED);
			return;
		}
		IllegalTransitionException refused = catchThrowableOfType(IllegalTransitionException.class, patrol::finish);
		assertThat(refused).as("finish while " + status).isNotNull();
		assertThat(refused.attemptedAction()).isEqualTo("finish");
		assertThat(refused.currentState()).isEqualTo(status.name());
		assertThat(refused.title()).isEqualTo("不允许的巡查操作 / Illegal transition");
		assertThat(refused).hasMessage("the patrol is already finished / 巡查已结束");
		assertThat(patrol.status()).isEqualTo(status);
	}

}
