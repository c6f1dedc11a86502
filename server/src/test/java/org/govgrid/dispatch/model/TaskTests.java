package org.govgrid.dispatch.model;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.govgrid.platform.IllegalTransitionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class TaskTests {

	private static final long CREATOR = 1;

	private static final long ASSIGNEE = 2;

	private static final long SOMEONE_ELSE = 3;

	private static final Instant STARTED = Instant.parse("2026-12-01T01:00:00Z");

	private static final Instant NOW = Instant.parse("2026-12-01T02:00:00Z");

	/**
	 * Where each step is legal when the right person takes it; anywhere else it is
	 * refused.
	 */
	private static final Map<String, Set<TaskStatus>> LEGAL = Map.of(Task.START, EnumSet.of(TaskStatus.ASSIGNED),
			Task.COMPLETE, EnumSet.of(TaskStatus.ASSIGNED, TaskStatus.IN_PROGRESS), Task.CANCEL,
			EnumSet.of(TaskStatus.ASSIGNED, TaskStatus.IN_PROGRESS));

	private static final Map<String, TaskStatus> LEADS_TO = Map.of(Task.START, TaskStatus.IN_PROGRESS, Task.COMPLETE,
			TaskStatus.DONE, Task.CANCEL, TaskStatus.CANCELLED);

	/** Each step by the person allowed to take it, so that only the status decides. */
	private static Consumer<Task> byTheRightPerson(String action) {
		return switch (action) {
			case Task.START -> t -> t.start(ASSIGNEE, NOW);
			case Task.COMPLETE -> t -> t.complete(ASSIGNEE, "done", NOW);
			case Task.CANCEL -> t -> t.cancel(CREATOR, false, "not needed", NOW);
			default -> throw new IllegalArgumentException(action);
		};
	}

	private static Task at(TaskStatus status) {
		return Task.restore(status, CREATOR, ASSIGNEE, status == TaskStatus.ASSIGNED ? null : STARTED,
				status.open() ? null : STARTED, null);
	}

	static Stream<Arguments> everyStepInEveryStatus() {
		return Stream.of(Task.START, Task.COMPLETE, Task.CANCEL)
			.flatMap(action -> Stream.of(TaskStatus.values()).map(status -> Arguments.of(action, status)));
	}

	@ParameterizedTest(name = "{0} while {1}")
	@MethodSource("everyStepInEveryStatus")
	void everyStepIsLegalExactlyWhereTheLifecycleSays(String action, TaskStatus status) {
		Task task = at(status);
		if (LEGAL.get(action).contains(status)) {
			byTheRightPerson(action).accept(task);
			assertThat(task.status()).isEqualTo(LEADS_TO.get(action));
			return;
		}
		assertRefused(task, action, status, () -> byTheRightPerson(action).accept(task));
	}

	@ParameterizedTest(name = "while {0}")
	@EnumSource(TaskStatus.class)
	void nobodyButTheAssigneeStartsOrCompletesAndNobodyButTheCentreOrCreatorCancels(TaskStatus status) {
		Task task = at(status);
		assertRefused(task, Task.START, status, () -> task.start(CREATOR, NOW));
		assertRefused(task, Task.COMPLETE, status, () -> task.complete(SOMEONE_ELSE, "done", NOW));
		assertRefused(task, Task.CANCEL, status, () -> task.cancel(ASSIGNEE, false, "no", NOW));
	}

	@Test
	void theCentreCancelsATaskItDidNotCreate() {
		Task task = at(TaskStatus.IN_PROGRESS);
		task.cancel(SOMEONE_ELSE, true, "the event was merged", NOW);
		assertThat(task.status()).isEqualTo(TaskStatus.CANCELLED);
		assertThat(task.completedAt()).isEqualTo(NOW);
		assertThat(task.comment()).isEqualTo("the event was merged");
		assertThat(task.startedAt()).isEqualTo(STARTED);
	}

	@Test
	void aTaskIsStartedThenCompletedWithTimesAndComment() {
		Task task = Task.assigned(CREATOR, ASSIGNEE);
		assertThat(task.status()).isEqualTo(TaskStatus.ASSIGNED);
		task.start(ASSIGNEE, STARTED);
		task.complete(ASSIGNEE, "cleared", NOW);
		assertThat(task.status()).isEqualTo(TaskStatus.DONE);
		assertThat(task.startedAt()).isEqualTo(STARTED);
		assertThat(task.completedAt()).isEqualTo(NOW);
		assertThat(task.comment()).isEqualTo("cleared");
	}

	private static void assertRefused(Task task, String action, TaskStatus status, Runnable step) {
		Instant startedBefore = task.startedAt();
		Instant completedBefore = task.completedAt();
		IllegalTransitionException refused = catchThrowableOfType(IllegalTransitionException.class, step::run);
		assertThat(refused).as(action + " while " + status).isNotNull();
		assertThat(refused.attemptedAction()).isEqualTo(action);
		assertThat(refused.currentState()).isEqualTo(status.name());
		assertThat(refused.title()).isEqualTo("不允许的任务操作 / Illegal transition");
		assertThat(task.status()).isEqualTo(status);
		assertThat(task.startedAt()).isEqualTo(startedBefore);
		assertThat(task.completedAt()).isEqualTo(completedBefore);
		assertThat(task.comment()).isNull();
	}

}
