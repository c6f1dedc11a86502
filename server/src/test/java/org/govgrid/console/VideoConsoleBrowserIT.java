package org.govgrid.console;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.govgrid.support.Accounts;
import org.govgrid.support.ApiClient;
import org.govgrid.support.BrowserTest;
import org.govgrid.support.TestVideos;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * 视频监控 in the console: a camera whose stream is a real HLS stream (H.264 in fMP4 segments
 * the test encodes and serves itself, with CORS, like the city's video platform) is
 * listed, drawn on the map and played in the live view: the video element gets frames and
 * its time advances.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class VideoConsoleBrowserIT extends BrowserTest {

	private Path streams;

	private HttpServer platform;

	@BeforeAll
	void startTheVideoPlatform() throws IOException {
		this.streams = Files.createTempDirectory("govgrid-streams-").toRealPath();
		TestVideos.hls(this.streams.resolve("live"), 480, 270, 25, 12, 2.0);
		this.platform = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.platform.createContext("/", this::serve);
		this.platform.start();
	}

	@AfterAll
	void stopTheVideoPlatform() throws IOException {
		if (this.platform != null) {
			this.platform.stop(0);
		}
		try (java.util.stream.Stream<Path> files = Files.walk(this.streams)) {
			files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
		}
	}

	private void serve(HttpExchange exchange) throws IOException {
		exchange.getResponseHeaders().add("Access-Control-Allow-Origin", "*");
		Path file = this.streams.resolve(exchange.getRequestURI().getPath().substring(1)).normalize();
		if (!file.startsWith(this.streams) || !Files.isRegularFile(file)) {
			exchange.sendResponseHeaders(404, -1);
			exchange.close();
			return;
		}
		String name = file.getFileName().toString();
		exchange.getResponseHeaders()
			.add("Content-Type", name.endsWith(".m3u8") ? "application/vnd.apple.mpegurl"
					: name.endsWith(".m4s") ? "video/iso.segment" : "video/mp4");
		byte[] body = Files.readAllBytes(file);
		exchange.sendResponseHeaders(200, body.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(body);
		}
	}

	@Test
	void theCentrePlaysALiveHlsStreamOfACameraInItsTown() {
		ApiClient center = this.accounts.demo(this.port, "center");
		double[] point = gridCentreOf("worker1");
		String streamUrl = "http://127.0.0.1:" + this.platform.getAddress().getPort() + "/live/index.m3u8";
		ApiClient.Response camera = center.post("/api/v1/video/cameras",
				Map.of("deviceId", "32050500001326900001", "name", "狮山路与塔园路口", "lon", point[0], "lat", point[1],
						"address", "狮山路与塔园路交叉口东北角", "streamUrl", streamUrl, "status", "ONLINE", "ownerUnit",
						"狮山街道综治中心"));
		assertThat(camera.status()).as(camera.body()).isEqualTo(201);
		ApiClient.Response offline = center.post("/api/v1/video/cameras",
				Map.of("deviceId", "32050500001316900002", "name", "长江路地铁站出口", "lon", point[0] + 0.002, "lat",
						point[1] - 0.001, "streamUrl", "https://video.example.gov.cn/flv/900002.flv", "status",
						"OFFLINE"));
		assertThat(offline.status()).as(offline.body()).isEqualTo(201);

		Page page = newPage();
		signIn(page, "center", Accounts.PASSWORD);
		page.waitForURL(url -> !url.contains("login"));
		page.navigate(url("/video"));
		Locator rows = page.locator("[data-testid=camera-table] .el-table__body tr");
		Locator row = rows.filter(new Locator.FilterOptions().setHasText("32050500001326900001"));
		assertThat(row).hasCount(1);
		assertThat(row).containsText("在线");
		assertThat(rows.filter(new Locator.FilterOptions().setHasText("长江路地铁站出口"))).containsText("离线");
		// both cameras on the map
		assertThat(page.locator("[data-testid=camera-map] .camera-marker")).not().hasCount(0);

		row.locator("[data-testid=camera-watch]").click();
		assertThat(page.locator("[data-testid=player-camera]")).containsText("狮山路与塔园路口");
		// frames decoded and time running: the stream really plays
		page.waitForFunction("""
				() => {
				  const v = document.querySelector('[data-testid=live-video]');
				  return v && v.readyState >= 2 && v.currentTime > 1 && v.videoWidth === 480;
				}""", null, new Page.WaitForFunctionOptions().setTimeout(60_000));
		double first = (double) page.evalOnSelector("[data-testid=live-video]", "v => v.currentTime");
		page.waitForTimeout(1000);
		double later = (double) page.evalOnSelector("[data-testid=live-video]", "v => v.currentTime");
		assertThat(later).isGreaterThan(first);
		assertThat(page.locator("[data-testid=live-player]")).hasAttribute("data-state", "playing");
		assertThat(page.locator("[data-testid=live-player]")).containsText("480×270");
		shoot(page, "console-video-monitor");

		// an offline camera says so instead of spinning forever
		rows.filter(new Locator.FilterOptions().setHasText("长江路地铁站出口")).locator("[data-testid=camera-watch]").click();
		assertThat(page.locator(".el-alert")).containsText("该点位当前离线");

		page.click("[data-testid=camera-create]");
		Locator dialog = page.locator(".el-dialog", new Page.LocatorOptions().setHasText("新增点位"));
		dialog.locator("[data-testid=camera-device-id]").fill("3205050000132");
		dialog.locator("[data-testid=camera-name]").fill("测试点位");
		dialog.locator("[data-testid=camera-stream-url]").fill("rtsp://video.example.gov.cn/a");
		dialog.locator("button", new Locator.LocatorOptions().setHasText("保存")).click();
		assertThat(dialog.locator(".el-form-item__error").first()).isVisible();
		assertThat(dialog).containsText("国标编码须为20位数字");
		assertThat(dialog).containsText("须为 http 或 https 地址");
		shoot(page, "console-video-camera-dialog");
	}

	private double[] gridCentreOf(String username) {
		Map<String, Object> row = this.jdbc.queryForMap("""
				select r.center_lon, r.center_lat from app_user u join region r on r.id = u.scope_region_id
				where u.username = ?""", username);
		return new double[] { ((Number) row.get("center_lon")).doubleValue(),
				((Number) row.get("center_lat")).doubleValue() };
	}

}
