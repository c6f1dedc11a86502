package org.govgrid.console;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import org.govgrid.support.Accounts;
import org.govgrid.support.ApiClient;
import org.govgrid.support.BrowserTest;
import org.junit.jupiter.api.Test;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * 在岗人员位置 on the dispatch board: worker1's marker appears after a track batch of an open
 * patrol and moves when the next batch arrives (pushed over the board's stream, no
 * reload); worker3, who works in 枫桥, is never on 狮山街道's map. worker1's patrol is finished
 * at the end, as other tests expect.
 */
class WorkerPositionsBrowserIT extends BrowserTest {

	private static final String GRID_1 = "320505006001001";

	@Test
	void theBoardsMapShowsWorker1AndFollowsTheNextBatch() {
		ApiClient worker1 = this.accounts.demo(this.port, "worker1");
		// sets the centre's password to the one the browser signs in with
		this.accounts.demo(this.port, "center");
		long worker1Id = this.accounts.id("worker1");
		long worker3Id = this.accounts.id("worker3");
		double[] start = center(GRID_1);
		ApiClient.Response started = worker1.post("/api/v1/patrols",
				Map.of("domainCode", "SR", "lon", start[0], "lat", start[1]));
		assertThat(started.status()).as(started.body()).isEqualTo(201);
		long patrol = started.json().path("id").asLong();
		try {
			double[] first = { start[0] + 0.0004, start[1] + 0.0003 };
			track(worker1, patrol, "board-1", first);
			double[] fengqiao = center("320505007001001");
			this.accounts.demo(this.port, "worker3")
				.post("/api/v1/patrol/heartbeat", Map.of("lon", fengqiao[0], "lat", fengqiao[1]));

			Page page = newPage();
			signIn(page, "center", Accounts.PASSWORD);
			page.waitForURL(url -> !url.contains("login"));
			page.navigate(url("/dispatch"));
			Locator map = page.locator("[data-testid=positions-map]");
			map.locator("path.grid-polygon").first().waitFor();
			Locator marker = map.locator(".worker-marker[data-user-id='" + worker1Id + "']");
			assertThat(marker).isVisible();
			assertThat(marker).hasAttribute("data-lon", coordinate(first[0]));
			assertThat(marker).containsText("网格员一");
			assertThat(marker).hasClass(java.util.regex.Pattern.compile(".*on-patrol.*"));
			assertThat(page.locator("[data-testid=positions-list] li[data-user-id='" + worker1Id + "']"))
				.containsText("网格员一");
			assertThat(page.locator("[data-testid=positions-live]")).containsText("实时");
			assertThat(map.locator(".worker-marker[data-user-id='" + worker3Id + "']")).hasCount(0);
			shoot(page, "console-dispatch-positions");

			// the next batch: the marker moves without a reload
			double[] second = { start[0] + 0.0016, start[1] - 0.0004 };
			track(worker1, patrol, "board-2", second);
			assertThat(marker).hasAttribute("data-lon", coordinate(second[0]),
					new LocatorAssertions.HasAttributeOptions().setTimeout(20_000));
			assertThat(marker).hasAttribute("data-lat", coordinate(second[1]));
			assertThat(map.locator(".worker-marker[data-user-id='" + worker3Id + "']")).hasCount(0);
			assertThat(page.content()).doesNotContain("positions.");
			shoot(page, "console-dispatch-positions-moved");

			// English labels
			page.evaluate("() => localStorage.setItem('govgrid.locale', 'en')");
			page.reload();
			assertThat(page.locator("[data-testid=positions-count]")).containsText("on duty");
			shoot(page, "console-dispatch-positions-en");
		}
		finally {
			worker1.post("/api/v1/patrols/" + patrol + "/finish", Map.of("lon", start[0], "lat", start[1]));
		}
	}

	private static void track(ApiClient worker, long patrol, String key, double[] point) {
		ApiClient.Response receipt = worker.post("/api/v1/patrols/" + patrol + "/track", Map.of("batchKey", key,
				"points", List.of(Map.of("time", Instant.now().toString(), "lon", point[0], "lat", point[1]))));
		assertThat(receipt.status()).as(receipt.body()).isEqualTo(200);
	}

	private static String coordinate(double value) {
		return String.format(Locale.ROOT, "%.6f", value);
	}

}
