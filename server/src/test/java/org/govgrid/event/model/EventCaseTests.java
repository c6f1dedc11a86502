package org.govgrid.event.model;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.govgrid.event.model.EventFixture.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.govgrid.event.model.EventFixture.CENTRE;
import static org.govgrid.event.model.EventFixture.CENTRE_STAFF;
import static org.govgrid.event.model.EventFixture.CITY_MANAGEMENT;
import static org.govgrid.event.model.EventFixture.GRID;
import static org.govgrid.event.model.EventFixture.HANDLER;
import static org.govgrid.event.model.EventFixture.LEADER;
import static org.govgrid.event.model.EventFixture.OTHER_WORKER;
import static org.govgrid.event.model.EventFixture.T0;
import static org.govgrid.event.model.EventFixture.WORKER;

class EventCaseTests {

	private static final Instant LATER = T0.plus(Duration.ofHours(1));

	private static final Unit DISTRICT_DEPARTMENT = Unit.department(70);

	/** Each action done by the right actor, so that only the state decides. */
	private static Consumer<EventCase> act(EventAction action) {
		return switch (action) {
			case REPORT -> throw new IllegalArgumentException("report creates an event");
			case ACCEPT -> e -> e.accept(EventFixture.holder(e), LATER, null);
			case DISPATCH ->
				e -> e.dispatch(EventFixture.holder(e), CITY_MANAGEMENT, null, LATER.plusSeconds(3600), LATER, null);
			case SIGN -> e -> e.sign(EventFixture.holder(e), LATER, null);
			case RESOLVE -> e -> e.resolve(EventFixture.holder(e), "done", List.of(), LATER);
			case VERIFY -> e -> e.verify(WORKER, true, null, List.of(), LATER);
			case RETURN -> e -> e.returnTo(EventFixture.holder(e), CENTRE, "not ours", LATER);
			case ESCALATE -> e -> e.escalate(EventFixture.holder(e), DISTRICT_DEPARTMENT, "beyond us", null, LATER);
			case REJECT -> e -> e.reject(EventFixture.holder(e), "invalid", LATER);
			case MERGE -> e -> e.mergeInto(EventFixture.holder(e), 42, "SJ20261124000000", LATER);
			case SELF_HANDLE -> e -> e.selfHandle(WORKER, "fixed on the spot", List.of(), LATER);
			case SUPERVISE -> e -> e.supervise(LEADER, "hurry", LATER);
			case EVALUATE -> e -> e.evaluate(LEADER, 5, "good", LATER);
			case NOTE -> e -> e.note(LEADER, "alarm repeated", LATER);
			case REOPEN -> e -> e.reopen(CENTRE_STAFF, CENTRE, "caller unsatisfied", LATER.plusSeconds(3600), LATER);
		};
	}

	/** Where each action is legal; everywhere else it must be refused. */
	private static Set<Stage> legalStages(EventAction action) {
		return switch (action) {
			case REPORT -> EnumSet.noneOf(Stage.class);
			case ACCEPT, SELF_HANDLE -> EnumSet.of(Stage.NEW);
			case DISPATCH -> EnumSet.of(Stage.ACCEPTED);
			case SIGN -> EnumSet.of(Stage.DISPATCHED);
			case RESOLVE -> EnumSet.of(Stage.IN_PROGRESS);
			case VERIFY -> EnumSet.of(Stage.RESOLVED);
			case RETURN -> EnumSet.of(Stage.DISPATCHED, Stage.IN_PROGRESS);
			// the department level is the top: a department cannot escalate further
			case ESCALATE, REJECT, MERGE -> EnumSet.of(Stage.NEW, Stage.ACCEPTED);
			case SUPERVISE, NOTE ->
				EnumSet.of(Stage.NEW, Stage.ACCEPTED, Stage.DISPATCHED, Stage.IN_PROGRESS, Stage.RESOLVED);
			case EVALUATE, REOPEN -> EnumSet.of(Stage.CLOSED);
		};
	}

	static Stream<Arguments> everyActionInEveryStage() {
		return Stream.of(EventAction.values())
			.filter(action -> action != EventAction.REPORT)
			.flatMap(action -> Stream.of(Stage.values()).map(stage -> Arguments.of(action, stage)));
	}

	@ParameterizedTest(name = "{0} in {1}")
	@MethodSource("everyActionInEveryStage")
	void everyTransitionIsLegalExactlyWhereTheLifecycleSays(EventAction action, Stage stage) {
		EventCase event = EventFixture.at(stage);
		EventStatus before = event.status();
		int flowBefore = event.flow().size();
		if (legalStages(action).contains(stage)) {
			act(action).accept(event);
			assertThat(event.flow()).hasSize(flowBefore + 1);
			FlowEntry last = event.flow().get(flowBefore);
			assertThat(last.action()).isEqualTo(action);
			assertThat(last.from()).isEqualTo(before);
			assertThat(last.to()).isEqualTo(event.status());
		}
		else {
			assertThatThrownBy(() -> act(action).accept(event)).isInstanceOf(IllegalTransitionException.class);
			assertThat(event.status()).isEqualTo(before);
			assertThat(event.flow()).hasSize(flowBefore);
		}
	}

	@Test
	void theWholeLoopLeavesOneFlowEntryPerStep() {
		EventCase event = EventFixture.at(Stage.CLOSED);
		event.evaluate(LEADER, 4, "quick", LATER);
		assertThat(event.flow()).extracting(FlowEntry::action)
			.containsExactly(EventAction.REPORT, EventAction.ACCEPT, EventAction.DISPATCH, EventAction.SIGN,
					EventAction.RESOLVE, EventAction.VERIFY, EventAction.EVALUATE);
		assertThat(event.flow()).extracting(FlowEntry::to)
			.containsExactly(EventStatus.REPORTED, EventStatus.REPORTED, EventStatus.DISPATCHED,
					EventStatus.IN_PROGRESS, EventStatus.RESOLVED, EventStatus.CLOSED, EventStatus.CLOSED);
		assertThat(event.status()).isEqualTo(EventStatus.CLOSED);
		assertThat(event.closedAt()).isNotNull();
		assertThat(event.score()).isEqualTo(4);
		assertThat(event.result()).isEqualTo("cleared");
		assertThat(event.flow().get(4).fileIds()).containsExactly(5L);
	}

	@Test
	void onlyTheReportingSideVerifiesAndAFailedCheckMeansRework() {
		EventCase event = EventFixture.at(Stage.RESOLVED);
		assertThatThrownBy(() -> event.verify(HANDLER, true, null, List.of(), LATER))
			.isInstanceOf(IllegalTransitionException.class);
		assertThatThrownBy(() -> event.verify(OTHER_WORKER, true, null, List.of(), LATER))
			.isInstanceOf(IllegalTransitionException.class);
		assertThatThrownBy(() -> event.verify(WORKER, false, " ", List.of(), LATER))
			.isInstanceOf(IllegalArgumentException.class);
		event.verify(WORKER, false, "still blocked", List.of(), LATER);
		assertThat(event.status()).isEqualTo(EventStatus.IN_PROGRESS);
		event.resolve(HANDLER, "really cleared", List.of(), LATER.plusSeconds(60));
		event.verify(new Actor(102, "chief of the grid", Set.of(GRID)), true, null, List.of(), LATER.plusSeconds(120));
		assertThat(event.status()).isEqualTo(EventStatus.CLOSED);
	}

	@Test
	void onlyTheHoldingUnitWorksTheEvent() {
		EventCase reported = EventFixture.reportedInGrid();
		assertThatThrownBy(() -> reported.accept(HANDLER, LATER, null)).isInstanceOf(IllegalTransitionException.class);
		EventCase dispatched = EventFixture.at(Stage.DISPATCHED);
		assertThatThrownBy(() -> dispatched.sign(CENTRE_STAFF, LATER, null))
			.isInstanceOf(IllegalTransitionException.class);
		EventCase assigned = EventFixture.at(Stage.ACCEPTED);
		assigned.dispatch(CENTRE_STAFF, CITY_MANAGEMENT, 301L, LATER.plusSeconds(3600), LATER, null);
		assertThatThrownBy(() -> assigned.sign(HANDLER, LATER, null)).isInstanceOf(IllegalTransitionException.class);
		assigned.sign(new Actor(301, "the assignee", Set.of(CITY_MANAGEMENT)), LATER, null);
		assertThat(assigned.assigneeId()).isEqualTo(301L);
	}

	@Test
	void automaticRoutingAcceptsAndDispatchesAsTheSystem() {
		EventCase event = EventFixture.reportedInGrid();
		event.accept(Actor.SYSTEM, T0, "rule CSGL → 城管");
		event.dispatch(Actor.SYSTEM, CITY_MANAGEMENT, null, T0.plus(Duration.ofHours(24)), T0, null);
		assertThat(event.status()).isEqualTo(EventStatus.DISPATCHED);
		assertThat(event.handlingLevel()).isEqualTo(HandlingLevel.DEPARTMENT);
		assertThat(event.flow().get(1).actorName()).isEqualTo("system");
	}

	@Test
	void returningSendsItBackToTheCentreWhichDispatchesAgain() {
		EventCase event = EventFixture.at(Stage.IN_PROGRESS);
		assertThatThrownBy(() -> event.returnTo(HANDLER, CENTRE, "", LATER))
			.isInstanceOf(IllegalArgumentException.class);
		event.returnTo(HANDLER, CENTRE, "wrong department", LATER);
		assertThat(event.status()).isEqualTo(EventStatus.REPORTED);
		assertThat(event.currentUnit()).isEqualTo(CENTRE);
		assertThat(event.assigneeId()).isNull();
		event.dispatch(CENTRE_STAFF, Unit.department(8), null, LATER.plusSeconds(7200), LATER.plusSeconds(60), null);
		assertThat(event.currentUnit()).isEqualTo(Unit.department(8));
	}

	@Test
	void escalationGoesStrictlyUpwardsAndMustBeAcceptedThere() {
		EventCase event = EventFixture.reportedInGrid();
		event.accept(CENTRE_STAFF, T0, null);
		event.dispatch(CENTRE_STAFF, GRID, null, T0.plus(Duration.ofHours(4)), T0, "grid handles it");
		Actor gridHandler = new Actor(100, "worker1", Set.of(GRID));
		event.sign(gridHandler, T0, null);
		assertThat(event.handlingLevel()).isEqualTo(HandlingLevel.GRID);
		Unit community = Unit.community(5);
		event.escalate(gridHandler, community, "needs the community", T0.plus(Duration.ofHours(2)), LATER);
		assertThat(event.status()).isEqualTo(EventStatus.REPORTED);
		assertThat(event.handlingLevel()).isEqualTo(HandlingLevel.COMMUNITY);
		assertThat(event.acceptedAt()).isNull();
		Actor communityStaff = new Actor(500, "community", Set.of(community));
		assertThatThrownBy(() -> event.escalate(communityStaff, Unit.grid(11), "down?", null, LATER))
			.isInstanceOf(IllegalTransitionException.class);
		assertThatThrownBy(() -> event.dispatch(communityStaff, GRID, null, null, LATER, null))
			.isInstanceOf(IllegalTransitionException.class);
		event.escalate(communityStaff, CENTRE, "needs the town", null, LATER);
		assertThat(event.handlingLevel()).isEqualTo(HandlingLevel.TOWN);
	}

	@Test
	void aReopenedEventGoesBackToItsHandlingUnitAndClosesAgainAfterVerification() {
		EventCase event = EventFixture.at(Stage.CLOSED);
		assertThatThrownBy(() -> event.reopen(HANDLER, CENTRE, "unsatisfied", LATER.plusSeconds(3600), LATER))
			.as("only the town's centre reopens")
			.isInstanceOf(IllegalTransitionException.class);
		assertThatThrownBy(() -> event.reopen(CENTRE_STAFF, CENTRE, " ", LATER.plusSeconds(3600), LATER))
			.isInstanceOf(IllegalArgumentException.class);
		assertThat(event.status()).isEqualTo(EventStatus.CLOSED);
		event.reopen(CENTRE_STAFF, CENTRE, "caller unsatisfied", LATER.plusSeconds(3600), LATER);
		assertThat(event.status()).isEqualTo(EventStatus.IN_PROGRESS);
		assertThat(event.currentUnit()).isEqualTo(CITY_MANAGEMENT);
		assertThat(event.closedAt()).isNull();
		assertThat(event.disposalDeadline()).isEqualTo(LATER.plusSeconds(3600));
		event.resolve(HANDLER, "cleared again", List.of(), LATER.plusSeconds(60));
		event.verify(WORKER, true, null, List.of(), LATER.plusSeconds(120));
		assertThat(event.status()).isEqualTo(EventStatus.CLOSED);
		assertThat(event.flow()).extracting(FlowEntry::action)
			.endsWith(EventAction.REOPEN, EventAction.RESOLVE, EventAction.VERIFY);
		EventCase own = EventFixture.reportedInGrid();
		own.selfHandle(WORKER, "moved the bikes", List.of(), LATER);
		assertThatThrownBy(() -> own.reopen(CENTRE_STAFF, CENTRE, "unsatisfied", LATER.plusSeconds(3600), LATER))
			.isInstanceOf(IllegalTransitionException.class);
	}

	@Test
	void selfHandlingIsForTheReportingGridWorkerOnly() {
		EventCase byOther = EventFixture.reportedInGrid();
		assertThatThrownBy(() -> byOther.selfHandle(OTHER_WORKER, "done", List.of(), LATER))
			.isInstanceOf(IllegalTransitionException.class);
		EventCase hotline = EventCase.report("SJ20261124000009", "CSGL-01", EventLevel.GENERAL,
				EventSource.HOTLINE_12345, CENTRE_STAFF, GRID, CENTRE, null, T0);
		assertThatThrownBy(() -> hotline.selfHandle(CENTRE_STAFF, "done", List.of(), LATER))
			.isInstanceOf(IllegalTransitionException.class);
		EventCase own = EventFixture.reportedInGrid();
		own.selfHandle(WORKER, "moved the bikes", List.of(9L), LATER);
		assertThat(own.status()).isEqualTo(EventStatus.CLOSED);
		assertThat(own.selfHandled()).isTrue();
		assertThat(own.handlingLevel()).isEqualTo(HandlingLevel.GRID);
	}

	@Test
	void mergingPointsAtTheOriginalAndNeverAtItself() {
		EventCase event = EventFixture.reportedInGrid();
		assertThatThrownBy(() -> event.mergeInto(CENTRE_STAFF, 1, event.code(), LATER))
			.isInstanceOf(IllegalTransitionException.class);
		event.mergeInto(CENTRE_STAFF, 42, "SJ20261124000000", LATER);
		assertThat(event.status()).isEqualTo(EventStatus.REJECTED);
		assertThat(event.mergedInto()).isEqualTo(42L);
	}

	@Test
	void evaluationIsOnceAndOneToFive() {
		EventCase event = EventFixture.at(Stage.CLOSED);
		assertThatThrownBy(() -> event.evaluate(LEADER, 6, null, LATER)).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> event.evaluate(LEADER, 0, null, LATER)).isInstanceOf(IllegalArgumentException.class);
		event.evaluate(LEADER, 1, "slow", LATER);
		assertThatThrownBy(() -> event.evaluate(LEADER, 5, null, LATER)).isInstanceOf(IllegalTransitionException.class);
		assertThat(event.score()).isEqualTo(1);
	}

	@Test
	void supervisionIsCountedAndChangesNothingElse() {
		EventCase event = EventFixture.at(Stage.IN_PROGRESS);
		event.supervise(LEADER, "please hurry", LATER);
		event.supervise(LEADER, "again", LATER);
		assertThat(event.supervisions()).isEqualTo(2);
		assertThat(event.status()).isEqualTo(EventStatus.IN_PROGRESS);
	}

	@Test
	void deadlinesTurnYellowAtEightyPercentAndRedWhenPassed() {
		EventCase waiting = EventFixture.reportedInGrid();
		// acceptance limit: 2 h from T0
		assertThat(waiting.deadlineFlag(T0.plus(Duration.ofMinutes(95)))).isEqualTo(DeadlineFlag.NONE);
		assertThat(waiting.deadlineFlag(T0.plus(Duration.ofMinutes(96)))).isEqualTo(DeadlineFlag.YELLOW);
		assertThat(waiting.deadlineFlag(T0.plus(Duration.ofMinutes(121)))).isEqualTo(DeadlineFlag.RED);
		EventCase handling = EventFixture.at(Stage.IN_PROGRESS);
		Instant dispatchedAt = T0.plusSeconds(120);
		assertThat(handling.deadlineFlag(dispatchedAt.plus(Duration.ofHours(19)))).isEqualTo(DeadlineFlag.NONE);
		assertThat(handling.deadlineFlag(dispatchedAt.plus(Duration.ofHours(20)))).isEqualTo(DeadlineFlag.YELLOW);
		assertThat(handling.deadlineFlag(dispatchedAt.plus(Duration.ofHours(25)))).isEqualTo(DeadlineFlag.RED);
		assertThat(EventFixture.at(Stage.CLOSED).deadlineFlag(T0.plus(Duration.ofDays(30))))
			.isEqualTo(DeadlineFlag.NONE);
	}

	@Test
	void aRoutingRuleDispatchesAFreshReportInOneSystemStep() {
		EventCase event = EventFixture.reportedInGrid();
		event.autoDispatch(CITY_MANAGEMENT, T0.plus(Duration.ofHours(24)), T0, "rule #1");
		assertThat(event.status()).isEqualTo(EventStatus.DISPATCHED);
		assertThat(event.acceptedAt()).isEqualTo(T0);
		assertThat(event.currentUnit()).isEqualTo(CITY_MANAGEMENT);
		assertThat(event.flow()).extracting(FlowEntry::action)
			.containsExactly(EventAction.REPORT, EventAction.DISPATCH);
		assertThat(event.flow().get(1).actorId()).isZero();
		EventCase accepted = EventFixture.at(Stage.ACCEPTED);
		assertThatThrownBy(() -> accepted.autoDispatch(CITY_MANAGEMENT, LATER, LATER, null))
			.isInstanceOf(IllegalTransitionException.class);
	}

	@Test
	void aRestoredEventGoesOnFromItsStateWithAnEmptyFlow() {
		EventCase original = EventFixture.at(Stage.IN_PROGRESS);
		EventCase restored = EventCase.restore(original.state());
		assertThat(restored.state()).isEqualTo(original.state());
		assertThat(restored.flow()).isEmpty();
		restored.resolve(HANDLER, "fixed", List.of(9L), LATER);
		assertThat(restored.flow()).singleElement().satisfies(entry -> {
			assertThat(entry.action()).isEqualTo(EventAction.RESOLVE);
			assertThat(entry.fileIds()).containsExactly(9L);
		});
	}

	@Test
	void theReportCarriesItsPhotos() {
		EventCase event = EventCase.report("SJ20261124000002", "CSGL-01", EventLevel.GENERAL, EventSource.GRID_WORKER,
				WORKER, GRID, CENTRE, T0.plusSeconds(60), T0, List.of(1L, 2L));
		assertThat(event.flow().get(0).fileIds()).containsExactly(1L, 2L);
	}

}
