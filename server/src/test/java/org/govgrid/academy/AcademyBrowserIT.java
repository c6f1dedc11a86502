package org.govgrid.academy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import com.microsoft.playwright.Page;
import org.govgrid.support.Accounts;
import org.govgrid.support.ApiClient;
import org.govgrid.support.ApiClient.Response;
import org.govgrid.support.BrowserTest;
import org.govgrid.support.TestVideos;
import org.junit.jupiter.api.Test;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * 网格学院 in the phone app and the console: worker1 opens the 学习 tab, plays a required video
 * course to the end (the mp4 streamed in byte ranges, so the player can seek), the course
 * completes and earns its points, then passes the quiz and sees the points; the centre
 * sees the course list, the editor with the quiz and the learning records. Screenshots in
 * zh-CN and English: {@code target/screenshots/academy-*}.
 */
class AcademyBrowserIT extends BrowserTest {

	private static final String TOWN = "320505006";

	@Test
	void aWorkerPlaysAVideoCourseToTheEndAndPassesItsQuiz() {
		ApiClient center = this.accounts.signedIn(this.port, "CENTER_STAFF", TOWN);
		Response upload = center.upload("/api/v1/files", "mediation.mp4", TestVideos.mp4(320, 240, 10, 40));
		assertThat(upload.status()).as(upload.body()).isEqualTo(201);
		String title = "矛盾纠纷调解技巧（视频）" + System.nanoTime() % 10_000;
		List<Object> questions = new ArrayList<>();
		for (int i = 1; i <= 5; i++) {
			questions.add(Map.of("kind", i == 5 ? "TRUE_FALSE" : "SINGLE", "text", "调解第" + i + "步应当怎么做？", "options",
					List.of(Map.of("text", "先听双方把话说完", "correct", true), Map.of("text", "直接判定对错", "correct", false))));
		}
		Map<String, Object> course = new HashMap<>(Map.of("title", title, "summary", "邻里纠纷调解的步骤与沟通方法", "kind", "VIDEO",
				"fileId", upload.json().path("id").asLong(), "durationSeconds", 4, "points", 4, "published", true,
				"requiredRoles", List.of("GRID_WORKER"), "quiz",
				Map.of("passScore", 80, "points", 2, "questions", questions)));
		Response created = center.post("/api/v1/academy/courses", course);
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		long courseId = created.json().path("id").asLong();

		ApiClient workerApi = this.accounts.demo(this.port, "worker1");
		BigDecimal before = points(workerApi);
		Page phone = newPhone();
		signInOnPhone(phone, "worker1", Accounts.PASSWORD);
		phone.click("[data-testid=tab-study]");
		phone.waitForURL(Pattern.compile(".*/m/study$"));
		assertThat(phone.locator("[data-testid=course-item]")
			.filter(new com.microsoft.playwright.Locator.FilterOptions().setHasText(title))).containsText("必修");
		shoot(phone, "academy-mobile-list");
		phone.locator("[data-testid=course-item]")
			.filter(new com.microsoft.playwright.Locator.FilterOptions().setHasText(title))
			.click();
		phone.waitForURL(Pattern.compile(".*/m/study/" + courseId + "$"));

		// the server answers ranges, so the whole file is seekable before it is played
		phone.waitForFunction("() => { const v = document.querySelector('[data-testid=course-video]');"
				+ " return v && v.readyState >= 1 && v.seekable.length > 0 && v.seekable.end(0) > 3; }");
		phone.evaluate("() => { const v = document.querySelector('[data-testid=course-video]');"
				+ " v.muted = true; v.currentTime = 1; return v.play(); }");
		assertThat(phone.locator("[data-testid=course-status]")).hasText("已完成",
				new com.microsoft.playwright.assertions.LocatorAssertions.HasTextOptions().setTimeout(30_000));
		assertThat(phone.locator("[data-testid=earned]")).containsText("+4");
		shoot(phone, "academy-mobile-course");
		assertThat(points(workerApi).subtract(before)).isEqualByComparingTo("4");

		for (int i = 0; i < 5; i++) {
			phone.locator("[data-testid=quiz] .van-cell-group").nth(i).locator(".van-radio").first().click();
		}
		phone.click("[data-testid=submit-quiz]");
		assertThat(phone.locator("[data-testid=quiz-result]")).containsText("100");
		assertThat(phone.locator("[data-testid=quiz-points]")).containsText("2");
		shoot(phone, "academy-mobile-quiz");
		assertThat(points(workerApi).subtract(before)).isEqualByComparingTo("6");

		// English
		phone.evaluate("() => localStorage.setItem('govgrid.locale', 'en')");
		phone.reload();
		assertThat(phone.locator("[data-testid=course-status]")).hasText("Completed");
		assertThat(phone.locator("[data-testid=quiz-passed-before]")).containsText("100");
		shoot(phone, "academy-mobile-course-en");
		phone.navigate(url("/m/study"));
		assertThat(phone.locator("[data-testid=course-item]").first()).isVisible();
		shoot(phone, "academy-mobile-list-en");
		phone.context().close();

		// the console: the centre's course list, the editor with the quiz, the records
		String centerName = center.get("/api/v1/auth/me").json().path("username").asString();
		Page console = newPage();
		signIn(console, centerName, Accounts.PASSWORD);
		console.waitForURL(url -> !url.contains("login"));
		console.navigate(url("/academy/courses"));
		assertThat(console.locator("[data-testid=course-table]")).containsText(title);
		shoot(console, "academy-console-courses");
		console.locator("[data-testid=course-table] tr")
			.filter(new com.microsoft.playwright.Locator.FilterOptions().setHasText(title))
			.locator("[data-testid=course-edit]")
			.click();
		assertThat(console.locator("[data-testid=quiz-question]")).hasCount(5);
		shoot(console, "academy-console-course-edit");
		console.keyboard().press("Escape");
		console.navigate(url("/academy/records"));
		assertThat(console.locator("[data-testid=record-table]")).containsText("网格员一");
		assertThat(console.locator("[data-testid=record-table] .el-loading-mask")).hasCount(0);
		shoot(console, "academy-console-records");
		console.evaluate("() => localStorage.setItem('govgrid.locale', 'en')");
		console.navigate(url("/academy/courses"));
		assertThat(console.locator("[data-testid=course-table]")).containsText("Required for");
		shoot(console, "academy-console-courses-en");
		console.locator("[data-testid=course-create]").click();
		console.locator("[data-testid=quiz-toggle]").click();
		console.locator("[data-testid=quiz-add]").click();
		shoot(console, "academy-console-course-new-en");
		console.keyboard().press("Escape");
		console.navigate(url("/academy/records"));
		assertThat(console.locator("[data-testid=record-table]")).containsText("Required done");
		assertThat(console.locator("[data-testid=record-table] .el-loading-mask")).hasCount(0);
		shoot(console, "academy-console-records-en");
		console.context().close();
	}

	private static BigDecimal points(ApiClient client) {
		Response me = client.get("/api/v1/points/me");
		assertThat(me.status()).as(me.body()).isEqualTo(200);
		return new BigDecimal(me.json().path("points").asString("0"));
	}

}
