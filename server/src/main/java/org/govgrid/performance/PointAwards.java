package org.govgrid.performance;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Clock;
import java.time.Instant;
import java.util.function.UnaryOperator;

import org.govgrid.academy.CourseCompleted;
import org.govgrid.academy.QuizPassed;
import org.govgrid.collection.RecordApproved;
import org.govgrid.event.EventChanged;
import org.govgrid.event.model.EventAction;
import org.govgrid.patrol.PatrolFinished;
import org.govgrid.performance.PointsLedger.Source;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Which work earns or costs points, and whom (the rules' triggers). Listens inside the
 * transaction that publishes the change, so the ledger commits or rolls back with it.
 *
 * <ul>
 * <li>{@code report}: a grid worker's own report (source GRID_WORKER, the reporter takes
 * the {@code report} step).</li>
 * <li>{@code verified}: that report verified as passed (→ CLOSED), to the reporter.</li>
 * <li>{@code self-handled}: the {@code self-handle} step, to the reporter.</li>
 * <li>{@code rejected}: that report rejected as invalid ({@code reject} → REJECTED; a
 * merged duplicate costs nothing), to the reporter.</li>
 * <li>{@code poor-evaluation}: a score of {@value #POOR_SCORE} or less, to the assignee,
 * or to the reporter when self-handled; nobody without an assignee.</li>
 * <li>{@code overdue}: the event's assignee when it turns overdue (flagged red or closed
 * after the disposal deadline), once per assignee, at the deadline; nobody without an
 * assignee.</li>
 * <li>{@code patrol-hour}: per hour of a finished patrol, pro rata, to the worker.</li>
 * <li>{@code record-approved}: a collected record approved, to the collector.</li>
 * <li>{@code academy-course}: a course of the academy completed, the rule's points times
 * the course's own, to the learner, once per course.</li>
 * <li>{@code academy-quiz}: a quiz first passed, the rule's points times the quiz's own,
 * to the learner.</li>
 * </ul>
 */
@Component
class PointAwards {

	static final int POOR_SCORE = 2;

	private static final BigDecimal SECONDS_PER_HOUR = BigDecimal.valueOf(3600);

	private final PointsLedger ledger;

	private final Clock clock;

	PointAwards(PointsLedger ledger, Clock clock) {
		this.ledger = ledger;
		this.clock = clock;
	}

	@EventListener
	void on(EventChanged event) {
		boolean workerReport = "GRID_WORKER".equals(event.source());
		for (EventChanged.Step step : event.steps()) {
			EventAction action = EventAction.ofCode(step.action()).orElse(null);
			if (action == null) {
				continue;
			}
			switch (action) {
				case REPORT -> {
					if (workerReport && step.actorId() != null && step.actorId() == event.reporterId()) {
						award("report", event.reporterId(), event, step.at(), "上报事件 " + event.code());
					}
				}
				case VERIFY -> {
					if (workerReport && "CLOSED".equals(step.toStatus())) {
						award("verified", event.reporterId(), event, step.at(), "事件核查属实 " + event.code());
					}
				}
				case SELF_HANDLE ->
					award("self-handled", event.reporterId(), event, step.at(), "自处置事件 " + event.code());
				case REJECT -> {
					if (workerReport && "REJECTED".equals(step.toStatus())) {
						award("rejected", event.reporterId(), event, step.at(), "上报事件不予受理 " + event.code());
					}
				}
				case EVALUATE -> {
					Long who = event.selfHandled() ? Long.valueOf(event.reporterId()) : event.assigneeId();
					if (event.score() != null && event.score() <= POOR_SCORE && who != null) {
						award("poor-evaluation", who, event, step.at(), "事件评价 " + event.score() + " 分 " + event.code());
					}
				}
				default -> {
				}
			}
		}
		if (event.overdue() && event.assigneeId() != null) {
			Instant at = event.disposalDeadline() != null ? event.disposalDeadline() : this.clock.instant();
			award("overdue", event.assigneeId(), event, at, "事件超时 " + event.code());
		}
	}

	@EventListener
	void on(PatrolFinished patrol) {
		BigDecimal hours = BigDecimal.valueOf(patrol.durationSeconds()).divide(SECONDS_PER_HOUR, MathContext.DECIMAL64);
		this.ledger.award("patrol-hour", patrol.workerId(), Source.patrol(patrol.patrolId()), patrol.gridId(),
				patrol.regionPath(), patrol.finishedAt(), points -> points.multiply(hours),
				"巡查 " + hours.setScale(2, java.math.RoundingMode.HALF_UP).toPlainString() + " 小时");
	}

	@EventListener
	void on(RecordApproved record) {
		this.ledger.award("record-approved", record.collectorId(), Source.record(record.recordId()), record.gridId(),
				record.regionPath(), record.approvedAt(), UnaryOperator.identity(), "采集记录通过审核");
	}

	@EventListener
	void on(CourseCompleted course) {
		this.ledger.award("academy-course", course.userId(), Source.course(course.courseId()), course.regionId(),
				course.regionPath(), course.completedAt(), points -> points.multiply(course.points()),
				"完成课程 " + course.title());
	}

	@EventListener
	void on(QuizPassed quiz) {
		this.ledger.award("academy-quiz", quiz.userId(), Source.quiz(quiz.quizId()), quiz.regionId(), quiz.regionPath(),
				quiz.passedAt(), points -> points.multiply(quiz.points()),
				"通过测验 " + quiz.title() + " " + quiz.score() + " 分");
	}

	private void award(String rule, long userId, EventChanged event, Instant at, String reason) {
		this.ledger.award(rule, userId, Source.event(event.eventId()), event.gridId(), event.regionPath(), at,
				UnaryOperator.identity(), reason);
	}

}
