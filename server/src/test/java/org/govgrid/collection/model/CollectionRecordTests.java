package org.govgrid.collection.model;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;

import org.govgrid.platform.IllegalTransitionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class CollectionRecordTests {

	/**
	 * Where each review step is legal, and where it leads; anywhere else it is refused.
	 */
	private static final Map<RecordAction, Map<RecordStatus, RecordStatus>> LEGAL = Map.of(RecordAction.APPROVE,
			Map.of(RecordStatus.SUBMITTED, RecordStatus.APPROVED), RecordAction.RETURN,
			Map.of(RecordStatus.SUBMITTED, RecordStatus.RETURNED), RecordAction.RESUBMIT,
			Map.of(RecordStatus.RETURNED, RecordStatus.SUBMITTED));

	private static Function<CollectionRecord, RecordAction> act(RecordAction action) {
		return switch (action) {
			case SUBMIT -> throw new IllegalArgumentException("submitting creates a record");
			case APPROVE -> CollectionRecord::approve;
			case RETURN -> CollectionRecord::sendBack;
			case RESUBMIT -> CollectionRecord::resubmit;
		};
	}

	static Stream<Arguments> everyStepInEveryStatus() {
		Set<RecordAction> steps = EnumSet.complementOf(EnumSet.of(RecordAction.SUBMIT));
		return steps.stream()
			.flatMap(action -> Stream.of(RecordStatus.values()).map(status -> Arguments.of(action, status)));
	}

	@ParameterizedTest(name = "{0} while {1}")
	@MethodSource("everyStepInEveryStatus")
	void everyStepIsLegalExactlyWhereTheReviewSays(RecordAction action, RecordStatus status) {
		CollectionRecord record = CollectionRecord.restore(status);
		RecordStatus next = LEGAL.get(action).get(status);
		if (next != null) {
			assertThat(act(action).apply(record)).as("the step written into the trail").isEqualTo(action);
			assertThat(record.status()).isEqualTo(next);
			return;
		}
		IllegalTransitionException refused = catchThrowableOfType(IllegalTransitionException.class,
				() -> act(action).apply(record));
		assertThat(refused).as(action + " while " + status).isNotNull();
		assertThat(refused.attemptedAction()).isEqualTo(action.code());
		assertThat(refused.currentState()).isEqualTo(status.name());
		assertThat(refused.title()).isEqualTo("不允许的采集记录操作 / Illegal transition");
		assertThat(refused.getMessage()).contains(" / ");
		assertThat(record.status()).isEqualTo(status);
	}

	@Test
	void aReturnedRecordIsCorrectedAndReviewedAgain() {
		CollectionRecord record = CollectionRecord.submitted();
		assertThat(record.status()).isEqualTo(RecordStatus.SUBMITTED);
		record.sendBack();
		record.resubmit();
		assertThat(record.status()).isEqualTo(RecordStatus.SUBMITTED);
		record.approve();
		assertThat(record.status()).isEqualTo(RecordStatus.APPROVED);
	}

	@Test
	void actionsAreSpelledAsInThePath() {
		assertThat(Stream.of(RecordAction.values()).map(RecordAction::code)).containsExactly("submit", "approve",
				"return", "resubmit");
	}

}
