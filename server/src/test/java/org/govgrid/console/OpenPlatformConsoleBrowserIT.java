package org.govgrid.console;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Pattern;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import org.govgrid.support.Accounts;
import org.govgrid.support.BrowserTest;
import org.junit.jupiter.api.Test;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * 开放平台 › 接入应用: the system admin registers a client of 枫桥街道; its secret is shown once (and
 * works for a token), and never again — not in the list, not when the client is opened,
 * not after a reload.
 */
class OpenPlatformConsoleBrowserIT extends BrowserTest {

	@Test
	void theAdminCreatesAClientAndSeesItsSecretOnce() throws Exception {
		this.accounts.demo(this.port, "admin");
		String name = "12345热线对接 " + System.nanoTime() % 100_000;
		Page page = newPage();
		signIn(page, "admin", Accounts.PASSWORD);
		page.waitForURL(url -> !url.contains("login"));
		page.navigate(url("/open/clients"));
		assertThat(page.locator("[data-testid=create-client]")).isVisible();

		page.click("[data-testid=create-client]");
		Locator dialog = page.locator(".el-dialog", new Page.LocatorOptions().setHasText("新建接入应用"));
		dialog.locator("[data-testid=client-name]").fill(name);
		dialog.locator("[data-testid=client-unit]").fill("枫桥街道综治中心");
		dialog.locator(".el-checkbox", new Locator.LocatorOptions().setHasText("上报事件")).click();
		dialog.locator("[data-testid=client-region] .el-select").click();
		dialog.locator("[data-testid=client-region] input").first().fill("枫桥街道");
		page.locator(".el-tree-node__content:visible")
			.filter(new Locator.FilterOptions().setHasText(Pattern.compile("^\\s*枫桥街道")))
			.first()
			.click();
		dialog.locator("[data-testid=client-ips]").fill("127.0.0.1\n10.20.0.0/16");
		dialog.locator(".el-dialog__title").click();
		shoot(page, "console-open-client-dialog");
		dialog.locator("button", new Locator.LocatorOptions().setHasText("保存")).click();

		Locator secretDialog = page.locator("[data-testid=client-secret-dialog]");
		assertThat(secretDialog).isVisible();
		String clientId = secretDialog.locator("[data-testid=client-id]").innerText().strip();
		String secret = secretDialog.locator("[data-testid=client-secret]").innerText().strip();
		assertThat(clientId).startsWith("gg-");
		assertThat(secret).hasSizeGreaterThan(30);
		assertThat(secretDialog).containsText("密钥只显示这一次");
		shoot(page, "console-open-client-secret");
		// the secret shown is the real one
		assertThat(tokenStatus(clientId, secret)).isEqualTo(200);
		assertThat(this.jdbc.queryForObject("select client_secret from oauth2_registered_client where client_id = ?",
				String.class, clientId))
			.startsWith("{bcrypt}")
			.doesNotContain(secret);

		page.click("[data-testid=close-secret]");
		assertThat(secretDialog).isHidden();
		// gone from the page, not merely hidden
		page.waitForFunction("s => !document.documentElement.innerHTML.includes(s)", secret);
		Locator row = page.locator("[data-testid=client-table] .el-table__body tr")
			.filter(new Locator.FilterOptions().setHasText(clientId));
		assertThat(row).hasCount(1);
		assertThat(row).containsText("枫桥街道");
		assertThat(row).containsText("读取事件");
		assertThat(row).containsText("上报事件");
		assertThat(row).containsText("10.20.0.0/16");
		assertThat(page.content()).doesNotContain(secret);
		shoot(page, "console-open-clients");

		// opening the client again shows no secret
		row.locator("button", new Locator.LocatorOptions().setHasText("编辑")).click();
		Locator edit = page.locator(".el-dialog", new Page.LocatorOptions().setHasText("编辑接入应用"));
		assertThat(edit).isVisible();
		assertThat(edit.locator("[data-testid=client-name]")).hasValue(name);
		assertThat(page.content()).doesNotContain(secret);
		edit.locator("button", new Locator.LocatorOptions().setHasText("取消")).click();
		page.reload();
		assertThat(page.locator("[data-testid=client-table]")).containsText(clientId);
		assertThat(page.content()).doesNotContain(secret);

		// disabling asks first, then the row says so
		page.locator("[data-testid=client-table] .el-table__body tr")
			.filter(new Locator.FilterOptions().setHasText(clientId))
			.locator("button", new Locator.LocatorOptions().setHasText("停用"))
			.click();
		page.locator(".el-message-box button", new Page.LocatorOptions().setHasText("确认")).click();
		assertThat(page.locator("[data-testid=client-table] .el-table__body tr")
			.filter(new Locator.FilterOptions().setHasText(clientId))).containsText("已停用");
		assertThat(tokenStatus(clientId, secret)).isEqualTo(401);
	}

	@Test
	void theDeveloperPageListsWhatAClientsScopesAllow() {
		this.accounts.demo(this.port, "admin");
		var admin = this.accounts.signedIn(this.port, "SYS_ADMIN", "320500");
		var created = admin.post("/api/v1/open/clients",
				java.util.Map.of("name", "开发文档页测试 " + System.nanoTime() % 100_000, "unit", "枫桥街道综治中心", "scopes",
						java.util.List.of("events:read"), "regionId", this.accounts.region("320505007").id(),
						"rateLimitPerMinute", 600, "allowedIps", java.util.List.of()));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		long id = created.json().path("id").asLong();
		// the first OpenAPI document of a run is generated on demand (tens of seconds on
		// a
		// busy machine, longer than the console waits for an answer)
		assertThat(admin.get("/api/v1/open/clients/" + id + "/openapi.json").status()).isEqualTo(200);

		Page page = newPage();
		signIn(page, "admin", Accounts.PASSWORD);
		page.waitForURL(url -> !url.contains("login"));
		page.navigate(url("/open/developer?clientId=" + id));
		assertThat(page.locator("[data-testid=developer-endpoints]")).containsText("/oauth2/token");
		Locator operations = page.locator("[data-testid=developer-operations]");
		assertThat(operations).containsText("/api/v1/events");
		assertThat(operations).containsText("event:case:read");
		assertThat(operations).not().containsText("/api/v1/people");
		assertThat(operations).not().containsText("/api/v1/open/clients");
		shoot(page, "console-open-developer");
	}

	@Test
	void theAdminRegistersASingleSignOnRelyingParty() {
		this.accounts.demo(this.port, "admin");
		String name = "综治视频平台 " + System.nanoTime() % 100_000;
		Page page = newPage();
		signIn(page, "admin", Accounts.PASSWORD);
		page.waitForURL(url -> !url.contains("login"));
		page.navigate(url("/open/clients"));
		page.click("[data-testid=create-client]");
		Locator dialog = page.locator(".el-dialog", new Page.LocatorOptions().setHasText("新建接入应用"));
		dialog.locator("[data-testid=client-name]").fill(name);
		dialog.locator("[data-testid=client-unit]").fill("枫桥街道综治中心");
		// a relying party only: single sign-on instead of system calls, no API scope
		dialog.locator("[data-testid=client-grants] .el-checkbox", new Locator.LocatorOptions().setHasText("系统调用"))
			.click();
		dialog.locator("[data-testid=client-grants] .el-checkbox", new Locator.LocatorOptions().setHasText("单点登录"))
			.click();
		dialog.locator(".el-checkbox", new Locator.LocatorOptions().setHasText("读取事件")).click();
		dialog.locator("[data-testid=client-region] .el-select").click();
		dialog.locator("[data-testid=client-region] input").first().fill("枫桥街道");
		page.locator(".el-tree-node__content:visible")
			.filter(new Locator.FilterOptions().setHasText(Pattern.compile("^\\s*枫桥街道")))
			.first()
			.click();
		// an http redirect URI off this machine is refused, naming the field
		dialog.locator("[data-testid=client-redirects]").fill("http://video.example.gov.cn/callback");
		dialog.locator(".el-dialog__title").click();
		dialog.locator("button", new Locator.LocatorOptions().setHasText("保存")).click();
		assertThat(dialog.locator(".el-form-item.is-error")).containsText("https");
		dialog.locator("[data-testid=client-redirects]").fill("https://video.example.gov.cn/callback");
		shoot(page, "console-open-client-sso-dialog");
		dialog.locator("button", new Locator.LocatorOptions().setHasText("保存")).click();
		// a confidential relying party has a secret, shown once as for any client
		assertThat(page.locator("[data-testid=client-secret-dialog]")).isVisible();
		page.click("[data-testid=close-secret]");
		assertThat(page.locator("[data-testid=client-secret-dialog]")).isHidden();
		Locator row = page.locator("[data-testid=client-table] .el-table__body tr")
			.filter(new Locator.FilterOptions().setHasText(name));
		assertThat(row).hasCount(1);
		assertThat(row.locator("[data-testid=client-sso-tag]")).isVisible();
		assertThat(row).containsText("身份标识");
		assertThat(this.jdbc.queryForObject("""
				select o.redirect_uris from oauth2_registered_client o join open_api_client c
				on c.registered_client_id = o.id where c.name = ?""", String.class, name))
			.isEqualTo("https://video.example.gov.cn/callback");
		shoot(page, "console-open-clients-sso");
	}

	private int tokenStatus(String clientId, String secret) throws Exception {
		String basic = Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
		HttpRequest request = HttpRequest.newBuilder(URI.create(url("/oauth2/token")))
			.header("Authorization", "Basic " + basic)
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&scope=events:read"))
			.build();
		return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
	}

}
