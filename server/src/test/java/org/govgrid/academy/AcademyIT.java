package org.govgrid.academy;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.govgrid.support.ApiClient;
import org.govgrid.support.ApiClient.Response;
import org.govgrid.support.ApiIntegrationTest;
import org.govgrid.support.TestVideos;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 网格学院 over real HTTP: courses made by the centre, a grid worker's progress (never back,
 * complete once), the points that earns in 我的积分, a quiz scored with its key kept from
 * learners, a second pass earning nothing, the video served in byte ranges, bad input and
 * scope.
 */
class AcademyIT extends ApiIntegrationTest {

	static final String TOWN = "320505006";

	static final String GRID = "320505006001001";

	static final String OTHER_TOWN = "320505007";

	/**
	 * Five questions: four single/true-false with the first option right, one multiple.
	 */
	static Map<String, Object> quiz(int passScore, int points) {
		List<Object> questions = new ArrayList<>();
		for (int i = 1; i <= 4; i++) {
			questions.add(Map.of("kind", i == 4 ? "TRUE_FALSE" : "SINGLE", "text", "第" + i + "题", "options",
					List.of(Map.of("text", "对", "correct", true), Map.of("text", "错", "correct", false))));
		}
		questions
			.add(Map.of("kind", "MULTIPLE", "text", "第5题（多选）", "options", List.of(Map.of("text", "甲", "correct", true),
					Map.of("text", "乙", "correct", true), Map.of("text", "丙", "correct", false))));
		return Map.of("passScore", passScore, "points", points, "questions", questions);
	}

	static Map<String, Object> textCourse(String title, Object quiz) {
		Map<String, Object> body = new HashMap<>();
		body.put("title", title);
		body.put("summary", "基层网格员日常工作要求");
		body.put("kind", "TEXT");
		body.put("body", "一、按时巡查。\n二、<script>alert(1)</script> 及时上报。");
		body.put("requiredRoles", List.of("GRID_WORKER"));
		body.put("points", 3);
		body.put("published", true);
		body.put("quiz", quiz);
		return body;
	}

	private static long created(Response response) {
		assertThat(response.status()).as(response.body()).isEqualTo(201);
		return response.json().path("id").asLong();
	}

	private static BigDecimal monthPoints(ApiClient client) {
		Response me = client.get("/api/v1/points/me");
		assertThat(me.status()).as(me.body()).isEqualTo(200);
		return new BigDecimal(me.json().path("points").asString("0"));
	}

	/**
	 * Answers: every question's first option (the right one), the multiple choice's two.
	 */
	private static List<Map<String, Object>> answers(JsonNode quiz, boolean allRight) {
		List<Map<String, Object>> answers = new ArrayList<>();
		for (JsonNode q : quiz.path("questions")) {
			List<Long> options = new ArrayList<>();
			JsonNode opts = q.path("options");
			if (q.path("kind").asString().equals("MULTIPLE")) {
				options.add(opts.get(0).path("id").asLong());
				options.add(opts.get(allRight ? 1 : 2).path("id").asLong());
			}
			else {
				options.add(opts.get(0).path("id").asLong());
			}
			answers.add(Map.of("questionId", q.path("id").asLong(), "optionIds", options));
		}
		return answers;
	}

	@Test
	void completingACourseAndPassingItsQuizEarnPointsOnce() {
		ApiClient center = this.accounts.signedIn(this.port, "CENTER_STAFF", TOWN);
		ApiClient worker = this.accounts.signedIn(this.port, "GRID_WORKER", GRID);
		String title = "网格员工作规范 " + System.nanoTime();
		long courseId = created(center.post("/api/v1/academy/courses", textCourse(title, quiz(80, 2))));

		Response listed = worker.get("/api/v1/academy/courses?required=true&size=200");
		assertThat(listed.status()).as(listed.body()).isEqualTo(200);
		JsonNode mine = null;
		for (JsonNode c : listed.json().path("items")) {
			if (c.path("id").asLong() == courseId) {
				mine = c;
			}
		}
		assertThat(mine).as("the required course in the worker's list").isNotNull();
		assertThat(mine.path("requiredForMe").asBoolean()).isTrue();
		assertThat(mine.path("mine").path("completed").asBoolean()).isFalse();

		Response detail = worker.get("/api/v1/academy/courses/" + courseId);
		assertThat(detail.status()).isEqualTo(200);
		assertThat(detail.json().path("body").asString()).contains("<script>");
		JsonNode quiz = detail.json().path("quiz");
		assertThat(quiz.path("questions")).hasSize(5);
		// the key never reaches a learner
		assertThat(detail.body()).doesNotContain("\"correct\":true").doesNotContain("\"correct\":false");
		assertThat(center.get("/api/v1/academy/courses/" + courseId).body()).contains("\"correct\":true");

		BigDecimal before = monthPoints(worker);
		Response reading = worker.post("/api/v1/academy/courses/" + courseId + "/progress",
				Map.of("position", 3, "percent", 60));
		assertThat(reading.status()).as(reading.body()).isEqualTo(200);
		assertThat(reading.json().path("completed").asBoolean()).isFalse();
		Response done = worker.post("/api/v1/academy/courses/" + courseId + "/progress",
				Map.of("position", 5, "percent", 100, "completed", true));
		assertThat(done.json().path("justCompleted").asBoolean()).as(done.body()).isTrue();
		Response again = worker.post("/api/v1/academy/courses/" + courseId + "/progress",
				Map.of("position", 5, "percent", 100, "completed", true));
		assertThat(again.json().path("justCompleted").asBoolean()).isFalse();
		assertThat(again.json().path("completed").asBoolean()).isTrue();
		BigDecimal afterCourse = monthPoints(worker);
		assertThat(afterCourse.subtract(before)).isEqualByComparingTo("3");

		long quizId = quiz.path("id").asLong();
		Response failed = worker.post("/api/v1/academy/quizzes/" + quizId + "/attempts",
				Map.of("answers", answers(quiz, false)));
		assertThat(failed.status()).as(failed.body()).isEqualTo(200);
		assertThat(failed.json().path("score").asInt()).isEqualTo(80);
		assertThat(failed.json().path("passed").asBoolean()).isTrue();
		assertThat(failed.json().path("correct")).hasSize(4);
		assertThat(failed.json().path("firstPass").asBoolean()).isTrue();
		assertThat(monthPoints(worker).subtract(afterCourse)).isEqualByComparingTo("2");

		Response perfect = worker.post("/api/v1/academy/quizzes/" + quizId + "/attempts",
				Map.of("answers", answers(quiz, true)));
		assertThat(perfect.json().path("score").asInt()).isEqualTo(100);
		assertThat(perfect.json().path("passed").asBoolean()).isTrue();
		assertThat(perfect.json().path("firstPass").asBoolean()).isFalse();
		assertThat(monthPoints(worker).subtract(afterCourse)).as("a second pass adds nothing")
			.isEqualByComparingTo("2");
		assertThat(this.jdbc.queryForObject("select count(*) from academy_attempt where quiz_id = ?", Integer.class,
				quizId))
			.isEqualTo(2);

		long workerId = worker.get("/api/v1/auth/me").json().path("id").asLong();
		Response records = center.get("/api/v1/academy/records?userId=" + workerId);
		assertThat(records.status()).as(records.body()).isEqualTo(200);
		JsonNode row = records.json().path("items").get(0);
		assertThat(row.path("requiredDone").asInt()).isGreaterThanOrEqualTo(1);
		assertThat(row.path("quizzesPassed").asInt()).isGreaterThanOrEqualTo(1);
		Response own = worker.get("/api/v1/academy/records");
		assertThat(own.json().path("total").asInt()).isEqualTo(1);
		assertThat(own.json().path("items").get(0).path("userId").asLong()).isEqualTo(workerId);
	}

	@Test
	void aVideoCourseIsServedInRangesAndItsProgressNeverGoesBack() throws Exception {
		ApiClient center = this.accounts.signedIn(this.port, "CENTER_STAFF", TOWN);
		ApiClient worker = this.accounts.signedIn(this.port, "GRID_WORKER", GRID);
		Response upload = center.upload("/api/v1/files", "mediation.mp4", TestVideos.mp4(320, 240, 10, 20));
		assertThat(upload.status()).as(upload.body()).isEqualTo(201);
		Map<String, Object> body = new HashMap<>(Map.of("title", "矛盾纠纷调解技巧 " + System.nanoTime(), "kind", "VIDEO",
				"fileId", upload.json().path("id").asLong(), "durationSeconds", 2, "points", 4, "published", true,
				"requiredRoles", List.of("GRID_WORKER")));
		long courseId = created(center.post("/api/v1/academy/courses", body));
		JsonNode course = worker.get("/api/v1/academy/courses/" + courseId).json();
		String url = course.path("contentUrl").asString();
		assertThat(url).startsWith("/api/v1/files/");

		HttpResponse<byte[]> part = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + url))
				.header("Cookie", "GOVGRID_SESSION=" + worker.sessionCookie())
				.header("Range", "bytes=0-99")
				.build(), HttpResponse.BodyHandlers.ofByteArray());
		assertThat(part.statusCode()).isEqualTo(206);
		assertThat(part.body()).hasSize(100);
		assertThat(part.headers().firstValue("Accept-Ranges")).hasValue("bytes");
		assertThat(part.headers().firstValue("Content-Range").orElseThrow())
			.isEqualTo("bytes 0-99/" + upload.json().path("size").asLong());
		// another town's worker cannot read the file of a course that does not reach them
		ApiClient stranger = this.accounts.signedIn(this.port, "GRID_WORKER", OTHER_TOWN + "001001");
		assertThat(stranger.get(url).status()).isEqualTo(404);
		assertThat(stranger.get("/api/v1/academy/courses/" + courseId).status()).isEqualTo(404);

		String progress = "/api/v1/academy/courses/" + courseId + "/progress";
		assertThat(worker.post(progress, Map.of("position", 1.2, "percent", 60)).json().path("percent").asDouble())
			.isEqualTo(60.0);
		JsonNode back = worker.post(progress, Map.of("position", 0.4, "percent", 20)).json();
		assertThat(back.path("percent").asDouble()).as("progress never goes back").isEqualTo(60.0);
		assertThat(back.path("position").asDouble()).isEqualTo(1.2);
		assertThat(back.path("completed").asBoolean()).isFalse();
		// a video is not completed by a claim, only by watching 95 %
		assertThat(worker.post(progress, Map.of("position", 1.3, "percent", 70, "completed", true))
			.json()
			.path("completed")
			.asBoolean()).isFalse();
		JsonNode done = worker.post(progress, Map.of("position", 1.9, "percent", 95)).json();
		assertThat(done.path("justCompleted").asBoolean()).isTrue();
		assertThat(done.path("pointsEarned").decimalValue()).isEqualByComparingTo("4");
	}

	@Test
	void aPdfCourseCompletesAtNinetyFivePercentOfItsPages() {
		ApiClient center = this.accounts.signedIn(this.port, "CENTER_STAFF", TOWN);
		ApiClient worker = this.accounts.signedIn(this.port, "GRID_WORKER", GRID);
		byte[] pdf = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
			.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
		long pdfId = center.upload("/api/v1/files", "handbook.pdf", pdf).json().path("id").asLong();
		long mp4Id = center.upload("/api/v1/files", "clip.mp4", TestVideos.mp4(160, 120, 5, 5))
			.json()
			.path("id")
			.asLong();
		// a video where a pdf belongs is named
		Response wrong = center.post("/api/v1/academy/courses",
				Map.of("title", "错配", "kind", "PDF", "fileId", mp4Id, "pages", 20, "published", true));
		assertThat(wrong.status()).isEqualTo(400);
		assertThat(wrong.errorFields()).containsExactly("fileId");
		long courseId = created(center.post("/api/v1/academy/courses", Map.of("title", "网格员手册 " + System.nanoTime(),
				"kind", "PDF", "fileId", pdfId, "pages", 20, "points", 1, "published", true)));
		String progress = "/api/v1/academy/courses/" + courseId + "/progress";
		assertThat(worker.post(progress, Map.of("position", 18, "percent", 90)).json().path("completed").asBoolean())
			.isFalse();
		JsonNode done = worker.post(progress, Map.of("position", 19, "percent", 95)).json();
		assertThat(done.path("justCompleted").asBoolean()).isTrue();
		assertThat(done.path("position").asDouble()).isEqualTo(19.0);
		// a file attached to a course is not attached again elsewhere
		Response reused = center.post("/api/v1/academy/courses",
				Map.of("title", "复用", "kind", "PDF", "fileId", pdfId, "published", true));
		assertThat(reused.errorFields()).containsExactly("fileId");
	}

	@Test
	void badInputNamesEveryFieldAndWritesNothing() {
		ApiClient center = this.accounts.signedIn(this.port, "CENTER_STAFF", TOWN);
		Integer before = this.jdbc.queryForObject("select count(*) from academy_course", Integer.class);
		Map<String, Object> bad = new HashMap<>();
		bad.put("title", " ");
		bad.put("kind", "AUDIO");
		bad.put("requiredRoles", List.of("SYS_ADMIN"));
		bad.put("points", -1);
		bad.put("quiz", Map.of("passScore", 0, "questions", List.of(Map.of("kind", "SINGLE", "text", "题", "options",
				List.of(Map.of("text", "甲", "correct", true), Map.of("text", "乙", "correct", true))))));
		Response response = center.post("/api/v1/academy/courses", bad);
		assertThat(response.status()).as(response.body()).isEqualTo(400);
		assertThat(response.errorFields()).contains("title", "kind", "requiredRoles[0]", "points", "quiz.passScore",
				"quiz.questions[0].options");
		Response video = center.post("/api/v1/academy/courses", Map.of("title", "无视频", "kind", "VIDEO"));
		assertThat(video.errorFields()).contains("fileId");
		assertThat(this.jdbc.queryForObject("select count(*) from academy_course", Integer.class)).isEqualTo(before);

		ApiClient worker = this.accounts.signedIn(this.port, "GRID_WORKER", GRID);
		long courseId = created(
				center.post("/api/v1/academy/courses", textCourse("测验校验 " + System.nanoTime(), quiz(60, 1))));
		JsonNode quiz = worker.get("/api/v1/academy/courses/" + courseId).json().path("quiz");
		List<Map<String, Object>> answers = answers(quiz, true);
		answers.set(0, Map.of("questionId", 987654321L, "optionIds", List.of(1L)));
		answers.set(1,
				Map.of("questionId", quiz.path("questions").get(1).path("id").asLong(), "optionIds",
						List.of(quiz.path("questions").get(1).path("options").get(0).path("id").asLong(),
								quiz.path("questions").get(1).path("options").get(1).path("id").asLong())));
		Response attempt = worker.post("/api/v1/academy/quizzes/" + quiz.path("id").asLong() + "/attempts",
				Map.of("answers", answers));
		assertThat(attempt.status()).as(attempt.body()).isEqualTo(400);
		assertThat(attempt.errorFields()).contains("answers[0].questionId", "answers[1].optionIds");
		Response progress = worker.post("/api/v1/academy/courses/" + courseId + "/progress",
				Map.of("position", -1, "percent", 120));
		assertThat(progress.errorFields()).contains("position", "percent");
	}

	@Test
	void scopeHidesOtherTownsCoursesAndPeople() {
		ApiClient otherCenter = this.accounts.signedIn(this.port, "CENTER_STAFF", OTHER_TOWN);
		long hidden = created(
				otherCenter.post("/api/v1/academy/courses", textCourse("他镇课程 " + System.nanoTime(), null)));
		Map<String, Object> draft = textCourse("未发布 " + System.nanoTime(), null);
		draft.put("published", false);
		ApiClient center = this.accounts.signedIn(this.port, "CENTER_STAFF", TOWN);
		long unpublished = created(center.post("/api/v1/academy/courses", draft));
		ApiClient worker = this.accounts.signedIn(this.port, "GRID_WORKER", GRID);
		ApiClient chief = this.accounts.signedIn(this.port, "GRID_CHIEF", "320505006001");

		assertThat(center.get("/api/v1/academy/courses/" + hidden).status()).isEqualTo(404);
		assertThat(center.put("/api/v1/academy/courses/" + hidden, textCourse("改", null)).status()).isEqualTo(404);
		assertThat(worker.get("/api/v1/academy/courses/" + hidden).status()).isEqualTo(404);
		assertThat(worker.get("/api/v1/academy/courses/" + unpublished).status()).isEqualTo(404);
		assertThat(worker.post("/api/v1/academy/courses/" + unpublished + "/progress", Map.of("percent", 10)).status())
			.isEqualTo(404);
		assertThat(center.get("/api/v1/academy/courses/" + unpublished).json().path("editable").asBoolean()).isTrue();

		long otherWorker = this.accounts
			.id(this.accounts.create("ac_other_" + System.nanoTime(), "GRID_WORKER", OTHER_TOWN + "001001"));
		long workerId = worker.get("/api/v1/auth/me").json().path("id").asLong();
		assertThat(chief.get("/api/v1/academy/records?userId=" + otherWorker).status()).isEqualTo(404);
		assertThat(chief.get("/api/v1/academy/records?userId=" + workerId).status()).isEqualTo(200);
		assertThat(worker.get("/api/v1/academy/records?userId=" + otherWorker).status()).isEqualTo(404);
		Response people = chief.get("/api/v1/academy/records?size=200");
		assertThat(people.status()).isEqualTo(200);
		for (JsonNode row : people.json().path("items")) {
			assertThat(row.path("regionPath").asString()).contains("320505006001");
		}
	}

}
