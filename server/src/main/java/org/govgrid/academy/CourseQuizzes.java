package org.govgrid.academy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * A course's quiz (at most one): questions with their options and the right answers,
 * which leave the server only for those who may edit the course. Editing a course
 * replaces its questions; attempts keep the answers they were scored with.
 */
@Component
class CourseQuizzes {

	static final CourseView.Mine NOTHING_YET = new CourseView.Mine(BigDecimal.ZERO, BigDecimal.ZERO, false, null, false,
			null);

	private final NamedParameterJdbcTemplate jdbc;

	CourseQuizzes(NamedParameterJdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** Replaces the course's questions (or drops the quiz's questions when null). */
	void replace(long courseId, CourseInput.ValidQuiz quiz) {
		MapSqlParameterSource course = new MapSqlParameterSource("course", courseId);
		Optional<Long> existing = this.jdbc
			.queryForList("select id from academy_quiz where course_id = :course", course, Long.class)
			.stream()
			.findFirst();
		existing.ifPresent(id -> this.jdbc.update("delete from academy_question where quiz_id = :quiz",
				new MapSqlParameterSource("quiz", id)));
		if (quiz == null) {
			// kept with its attempts, but empty: nothing left to take
			existing.ifPresent(id -> this.jdbc.update("update academy_quiz set pass_score = 100 where id = :id",
					new MapSqlParameterSource("id", id)));
			return;
		}
		long quizId = existing.orElseGet(() -> this.jdbc.queryForObject(
				"""
						insert into academy_quiz (course_id, pass_score, points) values (:course, :pass, :points) returning id""",
				course.addValue("pass", quiz.passScore()).addValue("points", quiz.points()), Long.class));
		this.jdbc.update("update academy_quiz set pass_score = :pass, points = :points where id = :id",
				new MapSqlParameterSource("id", quizId).addValue("pass", quiz.passScore())
					.addValue("points", quiz.points()));
		for (int i = 0; i < quiz.questions().size(); i++) {
			CourseInput.ValidQuestion q = quiz.questions().get(i);
			long questionId = this.jdbc.queryForObject("""
					insert into academy_question (quiz_id, position, kind, text) values (:quiz, :pos, :kind, :text)
					returning id""",
					new MapSqlParameterSource("quiz", quizId).addValue("pos", i)
						.addValue("kind", q.kind().name())
						.addValue("text", q.text()),
					Long.class);
			for (int j = 0; j < q.options().size(); j++) {
				this.jdbc.update("""
						insert into academy_option (question_id, position, text, correct)
						values (:question, :pos, :text, :correct)""",
						new MapSqlParameterSource("question", questionId).addValue("pos", j)
							.addValue("text", q.options().get(j).text())
							.addValue("correct", q.options().get(j).correct()));
			}
		}
	}

	/** The course's quiz, if it has questions; with them for a detail view. */
	Optional<CourseView.QuizView> of(long courseId, boolean withQuestions, boolean withAnswers) {
		return this.jdbc
			.query("""
					select q.id, q.pass_score, q.points, (select count(*) from academy_question x where x.quiz_id = q.id) n
					from academy_quiz q where q.course_id = :course""",
					new MapSqlParameterSource("course", courseId),
					(rs, n) -> new CourseView.QuizView(rs.getLong("id"), rs.getInt("pass_score"),
							rs.getBigDecimal("points"), rs.getInt("n"),
							withQuestions ? questions(rs.getLong("id"), withAnswers) : null))
			.stream()
			.filter(quiz -> quiz.questionCount() > 0)
			.findFirst();
	}

	/** A quiz's questions, in order, each with its options. */
	List<CourseView.QuestionView> questions(long quizId, boolean withAnswers) {
		Map<Long, CourseView.QuestionView> questions = new LinkedHashMap<>();
		this.jdbc.query("""
				select q.id, q.kind, q.text, o.id as option_id, o.text as option_text, o.correct
				from academy_question q left join academy_option o on o.question_id = q.id
				where q.quiz_id = :quiz order by q.position, o.position""", new MapSqlParameterSource("quiz", quizId),
				(RowCallbackHandler) rs -> {
					CourseView.QuestionView question = questions.computeIfAbsent(rs.getLong("id"),
							id -> new CourseView.QuestionView(id, get(rs, "kind"), get(rs, "text"), new ArrayList<>()));
					long optionId = rs.getLong("option_id");
					if (!rs.wasNull()) {
						question.options()
							.add(new CourseView.OptionView(optionId, rs.getString("option_text"),
									withAnswers ? Boolean.valueOf(rs.getBoolean("correct")) : null));
					}
				});
		return List.copyOf(questions.values());
	}

	/** The learner's progress and quiz results for these courses. */
	Map<Long, CourseView.Mine> mine(long userId, List<Long> courseIds) {
		Map<Long, CourseView.Mine> mine = new HashMap<>();
		this.jdbc.query("""
				select c.id, p.position, p.percent, p.completed_at,
				       (select max(a.score) from academy_attempt a join academy_quiz q on q.id = a.quiz_id
				        where q.course_id = c.id and a.user_id = :user) as best,
				       exists (select 1 from academy_attempt a join academy_quiz q on q.id = a.quiz_id
				               where q.course_id = c.id and a.user_id = :user and a.passed) as passed
				from academy_course c left join academy_progress p on p.course_id = c.id and p.user_id = :user
				where c.id in (:ids)""",
				new MapSqlParameterSource("user", userId).addValue("ids", Set.copyOf(courseIds)),
				(RowCallbackHandler) rs -> {
					java.sql.Timestamp completed = rs.getTimestamp("completed_at");
					BigDecimal position = rs.getBigDecimal("position");
					BigDecimal percent = rs.getBigDecimal("percent");
					mine.put(rs.getLong("id"),
							new CourseView.Mine(position == null ? BigDecimal.ZERO : position,
									percent == null ? BigDecimal.ZERO : percent, completed != null,
									completed == null ? null : completed.toInstant(), rs.getBoolean("passed"),
									rs.getObject("best", Integer.class)));
				});
		return mine;
	}

	private static String get(java.sql.ResultSet rs, String column) {
		try {
			return rs.getString(column);
		}
		catch (java.sql.SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
