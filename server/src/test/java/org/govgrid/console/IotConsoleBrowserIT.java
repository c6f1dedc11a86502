package org.govgrid.console;

import java.time.Instant;
import java.util.Map;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import org.govgrid.support.Accounts;
import org.govgrid.support.ApiClient;
import org.govgrid.support.BrowserTest;
import org.junit.jupiter.api.Test;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * 物联感知 in the console: the device map colours each marker by its state (the demo's alarm
 * red, online green, offline grey), a click on a marker opens the device with its message
 * log, and the alarm list links each alarm to its event.
 */
class IotConsoleBrowserIT extends BrowserTest {

	@Test
	void theDeviceMapColoursMarkersByStateAndOpensTheDeviceClicked() {
		ApiClient center = this.accounts.demo(this.port, "center");
		double[] point = center("320505006001002");
		String code = "IT-MAP-" + System.nanoTime();
		ApiClient.Response created = center.post("/api/v1/iot/devices", Map.of("code", code, "kind", "GAS_DETECTOR",
				"name", "浏览器测试燃气探测器", "lon", point[0] + 0.0011, "lat", point[1] - 0.0009, "address", "测试小区3幢"));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		long id = created.json().path("id").asLong();
		ApiClient.Response telemetry = center.postRaw("/api/v1/iot/messages",
				"{\"deviceCode\":\"" + code + "\",\"type\":\"TELEMETRY\",\"time\":\"" + Instant.now().minusSeconds(20)
						+ "\",\"payload\":{\"lel\":2.5,\"battery\":64}}");
		assertThat(telemetry.status()).as(telemetry.body()).isEqualTo(201);

		Page page = newPage();
		signIn(page, "center", Accounts.PASSWORD);
		page.waitForURL(url -> !url.contains("login"));
		page.navigate(url("/iot/devices"));
		Locator markers = page.locator("[data-testid=device-map] .iot-marker");
		assertThat(markers.first()).isVisible();
		assertThat(page.locator("[data-testid=device-map] .iot-marker.state-alarm").first()).isVisible();
		assertThat(page.locator("[data-testid=device-map] .iot-marker.state-offline").first()).isVisible();
		Locator mine = page.locator("[data-testid=device-map] .iot-marker[data-device-id='" + id + "']");
		assertThat(mine).hasClass(java.util.regex.Pattern.compile(".*state-online.*"));
		String alarmColour = (String) page.evalOnSelector("[data-testid=device-map] .iot-marker.state-alarm span",
				"s => getComputedStyle(s).backgroundColor");
		assertThat(alarmColour).isEqualTo("rgb(214, 69, 69)");
		String onlineColour = (String) mine.locator("span").evaluate("s => getComputedStyle(s).backgroundColor");
		assertThat(onlineColour).isEqualTo("rgb(31, 157, 85)");
		assertThat(page.locator("[data-testid=device-table] .el-table__body tr")).not().hasCount(0);
		shoot(page, "console-iot-devices");

		// markers may overlap: the click goes to this marker's own element
		mine.dispatchEvent("click");
		page.waitForURL(url -> url.endsWith("/iot/devices/" + id));
		assertThat(page.locator("[data-testid=device-title]")).hasText("浏览器测试燃气探测器");
		assertThat(page.locator("[data-testid=device-state]")).hasText("在线");
		Locator messages = page.locator("[data-testid=message-table] .el-table__body tr");
		assertThat(messages).hasCount(1);
		assertThat(messages.first()).containsText("遥测");
		assertThat(messages.first()).containsText("\"battery\": 64");
		shoot(page, "console-iot-device");

		page.navigate(url("/iot/alarms"));
		Locator alarms = page.locator("[data-testid=alarm-table] .el-table__body tr");
		assertThat(alarms.filter(new Locator.FilterOptions().setHasText("DEMO-SMO-01"))).containsText("SJ");
		shoot(page, "console-iot-alarms");
		// the menu speaks Chinese: every label is in the locale
		assertThat(page.locator(".el-menu").first()).containsText("物联感知");
		assertThat(page.content()).doesNotContain("iot.menu").doesNotContain("iot.alarms");
	}

}
