package org.govgrid.console;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.sun.net.httpserver.HttpServer;
import org.govgrid.support.Accounts;
import org.govgrid.support.ApiClient;
import org.govgrid.support.ApiClient.Response;
import org.govgrid.support.BrowserTest;
import org.junit.jupiter.api.Test;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * 开放平台 › 接入应用 › 推送: the system admin adds a webhook to a client of 狮山街道 and sees its
 * signing secret once; an event reported there is delivered to the receiver, and the
 * delivery log shows it with its attempt.
 */
class WebhooksConsoleBrowserIT extends BrowserTest {

	@Test
	void theAdminAddsAWebhookSeesTheSecretOnceAndTheDeliveryInTheLog() throws Exception {
		AtomicInteger received = new AtomicInteger();
		HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		receiver.createContext("/", exchange -> {
			exchange.getRequestBody().readAllBytes();
			received.incrementAndGet();
			exchange.sendResponseHeaders(204, -1);
			exchange.close();
		});
		receiver.start();
		try {
			ApiClient admin = this.accounts.demo(this.port, "admin");
			String name = "推送界面测试 " + System.nanoTime() % 100_000;
			Response client = admin.post("/api/v1/open/clients",
					Map.of("name", name, "unit", "狮山街道综治中心", "scopes", List.of("events:read"), "regionId",
							this.accounts.region("320505006").id(), "rateLimitPerMinute", 600, "allowedIps",
							List.of()));
			assertThat(client.status()).as(client.body()).isEqualTo(201);
			String hookUrl = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/govgrid";

			Page page = newPage();
			signIn(page, "admin", Accounts.PASSWORD);
			page.waitForURL(url -> !url.contains("login"));
			page.navigate(url("/open/clients"));
			Locator row = page.locator("[data-testid=client-table] .el-table__body tr")
				.filter(new Locator.FilterOptions().setHasText(name));
			row.locator("[data-testid=client-webhooks]").click();
			Locator drawer = page.locator("[data-testid=webhooks-drawer]");
			assertThat(drawer).containsText("尚未配置推送地址");
			drawer.locator("[data-testid=add-webhook]").click();
			Locator dialog = page.locator(".el-dialog", new Page.LocatorOptions().setHasText("新增推送地址"));
			dialog.locator("[data-testid=webhook-url]").fill(hookUrl);
			dialog.locator(".el-checkbox", new Locator.LocatorOptions().setHasText("事件状态变更")).click();
			shoot(page, "console-open-webhook-dialog");
			dialog.locator("button", new Locator.LocatorOptions().setHasText("保存")).click();

			Locator secretDialog = page.locator("[data-testid=webhook-secret-dialog]");
			assertThat(secretDialog).isVisible();
			String secret = secretDialog.locator("[data-testid=webhook-secret]").innerText().strip();
			assertThat(secret).startsWith("whsec_");
			assertThat(secretDialog).containsText("密钥只显示这一次");
			shoot(page, "console-open-webhook-secret");
			page.click("[data-testid=close-webhook-secret]");
			page.waitForFunction("s => !document.documentElement.innerHTML.includes(s)", secret);
			Locator hooks = drawer.locator("[data-testid=webhook-table]");
			assertThat(hooks).containsText(hookUrl);
			assertThat(hooks).containsText("事件上报");
			assertThat(hooks).containsText("事件状态变更");
			assertThat(hooks).containsText("启用");
			shoot(page, "console-open-webhooks");

			// an event in 狮山街道 goes out to the receiver
			Response event = this.accounts.demo(this.port, "worker1")
				.post("/api/v1/events", eventReport("QT-01", "320505006001001", "GRID_WORKER", "推送界面测试事件", "狮山测试地址"));
			assertThat(event.status()).as(event.body()).isEqualTo(201);
			eventually(received::get, n -> n >= 1);
			assertThat(received.get()).isGreaterThanOrEqualTo(1);

			drawer.locator("[data-testid=webhook-table] button", new Locator.LocatorOptions().setHasText("日志")).click();
			page.waitForURL(url -> url.contains("/open/deliveries"));
			Locator deliveries = page.locator("[data-testid=delivery-table] .el-table__body tr.el-table__row");
			assertThat(deliveries.first()).containsText(name);
			assertThat(deliveries.first()).containsText("已送达");
			assertThat(page.locator("[data-testid=delivery-table]")).containsText("事件上报");
			deliveries.first().locator(".el-table__expand-icon").click();
			assertThat(page.locator("[data-testid=attempt-answer]").first()).hasText("204");
			shoot(page, "console-open-deliveries");
			assertThat(page.content()).doesNotContain(secret);
		}
		finally {
			receiver.stop(0);
		}
	}

}
