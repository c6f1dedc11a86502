package org.govgrid.console;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import org.govgrid.support.Accounts;
import org.govgrid.support.ApiClient;
import org.govgrid.support.BrowserTest;
import org.govgrid.support.TestClock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * 全景网格's situation layers in a real Chromium, as grid worker 1: the server's layer list
 * gives the toggles (矛盾纠纷 and 民情日志 among them), each layer goes off and on again with its
 * toggle, and a marker of each opens its popup (a dispute's type, status and parties
 * counted; a note's topic and shortened text). Screenshots land in
 * {@code target/screenshots/console-panorama-layers-*}.
 */
class PanoramaLayersBrowserIT extends BrowserTest {

	private static final String GRID_1 = "320505006001001";

	private static final List<String> SITUATION_LAYERS = List.of("disputes", "daily-notes");

	@Autowired
	TestClock clock;

	@Test
	void theDisputesAndDailyNotesLayersToggleAndOpenTheirPopups() {
		ApiClient worker1 = this.accounts.demo(this.port, "worker1");
		String nonce = UUID.randomUUID().toString().substring(0, 6);
		double[] centre = center(GRID_1);
		LocalDate today = LocalDate.now(this.clock);
		ApiClient.Response dispute = worker1.post("/api/v1/disputes",
				Map.of("title", "浏览器图层测试纠纷" + nonce, "type", "NEIGHBOUR", "scale", "SMALL", "parties",
						List.of(Map.of("name", "测试当事人", "role", "APPLICANT")), "occurredOn", today.toString(), "lon",
						centre[0] + 0.0012, "lat", centre[1] + 0.0009, "gridId", this.accounts.region(GRID_1).id()));
		assertThat(dispute.status()).as(dispute.body()).isEqualTo(201);
		ApiClient.Response note = worker1.post("/api/v1/daily-notes", Map.of("notedOn", today.toString(), "topic",
				"MOOD", "content", "浏览器图层测试：居民对小区停车位划线方案意见较大，约定周五召开议事会，请物业和业委会一同参加。" + nonce));
		assertThat(note.status()).as(note.body()).isEqualTo(201);

		Page page = newPage();
		signIn(page, "worker1", Accounts.PASSWORD);
		page.waitForURL(url -> !url.contains("login"));
		page.navigate(url("/panorama"));
		Locator map = page.locator("[data-testid=panorama-map]");
		assertThat(page.locator("[data-testid=layer-disputes]")).containsText("矛盾纠纷");
		assertThat(page.locator("[data-testid=layer-daily-notes]")).containsText("民情日志");
		Locator disputes = map.locator(".pano-cluster-disputes, .pano-marker-disputes");
		Locator notes = map.locator(".pano-cluster-daily-notes, .pano-marker-daily-notes");
		assertThat(disputes.first()).isVisible();
		assertThat(notes.first()).isVisible();
		assertThat(page.locator("[data-testid=layer-count-disputes]"))
			.containsText(Pattern.compile("(^|\\D)[1-9]\\d*\\s*个点位"));
		page.waitForTimeout(500);
		shoot(page, "console-panorama-layers");

		// only the situation layers stay (every other layer the server lists goes off,
		// cameras
		// and the wave's later layers included); each goes off and on with its toggle
		List<String> otherLayers = otherLayers(page);
		assertThat(otherLayers).contains("people", "events");
		for (String layer : otherLayers) {
			page.click("[data-testid=layer-toggle-" + layer + "]");
			assertThat(map.locator(".pano-cluster-" + layer + ", .pano-marker-" + layer)).hasCount(0);
		}
		page.click("[data-testid=layer-toggle-disputes]");
		assertThat(disputes).hasCount(0);
		assertThat(notes.first()).isVisible();
		page.click("[data-testid=layer-toggle-daily-notes]");
		assertThat(notes).hasCount(0);
		page.click("[data-testid=layer-toggle-disputes]");
		assertThat(disputes.first()).isVisible();
		assertThat(notes).hasCount(0);

		// a dispute's popup: type and status, parties counted, its record as the link
		Locator popup = map.locator("[data-testid=pano-popup]");
		openFirstMarker(page, map, "disputes");
		assertThat(popup).isVisible();
		assertThat(popup).containsText("当事人");
		assertThat(popup).containsText("发生日期");
		page.waitForTimeout(400);
		shoot(page, "console-panorama-layers-dispute");
		popup.locator("[data-testid=pano-popup-link]").click();
		page.waitForURL(Pattern.compile(".*/basedata/disputes/\\d+$"));

		// a note's popup, the other layers off
		page.navigate(url("/panorama"));
		assertThat(disputes.first()).isVisible();
		for (String layer : otherLayers) {
			page.click("[data-testid=layer-toggle-" + layer + "]");
		}
		page.click("[data-testid=layer-toggle-disputes]");
		assertThat(disputes).hasCount(0);
		assertThat(notes.first()).isVisible();
		openFirstMarker(page, map, "daily-notes");
		assertThat(popup).isVisible();
		assertThat(popup).containsText("记录人");
		assertThat(popup).containsText("网格中心");
		page.waitForTimeout(400);
		shoot(page, "console-panorama-layers-note");
	}

	private static List<String> otherLayers(Page page) {
		return page.locator("[data-testid^=layer-toggle-]")
			.all()
			.stream()
			.map(toggle -> toggle.getAttribute("data-testid").substring("layer-toggle-".length()))
			.filter(layer -> !SITUATION_LAYERS.contains(layer))
			.toList();
	}

	/**
	 * Clicks the layer's clusters open (several notes share their grid's centre) and then
	 * a marker.
	 */
	private static void openFirstMarker(Page page, Locator map, String layer) {
		Locator markers = map.locator(".pano-marker-" + layer);
		for (int i = 0; i < 8 && markers.count() == 0; i++) {
			map.locator(".pano-cluster-" + layer).first().click();
			page.waitForTimeout(700);
		}
		assertThat(markers.first()).isVisible();
		markers.first().click();
	}

}
