package org.govgrid.mobile;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntSupplier;
import java.util.regex.Pattern;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Route;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.Geolocation;
import org.govgrid.support.Accounts;
import org.govgrid.support.ApiClient;
import org.govgrid.support.ApiClient.Response;
import org.govgrid.support.BrowserTest;
import org.govgrid.support.Chromium;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * 全科巡查 and 信息采集 in the phone app (网格通, {@code /m/}) in Chromium emulating a phone:
 * worker1 walks a patrol while the test moves the phone's position, reports a problem
 * from the checklist and finishes; the centre finds the event and the patrol (its
 * distance as the path's length), and the console's replay draws it. Then, without a
 * network, an event report and a collection record wait in the queue and arrive exactly
 * once each, even when the first answer of each is lost. Screenshots:
 * {@code target/screenshots/mobile-patrol-*}, {@code mobile-collect-*},
 * {@code console-patrol-replay}.
 */
class MobilePatrolBrowserIT extends BrowserTest {

	private static final String GRID = "320505006001001";

	/** About 40 m of longitude and of latitude around the grid (31.3° N). */
	private static final double STEP_LON = 40 / (111_195 * Math.cos(Math.toRadians(31.3)));

	private static final double STEP_LAT = 40 / 111_195.0;

	private static Chromium phone;

	private BrowserContext context;

	@BeforeAll
	static void launchPhoneBrowser() {
		phone = Chromium.launch();
	}

	@AfterAll
	static void closePhoneBrowser() {
		if (phone != null) {
			phone.close();
		}
	}

	@AfterEach
	void closeContext() {
		if (this.context != null) {
			this.context.close();
		}
	}

	private Page newPhonePage(double lon, double lat) {
		this.context = phone.browser()
			.newContext(new Browser.NewContextOptions().setLocale("zh-CN")
				.setTimezoneId("Asia/Shanghai")
				.setViewportSize(390, 844)
				.setDeviceScaleFactor(2)
				.setIsMobile(true)
				.setHasTouch(true)
				.setGeolocation(new Geolocation(lat, lon).setAccuracy(5))
				.setPermissions(List.of("geolocation")));
		this.context.setDefaultTimeout(20_000);
		return this.context.newPage();
	}

	/** worker1, already past the forced change, signed in on the phone. */
	private Page signInOnPhone(double lon, double lat) {
		this.accounts.demo(this.port, "worker1");
		Page page = newPhonePage(lon, lat);
		page.navigate(url("/m/"));
		page.waitForURL(Pattern.compile(".*/m/login.*"));
		page.fill("input[name=username]", "worker1");
		page.fill("input[name=password]", Accounts.PASSWORD);
		page.click("[data-testid=login-submit]");
		page.waitForURL(url -> url.endsWith("/m/"));
		return page;
	}

	@Test
	void aWorkerWalksAPatrolReportsAProblemAndTheConsoleReplaysIt() {
		double[] centre = center(GRID);
		String nonce = UUID.randomUUID().toString().substring(0, 8);
		String problem = "巡查发现菜场门口占道摆摊 " + nonce;
		// an L-shaped walk: five steps east, four north, about 40 m each
		List<double[]> path = new ArrayList<>();
		for (int i = 0; i < 10; i++) {
			int east = Math.min(i, 5);
			int north = Math.max(0, i - 5);
			path.add(new double[] { centre[0] + east * STEP_LON, centre[1] + north * STEP_LAT });
		}
		double length = 0;
		for (int i = 1; i < path.size(); i++) {
			length += haversine(path.get(i - 1), path.get(i));
		}

		Page page = signInOnPhone(path.get(0)[0], path.get(0)[1]);
		assertThat(page.locator("[data-testid=home-patrol]")).containsText("今日巡查");
		page.click("[data-testid=home-patrol-start]");
		page.waitForURL(Pattern.compile(".*/m/patrol$"));
		page.click("[data-testid=patrol-domain][data-code=SR]");
		shoot(page, "mobile-patrol-domains");
		page.click("[data-testid=patrol-start]");
		assertThat(page.locator("[data-testid=patrol-domain-name]")).hasText("市容秩序");
		long patrolId = ((Number) page.evaluate("() => JSON.parse(localStorage.getItem('govgrid.m.patrol.active')).id"))
			.longValue();

		// the walk: the phone reports each new position (1.8 s per 40 m, so no point
		// looks like a jump)
		waitForPoints(page, 1);
		for (int i = 1; i < path.size(); i++) {
			page.waitForTimeout(1_800);
			this.context.setGeolocation(new Geolocation(path.get(i)[1], path.get(i)[0]).setAccuracy(5));
			waitForPoints(page, i + 1);
			if (i == 4) {
				// halfway: 占道经营 has a problem, 乱堆乱放 is fine
				Locator stall = page.locator("[data-testid=patrol-item][data-code=SR-01]");
				stall.locator("[data-testid=patrol-item-problem]").click();
				page.fill("[data-testid=problem-comment] textarea", problem);
				shoot(page, "mobile-patrol-problem");
				page.click("[data-testid=problem-submit]");
				assertThat(stall.locator("[data-testid=patrol-item-result]")).hasText("有问题");
				Locator heaps = page.locator("[data-testid=patrol-item][data-code=SR-02]");
				heaps.locator("[data-testid=patrol-item-normal]").click();
				assertThat(heaps.locator("[data-testid=patrol-item-result]")).hasText("正常");
				// the patrol survives a reload: its points, its answers, the tracking
				page.reload();
				assertThat(page.locator("[data-testid=patrol-domain-name]")).hasText("市容秩序");
				assertThat(stall.locator("[data-testid=patrol-item-result]")).hasText("有问题");
				waitForPoints(page, i + 1);
			}
		}
		assertThat(page.locator("[data-testid=patrol-done]")).hasText("2/3");
		assertThat(page.locator("[data-testid=track-map] path.patrol-track")).hasCount(1);
		page.waitForTimeout(400);
		shoot(page, "mobile-patrol-active");

		page.click("[data-testid=patrol-finish]");
		page.click(".van-dialog__confirm");
		page.waitForURL(Pattern.compile(".*/m/patrols/" + patrolId + "$"));
		assertThat(page.locator("[data-testid=summary-status]")).hasText("已结束");
		assertThat(page.locator("[data-testid=summary-items]")).hasText("2/3");
		assertThat(page.locator("[data-testid=summary-event]")).containsText("SJ");
		assertThat(page.locator(".van-toast")).isHidden();
		page.waitForTimeout(400);
		shoot(page, "mobile-patrol-summary");
		page.click(".van-nav-bar__left");
		page.waitForURL(url -> url.endsWith("/m/"));
		assertThat(page.locator("[data-testid=home-recent-patrol]").first()).containsText("市容秩序");
		assertThat(page.locator("[data-testid=home-patrol-active]")).hasCount(0);
		// the demo plan of 市容秩序 for worker1's grid, daily
		assertThat(page.locator("[data-testid=home-plan]", new Page.LocatorOptions().setHasText("市容秩序")))
			.containsText("每日");
		// the problem reported on the patrol earned points: this month's points and rank
		assertThat(page.locator("[data-testid=home-points]")).containsText(Pattern.compile("\\d+(\\.\\d+)? 分"));
		assertThat(page.locator("[data-testid=home-points]")).containsText(Pattern.compile("本月第 \\d+ 名"));
		page.waitForTimeout(300);
		shoot(page, "mobile-patrol-home");

		// the centre sees the event the problem reported, and the patrol as walked
		ApiClient center = this.accounts.demo(this.port, "center");
		JsonNode events = center.get("/api/v1/events?keyword=" + nonce).json();
		assertThat(events.path("total").asInt()).isEqualTo(1);
		JsonNode event = events.path("items").get(0);
		assertThat(event.path("categoryCode").asString()).isEqualTo("CSGL-01");
		assertThat(event.path("description").asString()).isEqualTo(problem);
		Response read = center.get("/api/v1/patrols/" + patrolId);
		assertThat(read.status()).as(read.body()).isEqualTo(200);
		JsonNode patrol = read.json();
		assertThat(patrol.path("status").asString()).isEqualTo("FINISHED");
		assertThat(patrol.path("pointCount").asInt()).isGreaterThanOrEqualTo(path.size());
		double distance = patrol.path("distanceMeters").asDouble();
		assertThat(distance).isCloseTo(length, within(3.0));
		List<String> eventCodes = new ArrayList<>();
		patrol.path("items").forEach(item -> eventCodes.add(item.path("eventCode").asString("")));
		assertThat(eventCodes).contains(event.path("code").asString());

		// the console's replay shows the same distance and draws the track
		Page console = newPage();
		signIn(console, "center", Accounts.PASSWORD);
		console.waitForURL(url -> !url.contains("login"));
		console.navigate(url("/patrols/" + patrolId));
		assertThat(console.locator("[data-testid=patrol-distance]"))
			.hasText(String.format(Locale.ROOT, "%.2f", distance / 1000));
		assertThat(console.locator("path.patrol-track")).hasCount(1);
		assertThat(console.locator("[data-testid=patrol-item-event]")).containsText(event.path("code").asString());
		console.waitForTimeout(500);
		shoot(console, "console-patrol-replay");
		console.context().close();
	}

	@Test
	void offlineAReportAndARecordWaitAndArriveExactlyOnce() {
		double[] centre = center(GRID);
		String nonce = UUID.randomUUID().toString().substring(0, 8);
		String description = "离线巡查发现垃圾桶旁占道摆摊 " + nonce;

		// a form and a campaign for worker1's town, as the admin and the centre make them
		ApiClient admin = this.accounts.demo(this.port, "admin");
		String code = "HOUSE-" + nonce.toUpperCase(Locale.ROOT);
		Response form = admin.post("/api/v1/collection/forms", Map.of("code", code, "name", "出租房屋登记", "fields", List.of(
				Map.of("key", "owner", "label", "房东姓名", "type", "TEXT", "required", true),
				Map.of("key", "idCard", "label", "身份证号", "type", "ID_CARD", "required", true),
				Map.of("key", "phone", "label", "联系电话", "type", "PHONE", "required", false),
				Map.of("key", "rooms", "label", "出租间数", "type", "NUMBER", "required", true, "min", 1, "max", 20),
				Map.of("key", "use", "label", "房屋用途", "type", "SINGLE_CHOICE", "required", true, "options",
						List.of("自住", "出租", "经营")),
				Map.of("key", "safety", "label", "安全设施", "type", "MULTIPLE_CHOICE", "required", false, "options",
						List.of("灭火器", "烟感", "逃生通道")),
				Map.of("key", "visitedAt", "label", "走访时间", "type", "DATETIME", "required", true),
				Map.of("key", "note", "label", "备注", "type", "LONG_TEXT", "required", false),
				Map.of("key", "spot", "label", "房屋位置", "type", "LOCATION", "required", true),
				Map.of("key", "photos", "label", "现场照片", "type", "PHOTO", "required", false))));
		assertThat(form.status()).as(form.body()).isEqualTo(201);
		long formId = form.json().path("id").asLong();
		ApiClient center = this.accounts.demo(this.port, "center");
		Response campaign = center.post("/api/v1/collection/campaigns",
				Map.of("formId", formId, "name", "出租房屋排查 " + nonce, "regionId", this.accounts.region("320505006").id(),
						"dueDate", LocalDate.now().plusDays(7).toString()));
		assertThat(campaign.status()).as(campaign.body()).isEqualTo(201);

		Page page = signInOnPhone(centre[0], centre[1]);
		ApiClient worker = this.accounts.demo(this.port, "worker1");
		IntSupplier events = () -> center.get("/api/v1/events?keyword=" + nonce).json().path("total").asInt();
		IntSupplier records = () -> worker.get("/api/v1/collection/records?formId=" + formId)
			.json()
			.path("total")
			.asInt();
		assertThat(events.getAsInt()).isZero();
		assertThat(records.getAsInt()).isZero();

		// online once: the service worker keeps the app, the phone the categories, the
		// grid and the forms
		page.waitForFunction("() => navigator.serviceWorker && navigator.serviceWorker.controller !== null", null,
				new Page.WaitForFunctionOptions().setTimeout(20_000));
		page.click("[data-testid=tab-report]");
		page.locator("[data-testid=grid-map] path.map-grid").first().waitFor();
		page.click("[data-testid=tab-home]");
		page.click("[data-testid=home-collect]");
		page.waitForURL(Pattern.compile(".*/m/collect.*"));
		assertThat(page.locator("[data-testid=collect-campaign-item]", new Page.LocatorOptions().setHasText(nonce)))
			.hasCount(1);

		// offline
		this.context.setOffline(true);
		assertThat(page.locator("[data-testid=offline-bar]")).isVisible();
		page.click("[data-testid=collect-campaign-item]:has-text('" + nonce + "')");
		page.waitForURL(Pattern.compile(".*/m/collect/form/" + formId + ".*"));
		assertThat(page.locator("[data-testid=collect-campaign]")).containsText(nonce);
		assertThat(page.locator("[data-testid=collect-position]")).containsText("120.");
		page.fill("[data-testid=field-owner] input", "王建国");
		page.fill("[data-testid=field-idCard] input", "110105194912310021");
		page.fill("[data-testid=field-phone] input", "13912345678");
		page.fill("[data-testid=field-rooms] input", "3");
		page.click("[data-testid=field-use] .van-radio:has-text('出租')");
		page.click("[data-testid=field-safety] .van-checkbox:has-text('灭火器')");
		page.click("[data-testid=field-safety] .van-checkbox:has-text('烟感')");
		// the date and time from Vant's pickers: today, now (日期 → 下一步 → 时间 → 确定)
		page.click("[data-testid=field-visitedAt] .datetime-input");
		page.click("[data-testid=datetime-picker] .van-picker__confirm");
		page.click("[data-testid=datetime-picker] .van-picker__confirm");
		assertThat(page.locator("[data-testid=datetime-picker]")).isHidden();
		assertThat(page.locator("[data-testid=field-visitedAt] .datetime-input"))
			.containsText(String.valueOf(LocalDate.now().getYear()));
		page.fill("[data-testid=field-note] textarea", "二楼北侧两间出租 " + nonce);
		assertThat(page.locator("[data-testid=field-spot]")).containsText("120.");
		// the phone checks the ID number (GB 11643) before anything is queued
		page.click("[data-testid=collect-submit]");
		assertThat(page.locator("[data-testid=field-idCard] .van-field__error-message")).containsText("身份证号码无效");
		assertThat(page.locator(".van-toast")).isHidden();
		shootFromTop(page, "mobile-collect-form");
		page.fill("[data-testid=field-idCard] input", "11010519491231002X");
		page.click("[data-testid=collect-submit]");
		page.waitForURL(Pattern.compile(".*/m/collect\\?tab=records$"));
		assertThat(page.locator("[data-testid=collect-queued]")).hasCount(1);
		assertThat(page.locator(".van-toast")).isHidden();
		shoot(page, "mobile-collect-queued");

		// and an event report, offline too
		page.navigate(url("/m/report"));
		page.waitForURL(Pattern.compile(".*/m/report.*"));
		page.locator("[data-testid=grid-map] path.map-grid").first().waitFor();
		page.click("[data-testid=report-category]");
		page.locator(".van-cascader__option", new Page.LocatorOptions().setHasText("城市管理")).first().click();
		page.locator(".van-cascader__option", new Page.LocatorOptions().setHasText("占道经营")).first().click();
		assertThat(page.locator(".van-cascader")).isHidden();
		page.fill("[data-testid=report-description] textarea", description);
		page.fill("[data-testid=report-address] input", "狮山路 199 号菜场东门");
		page.click("[data-testid=report-submit]");
		page.waitForURL(url -> url.endsWith("/m/"));
		assertThat(page.locator("[data-testid=queue-waiting]")).hasText("2 条待发送");

		// both survive a reload without a network
		page.reload();
		assertThat(page.locator("[data-testid=queue-waiting]")).hasText("2 条待发送");
		page.click("[data-testid=home-queue]");
		assertThat(page.locator("[data-testid=queue-kind]")).hasText(new String[] { "信息采集", "上报" });
		shoot(page, "mobile-patrol-offline-queue");
		assertThat(events.getAsInt()).isZero();
		assertThat(records.getAsInt()).isZero();

		// back online, the first answer of each write is lost on the way back: the server
		// did the work, the phone retries with the same key
		AtomicInteger lost = new AtomicInteger();
		loseFirstAnswer(page, "**/api/v1/events", lost);
		loseFirstAnswer(page, "**/api/v1/collection/records", lost);
		this.context.setOffline(false);
		assertThat(page.locator("[data-testid=queue-item]")).hasCount(0,
				new LocatorAssertions.HasCountOptions().setTimeout(30_000));
		assertThat(lost.get()).isEqualTo(2);
		assertThat(events.getAsInt()).isEqualTo(1);
		assertThat(records.getAsInt()).isEqualTo(1);

		// and once more: a reload, 立即发送 — still one of each
		page.navigate(url("/m/queue"));
		page.waitForTimeout(1_500);
		assertThat(page.locator("[data-testid=queue-item]")).hasCount(0);
		assertThat(events.getAsInt()).isEqualTo(1);
		assertThat(records.getAsInt()).isEqualTo(1);
		JsonNode record = worker.get("/api/v1/collection/records?formId=" + formId).json().path("items").get(0);
		assertThat(record.path("status").asString()).isEqualTo("SUBMITTED");
		assertThat(record.path("answers").path("use").asString()).isEqualTo("出租");
		assertThat(record.path("answers").path("rooms").asInt()).isEqualTo(3);
		assertThat(record.path("answers").path("safety").size()).isEqualTo(2);
		assertThat(record.path("answers").path("visitedAt").asString()).endsWith("+08:00");
		assertThat(record.path("answers").path("spot").path("lon").asDouble()).isCloseTo(centre[0], within(1e-5));
		assertThat(record.path("campaignId").isNull()).isFalse();

		// my records: the record as the server has it
		page.navigate(url("/m/collect?tab=records"));
		assertThat(page.locator("[data-testid=collect-record]", new Page.LocatorOptions().setHasText("出租房屋登记"))
			.first()
			.locator("[data-testid=collect-record-status]")).hasText("已提交");
		shoot(page, "mobile-collect-records");
	}

	/**
	 * The first POST to {@code glob} reaches the server, but its answer never reaches the
	 * phone (as on a weak signal); later ones pass.
	 */
	private void loseFirstAnswer(Page page, String glob, AtomicInteger lost) {
		AtomicInteger seen = new AtomicInteger();
		page.route(glob, (Route route) -> {
			if (route.request().method().equals("POST") && seen.getAndIncrement() == 0) {
				route.fetch();
				lost.incrementAndGet();
				route.abort("failed");
			}
			else {
				route.resume();
			}
		});
	}

	/** A full-page shot scrolled to the top (the sticky offline bar stays at the top). */
	private void shootFromTop(Page page, String name) {
		page.evaluate("() => window.scrollTo(0, 0)");
		page.waitForTimeout(200);
		shoot(page, name);
	}

	private void waitForPoints(Page page, int n) {
		page.waitForFunction(
				"n => Number(document.querySelector('[data-testid=patrol-points]')?.textContent?.trim()) >= n", n,
				new Page.WaitForFunctionOptions().setTimeout(10_000));
	}

	private static double haversine(double[] a, double[] b) {
		double dLat = Math.toRadians(b[1] - a[1]);
		double dLon = Math.toRadians(b[0] - a[0]);
		double h = Math.pow(Math.sin(dLat / 2), 2)
				+ Math.cos(Math.toRadians(a[1])) * Math.cos(Math.toRadians(b[1])) * Math.pow(Math.sin(dLon / 2), 2);
		return 2 * 6_371_000 * Math.asin(Math.sqrt(h));
	}

}
