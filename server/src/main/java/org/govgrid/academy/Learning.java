package org.govgrid.academy;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.govgrid.platform.FieldErrors;
import org.govgrid.platform.NotFoundException;
import org.govgrid.platform.ScopedPrincipal;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.databind.json.JsonMapper;

/**
 * A learner's own learning: progress that never goes back and completes once (≥ 95 % of a
 * video or pdf, or an explicit confirmation of a text), and quiz attempts scored against
 * the key, all kept, the first pass alone earning points. Only published courses the
 * learner can see take progress or attempts (else 404).
 */
@Service
class Learning {

	static final BigDecimal COMPLETE_AT = new BigDecimal("95");

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final NamedParameterJdbcTemplate jdbc;

	private final Courses courses;

	private final CourseQuizzes quizzes;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	Learning(NamedParameterJdbcTemplate jdbc, Courses courses, CourseQuizzes quizzes, ApplicationEventPublisher events,
			Clock clock) {
		this.jdbc = jdbc;
		this.courses = courses;
		this.quizzes = quizzes;
		this.events = events;
		this.clock = clock;
	}

	record ProgressCommand(BigDecimal position, BigDecimal percent, Boolean completed) {
	}

	record ProgressView(long courseId, BigDecimal position, BigDecimal percent, boolean completed, Instant completedAt,
			boolean justCompleted, BigDecimal pointsEarned) {
	}

	record AttemptCommand(List<Answer> answers) {
	}

	record Answer(Long questionId, List<Long> optionIds) {
	}

	record AttemptView(long attemptId, long quizId, int score, int passScore, boolean passed, List<Long> correct,
			boolean firstPass, BigDecimal pointsEarned) {
	}

	@Transactional
	ProgressView progress(long courseId, ProgressCommand command, ScopedPrincipal caller) {
		Courses.Row course = this.courses.visible(courseId, caller);
		if (!course.published()) {
			throw new NotFoundException("course", courseId);
		}
		CourseKind kind = CourseKind.valueOf(course.kind());
		FieldErrors errors = new FieldErrors();
		BigDecimal position = command.position() == null ? BigDecimal.ZERO : command.position();
		if (position.signum() < 0 || position.compareTo(new BigDecimal("99999999")) > 0) {
			errors.add("position", "a position ≥ 0 (seconds or page) / 进度位置须 ≥ 0");
		}
		BigDecimal percent = command.percent();
		if (percent == null && kind != CourseKind.TEXT) {
			errors.add("percent", "required, 0–100 / 请提供学习进度百分比");
		}
		else if (percent != null && (percent.signum() < 0 || percent.compareTo(BigDecimal.valueOf(100)) > 0)) {
			errors.add("percent", "0–100 / 进度须在 0–100 之间");
		}
		errors.throwIfAny();
		boolean confirmed = kind == CourseKind.TEXT && Boolean.TRUE.equals(command.completed());
		BigDecimal asked = confirmed ? BigDecimal.valueOf(100)
				: (percent == null ? BigDecimal.ZERO : percent).setScale(2, RoundingMode.HALF_UP);
		Instant now = this.clock.instant();
		MapSqlParameterSource key = new MapSqlParameterSource("user", caller.userId()).addValue("course", courseId)
			.addValue("now", Timestamp.from(now));
		this.jdbc.update("""
				insert into academy_progress (user_id, course_id, position, percent, updated_at)
				values (:user, :course, 0, 0, :now) on conflict do nothing""", key);
		// the row locked: two reports of one learner are applied one after the other
		Map<String, Object> current = this.jdbc.queryForMap("""
				select position, percent, completed_at from academy_progress
				where user_id = :user and course_id = :course for update""", key);
		BigDecimal newPosition = ((BigDecimal) current.get("position")).max(position.setScale(2, RoundingMode.HALF_UP));
		BigDecimal newPercent = ((BigDecimal) current.get("percent")).max(asked);
		Timestamp completedAt = (Timestamp) current.get("completed_at");
		boolean completes = completedAt == null
				&& (kind == CourseKind.TEXT ? confirmed : newPercent.compareTo(COMPLETE_AT) >= 0);
		if (completes) {
			completedAt = Timestamp.from(now);
		}
		this.jdbc.update("""
				update academy_progress set position = :position, percent = :percent, completed_at = :completed,
				    updated_at = :now
				where user_id = :user and course_id = :course""",
				key.addValue("position", newPosition)
					.addValue("percent", newPercent)
					.addValue("completed", completedAt));
		if (completes) {
			this.events.publishEvent(new CourseCompleted(caller.userId(), courseId, course.title(), course.points(),
					caller.scope().regionId(), caller.scope().path(), now));
		}
		return new ProgressView(courseId, newPosition, newPercent, completedAt != null,
				completedAt == null ? null : completedAt.toInstant(), completes,
				completes ? course.points() : BigDecimal.ZERO);
	}

	@Transactional
	AttemptView attempt(long quizId, AttemptCommand command, ScopedPrincipal caller) {
		Map<String, Object> quiz = this.jdbc
			.queryForList("select id, course_id, pass_score, points from academy_quiz where id = :id",
					new MapSqlParameterSource("id", quizId))
			.stream()
			.findFirst()
			.orElseThrow(() -> new NotFoundException("quiz", quizId));
		long courseId = ((Number) quiz.get("course_id")).longValue();
		Courses.Row course;
		try {
			course = this.courses.visible(courseId, caller);
		}
		catch (NotFoundException ex) {
			throw new NotFoundException("quiz", quizId);
		}
		List<CourseView.QuestionView> questions = this.quizzes.questions(quizId, true);
		if (!course.published() || questions.isEmpty()) {
			throw new NotFoundException("quiz", quizId);
		}
		List<Long> correct = grade(questions, command, new FieldErrors());
		int passScore = ((Number) quiz.get("pass_score")).intValue();
		int score = (int) Math.round(100.0 * correct.size() / questions.size());
		boolean passed = score >= passScore;
		Instant now = this.clock.instant();
		MapSqlParameterSource params = new MapSqlParameterSource("quiz", quizId).addValue("user", caller.userId());
		// one learner's attempts at one quiz one at a time, so the first pass is one
		this.jdbc.queryForList("select pg_advisory_xact_lock(:quizKey, :userKey)",
				params.addValue("quizKey", (int) quizId).addValue("userKey", (int) caller.userId()));
		Boolean passedBefore = this.jdbc.queryForObject(
				"select exists (select 1 from academy_attempt where quiz_id = :quiz and user_id = :user and passed)",
				params, Boolean.class);
		boolean firstPass = passed && !Boolean.TRUE.equals(passedBefore);
		long attemptId = this.jdbc.queryForObject("""
				insert into academy_attempt (quiz_id, user_id, answers, score, passed, first_pass, created_at)
				values (:quiz, :user, cast(:answers as jsonb), :score, :passed, :first, :now) returning id""",
				params.addValue("answers", JSON.writeValueAsString(command.answers()))
					.addValue("score", score)
					.addValue("passed", passed)
					.addValue("first", firstPass)
					.addValue("now", Timestamp.from(now)),
				Long.class);
		BigDecimal points = (BigDecimal) quiz.get("points");
		if (firstPass) {
			this.events.publishEvent(new QuizPassed(caller.userId(), quizId, courseId, course.title(), score, points,
					caller.scope().regionId(), caller.scope().path(), now));
		}
		return new AttemptView(attemptId, quizId, score, passScore, passed, correct, firstPass,
				firstPass ? points : BigDecimal.ZERO);
	}

	/**
	 * The questions answered right; every question must be answered once, with options of
	 * its own (one for single choice and true/false).
	 */
	private static List<Long> grade(List<CourseView.QuestionView> questions, AttemptCommand command,
			FieldErrors errors) {
		Map<Long, CourseView.QuestionView> byId = new HashMap<>();
		questions.forEach(q -> byId.put(q.id(), q));
		Map<Long, Set<Long>> given = new HashMap<>();
		List<Answer> answers = command.answers() == null ? List.of() : command.answers();
		for (int i = 0; i < answers.size(); i++) {
			Answer answer = answers.get(i);
			String field = "answers[" + i + "]";
			CourseView.QuestionView question = answer == null || answer.questionId() == null ? null
					: byId.get(answer.questionId());
			if (question == null) {
				errors.add(field + ".questionId", "not a question of this quiz / 不是本测验的题目");
				continue;
			}
			if (given.containsKey(question.id())) {
				errors.add(field + ".questionId", "answered twice / 重复作答");
				continue;
			}
			Set<Long> own = new HashSet<>();
			question.options().forEach(o -> own.add(o.id()));
			Set<Long> chosen = new HashSet<>(answer.optionIds() == null ? List.of() : answer.optionIds());
			if (chosen.isEmpty() || !own.containsAll(chosen)) {
				errors.add(field + ".optionIds", "choose options of this question / 请选择本题的选项");
			}
			else if (!"MULTIPLE".equals(question.kind()) && chosen.size() != 1) {
				errors.add(field + ".optionIds", "choose exactly one option / 本题只能选一个选项");
			}
			given.put(question.id(), chosen);
		}
		if (errors.isEmpty() && given.size() < questions.size()) {
			errors.add("answers", "answer every question / 请回答全部题目");
		}
		errors.throwIfAny();
		List<Long> correct = new ArrayList<>();
		for (CourseView.QuestionView q : questions) {
			Set<Long> right = new HashSet<>();
			q.options().stream().filter(o -> Boolean.TRUE.equals(o.correct())).forEach(o -> right.add(o.id()));
			if (right.equals(given.get(q.id()))) {
				correct.add(q.id());
			}
		}
		return correct;
	}

}
