package org.govgrid.academy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.govgrid.platform.FieldErrors;

/**
 * Checks a {@link CourseCommand} field by field, naming every bad one, and gives back the
 * cleaned values. Text bodies are plain text: control characters other than line breaks
 * and tabs are dropped; the clients render it as text, never as HTML.
 */
final class CourseInput {

	static final Set<String> ROLES = Set.of("TOWN_LEADER", "CENTER_STAFF", "DEPT_HANDLER", "GRID_CHIEF", "GRID_WORKER");

	static final int MAX_BODY = 20_000;

	static final BigDecimal MAX_POINTS = new BigDecimal("100");

	private CourseInput() {
	}

	record Valid(String title, String summary, CourseKind kind, Long fileId, String body, Integer durationSeconds,
			Integer pages, List<String> requiredRoles, BigDecimal points, boolean published, ValidQuiz quiz) {
	}

	record ValidQuiz(int passScore, BigDecimal points, List<ValidQuestion> questions) {
	}

	record ValidQuestion(QuestionKind kind, String text, List<CourseCommand.Option> options) {
	}

	enum QuestionKind {

		SINGLE, MULTIPLE, TRUE_FALSE

	}

	static Valid check(CourseCommand c, FieldErrors errors) {
		String title = text(errors, "title", c.title(), 100, true);
		String summary = text(errors, "summary", c.summary(), 500, false);
		CourseKind kind = null;
		if (c.kind() == null || c.kind().isBlank()) {
			errors.add("kind", "required: VIDEO, PDF or TEXT / 请选择课程类型");
		}
		else {
			try {
				kind = CourseKind.valueOf(c.kind().strip().toUpperCase(Locale.ROOT));
			}
			catch (IllegalArgumentException ex) {
				errors.add("kind", "VIDEO, PDF or TEXT / 课程类型须为视频、文档或图文");
			}
		}
		String body = null;
		if (kind == CourseKind.TEXT) {
			body = c.body() == null ? null : c.body().replaceAll("[\\p{Cntrl}&&[^\\n\\t]]", "").strip();
			if (body == null || body.isEmpty()) {
				errors.add("body", "required for a text course / 请填写课程正文");
			}
			else if (body.length() > MAX_BODY) {
				errors.add("body", "at most " + MAX_BODY + " characters / 正文过长");
			}
		}
		if (kind != null && kind.hasFile() && c.fileId() == null) {
			errors.add("fileId", kind == CourseKind.VIDEO ? "an uploaded mp4 is required / 请上传 mp4 视频"
					: "an uploaded pdf is required / 请上传 pdf 文档");
		}
		if (c.durationSeconds() != null && (c.durationSeconds() < 1 || c.durationSeconds() > 86_400)) {
			errors.add("durationSeconds", "between 1 and 86400 / 时长须在 1–86400 秒之间");
		}
		if (c.pages() != null && (c.pages() < 1 || c.pages() > 10_000)) {
			errors.add("pages", "between 1 and 10000 / 页数须在 1–10000 之间");
		}
		List<String> roles = new ArrayList<>();
		if (c.requiredRoles() != null) {
			for (int i = 0; i < c.requiredRoles().size(); i++) {
				String role = c.requiredRoles().get(i);
				if (role == null || !ROLES.contains(role.strip())) {
					errors.add("requiredRoles[" + i + "]", "not a business role / 不是业务角色");
				}
				else if (!roles.contains(role.strip())) {
					roles.add(role.strip());
				}
			}
		}
		BigDecimal points = points(errors, "points", c.points());
		ValidQuiz quiz = c.quiz() == null ? null : quiz(c.quiz(), errors);
		return new Valid(title, summary, kind, kind != null && kind.hasFile() ? c.fileId() : null, body,
				c.durationSeconds(), kind == CourseKind.PDF ? c.pages() : null, List.copyOf(roles), points,
				Boolean.TRUE.equals(c.published()), quiz);
	}

	private static ValidQuiz quiz(CourseCommand.Quiz q, FieldErrors errors) {
		if (q.passScore() == null || q.passScore() < 1 || q.passScore() > 100) {
			errors.add("quiz.passScore", "between 1 and 100 / 及格分须在 1–100 之间");
		}
		BigDecimal points = points(errors, "quiz.points", q.points());
		List<ValidQuestion> questions = new ArrayList<>();
		if (q.questions() == null || q.questions().isEmpty() || q.questions().size() > 50) {
			errors.add("quiz.questions", "1 to 50 questions / 测验须有 1–50 道题");
		}
		else {
			for (int i = 0; i < q.questions().size(); i++) {
				ValidQuestion question = question("quiz.questions[" + i + "]", q.questions().get(i), errors);
				if (question != null) {
					questions.add(question);
				}
			}
		}
		return new ValidQuiz(q.passScore() == null ? 0 : q.passScore(), points, questions);
	}

	private static ValidQuestion question(String field, CourseCommand.Question q, FieldErrors errors) {
		if (q == null) {
			errors.add(field, "required / 必填");
			return null;
		}
		String text = text(errors, field + ".text", q.text(), 500, true);
		QuestionKind kind = null;
		try {
			kind = q.kind() == null ? null : QuestionKind.valueOf(q.kind().strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			// named below
		}
		if (kind == null) {
			errors.add(field + ".kind", "SINGLE, MULTIPLE or TRUE_FALSE / 题型须为单选、多选或判断");
		}
		List<CourseCommand.Option> options = q.options() == null ? List.of() : q.options();
		int min = 2;
		int max = kind == QuestionKind.TRUE_FALSE ? 2 : 8;
		if (options.size() < min || options.size() > max) {
			errors.add(field + ".options", kind == QuestionKind.TRUE_FALSE ? "exactly 2 options / 判断题须有 2 个选项"
					: "2 to 8 options / 须有 2–8 个选项");
		}
		Set<String> seen = new LinkedHashSet<>();
		List<CourseCommand.Option> clean = new ArrayList<>();
		long correct = 0;
		for (int i = 0; i < options.size(); i++) {
			CourseCommand.Option option = options.get(i);
			String optionText = text(errors, field + ".options[" + i + "].text", option == null ? null : option.text(),
					200, true);
			if (optionText != null && !seen.add(optionText)) {
				errors.add(field + ".options[" + i + "].text", "listed twice / 选项重复");
			}
			boolean right = option != null && Boolean.TRUE.equals(option.correct());
			correct += right ? 1 : 0;
			clean.add(new CourseCommand.Option(optionText, right));
		}
		if (kind != null && options.size() >= min) {
			if (kind == QuestionKind.MULTIPLE ? correct < 1 : correct != 1) {
				errors.add(field + ".options", kind == QuestionKind.MULTIPLE
						? "mark at least one right answer / 请标出正确答案" : "mark exactly one right answer / 须标出唯一正确答案");
			}
		}
		return new ValidQuestion(kind, text, clean);
	}

	private static BigDecimal points(FieldErrors errors, String field, BigDecimal value) {
		if (value == null) {
			return BigDecimal.ZERO;
		}
		if (value.signum() < 0 || value.compareTo(MAX_POINTS) > 0 || value.scale() > 2) {
			errors.add(field, "0 to 100, at most 2 decimals / 积分须在 0–100 之间");
			return BigDecimal.ZERO;
		}
		return value;
	}

	static String text(FieldErrors errors, String field, String value, int max, boolean required) {
		if (value == null || value.isBlank()) {
			if (required) {
				errors.add(field, "required / 必填");
			}
			return null;
		}
		String clean = value.replaceAll("\\p{Cntrl}", " ").strip();
		if (clean.length() > max) {
			errors.add(field, "at most " + max + " characters / 最多" + max + "个字符");
		}
		return clean;
	}

}
