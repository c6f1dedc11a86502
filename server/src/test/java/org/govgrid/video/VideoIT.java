package org.govgrid.video;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.StreamSupport;

import org.govgrid.support.ApiClient;
import org.govgrid.support.ApiClient.Response;
import org.govgrid.support.ApiIntegrationTest;
import org.govgrid.support.IntegrationTest;
import org.govgrid.support.TestClock;
import org.govgrid.support.TestImages;
import org.govgrid.support.TestVideos;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Video over real HTTP: the camera registry (GB/T 28181 ids, stream URLs, scope), its map
 * layer, the signed video-AI webhook making VIDEO_AI events, and mp4 uploads probed
 * against 1080p25 (标准 7.3.2d).
 */
class VideoIT extends ApiIntegrationTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/**
	 * Serials from a random start, so that reruns against a kept database do not clash.
	 */
	private static final AtomicInteger SERIAL = new AtomicInteger(new java.util.Random().nextInt(900_000));

	@Autowired
	TestClock clock;

	/**
	 * A fresh, well-formed camera id: Suzhou 32050500, industry 00, IP camera 132,
	 * network 6.
	 */
	static String deviceId() {
		return "3205050000132" + "6" + String.format("%06d", SERIAL.incrementAndGet());
	}

	private double[] gridPointOf(String username) {
		Map<String, Object> row = this.jdbc.queryForMap("""
				select r.center_lon, r.center_lat from app_user u join region r on r.id = u.scope_region_id
				where u.username = ?""", username);
		return new double[] { ((Number) row.get("center_lon")).doubleValue(),
				((Number) row.get("center_lat")).doubleValue() };
	}

	private Map<String, Object> camera(String deviceId, double[] point, String url) {
		Map<String, Object> body = new HashMap<>();
		body.put("deviceId", deviceId);
		body.put("name", "狮山路口摄像机");
		body.put("lon", point[0]);
		body.put("lat", point[1]);
		body.put("address", "狮山路与长江路交叉口");
		body.put("streamUrl", url);
		body.put("status", "ONLINE");
		body.put("ownerUnit", "区公安分局");
		return body;
	}

	private long registered(ApiClient center, String deviceId, String worker) {
		Response created = center.post("/api/v1/video/cameras",
				camera(deviceId, gridPointOf(worker), "https://video.example.gov.cn/live/" + deviceId + ".m3u8"));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return created.json().path("id").asLong();
	}

	@Test
	void camerasAreALayerOfThePanoramicMapWithoutTheirStreams() {
		ApiClient center = this.accounts.demo(this.port, "center");
		long id = registered(center, deviceId(), "worker1");
		ApiClient worker1 = this.accounts.demo(this.port, "worker1");
		assertThat(worker1.get("/api/v1/map/layers").json().findValuesAsString("type")).contains("cameras");
		JsonNode mine = worker1.get("/api/v1/map/layers/cameras.geojson").json();
		JsonNode feature = java.util.stream.StreamSupport.stream(mine.path("features").spliterator(), false)
			.filter(f -> f.path("properties").path("id").asLong() == id)
			.findFirst()
			.orElseThrow();
		assertThat(feature.path("properties").path("kind").asString()).isEqualTo("camera");
		assertThat(feature.path("properties").has("streamUrl")).as("the stream opens on the camera's page only")
			.isFalse();
		assertThat(mine.toString()).doesNotContain("video.example.gov.cn");
		JsonNode worker2 = this.accounts.demo(this.port, "worker2").get("/api/v1/map/layers/cameras.geojson").json();
		assertThat(java.util.stream.StreamSupport.stream(worker2.path("features").spliterator(), false)
			.map(f -> f.path("properties").path("id").asLong())).doesNotContain(id);
		long grid = feature.path("properties").path("gridId").asLong();
		assertThat(this.accounts.demo(this.port, "worker3")
			.get("/api/v1/map/layers/cameras.geojson?regionId=" + grid)
			.status()).isEqualTo(404);
	}

	@Test
	void cameraIsRegisteredInTheGridOfItsPointListedMappedAndEdited() {
		ApiClient center = this.accounts.demo(this.port, "center");
		String deviceId = deviceId();
		Response created = center.post("/api/v1/video/cameras",
				camera(deviceId, gridPointOf("worker1"), "https://video.example.gov.cn/live/" + deviceId + ".m3u8"));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		JsonNode camera = created.json();
		long workerGrid = this.jdbc.queryForObject("select scope_region_id from app_user where username = 'worker1'",
				Long.class);
		assertThat(camera.path("gridId").asLong()).isEqualTo(workerGrid);
		assertThat(camera.path("streamKind").asString()).isEqualTo("HLS");
		assertThat(camera.path("typeCode").asString()).isEqualTo("132");

		ApiClient worker1 = this.accounts.demo(this.port, "worker1");
		Response list = worker1.get("/api/v1/video/cameras?keyword=" + deviceId);
		assertThat(list.status()).as(list.body()).isEqualTo(200);
		assertThat(list.json().path("total").asLong()).isEqualTo(1);
		assertThat(list.json().path("items").get(0).path("id").asLong()).isEqualTo(camera.path("id").asLong());
		assertThat(
				worker1.get("/api/v1/video/cameras?status=OFFLINE&keyword=" + deviceId).json().path("total").asLong())
			.isZero();
		assertThat(worker1.get("/api/v1/video/cameras?gridId=" + workerGrid + "&keyword=" + deviceId)
			.json()
			.path("total")
			.asLong()).isEqualTo(1);

		Response layer = worker1.get("/api/v1/map/layers/cameras.geojson");
		assertThat(layer.status()).as(layer.body()).isEqualTo(200);
		assertThat(layer.contentType()).startsWith("application/geo+json");
		assertThat(layer.json().path("type").asString()).isEqualTo("FeatureCollection");
		JsonNode feature = StreamSupport.stream(layer.json().path("features").spliterator(), false)
			.filter(f -> f.path("properties").path("deviceId").asString().equals(deviceId))
			.findFirst()
			.orElseThrow();
		assertThat(feature.path("geometry").path("type").asString()).isEqualTo("Point");
		assertThat(feature.path("properties").path("kind").asString()).isEqualTo("camera");

		Map<String, Object> edit = camera(deviceId, gridPointOf("worker1"),
				"http://video.example.gov.cn/flv/" + deviceId + ".flv");
		edit.put("status", "FAULT");
		edit.put("version", camera.path("version").asInt());
		Response edited = center.put("/api/v1/video/cameras/" + camera.path("id").asLong(), edit);
		assertThat(edited.status()).as(edited.body()).isEqualTo(200);
		assertThat(edited.json().path("streamKind").asString()).isEqualTo("FLV");
		assertThat(edited.json().path("status").asString()).isEqualTo("FAULT");
		// a stale version is refused, nothing written
		Response stale = center.put("/api/v1/video/cameras/" + camera.path("id").asLong(), edit);
		assertThat(stale.status()).as(stale.body()).isEqualTo(409);
	}

	@Test
	void badCameraNamesEveryBadFieldAndWritesNothing() {
		ApiClient center = this.accounts.demo(this.port, "center");
		int before = this.jdbc.queryForObject("select count(*) from video_camera", Integer.class);
		Map<String, Object> bad = camera("3205050000131", gridPointOf("worker1"), "rtsp://video.example.gov.cn/a.m3u8");
		bad.put("name", " ");
		bad.put("status", "BROKEN");
		Response response = center.post("/api/v1/video/cameras", bad);
		assertThat(response.status()).as(response.body()).isEqualTo(400);
		assertThat(fields(response)).containsExactlyInAnyOrder("deviceId", "name", "status", "streamUrl");

		Map<String, String> badIds = Map.of("32050500001350000001", "type code 135", "99050500001320000001",
				"province 99", "32050500001329000001", "network 9");
		badIds.forEach((id, why) -> {
			Response refused = center.post("/api/v1/video/cameras",
					camera(id, gridPointOf("worker1"), "https://video.example.gov.cn/a.m3u8"));
			assertThat(refused.status()).as(why + ": " + refused.body()).isEqualTo(400);
			assertThat(fields(refused)).as(why).containsExactly("deviceId");
		});
		Response wrongKind = center.post("/api/v1/video/cameras",
				camera(deviceId(), gridPointOf("worker1"), "https://video.example.gov.cn/live/a.mp4"));
		assertThat(fields(wrongKind)).containsExactly("streamUrl");
		Map<String, Object> nowhere = camera(deviceId(), new double[] { 200, 95 }, "https://v.example.gov.cn/a.flv");
		assertThat(fields(center.post("/api/v1/video/cameras", nowhere))).containsExactlyInAnyOrder("lon", "lat");
		assertThat(this.jdbc.queryForObject("select count(*) from video_camera", Integer.class)).isEqualTo(before);
	}

	@Test
	void aCameraOutsideTheCallersGridIsNotFound() {
		ApiClient center = this.accounts.demo(this.port, "center");
		String deviceId = deviceId();
		long id = registered(center, deviceId, "worker1");
		ApiClient worker3 = this.accounts.demo(this.port, "worker3");
		Response get = worker3.get("/api/v1/video/cameras/" + id);
		assertThat(get.status()).as(get.body()).isEqualTo(404);
		assertThat(get.problemType()).isEqualTo("https://govgrid.org/problems/not-found");
		assertThat(worker3.get("/api/v1/video/cameras?keyword=" + deviceId).json().path("total").asLong()).isZero();
		assertThat(worker3.get("/api/v1/map/layers/cameras.geojson").body()).doesNotContain(deviceId);
		assertThat(this.accounts.demo(this.port, "worker1").get("/api/v1/video/cameras/" + id).status()).isEqualTo(200);
	}

	@Test
	void aSignedAlarmMakesOneVideoAiEventInTheCamerasGridWithItsSnapshot() throws Exception {
		ApiClient center = this.accounts.demo(this.port, "center");
		String deviceId = deviceId();
		long cameraId = registered(center, deviceId, "worker1");
		String alarmId = "ALARM-" + System.nanoTime();
		byte[] body = alarm(alarmId, deviceId, "GARBAGE_PILE", TestImages.jpg(640, 360));
		int eventsBefore = this.jdbc.queryForObject("select count(*) from event", Integer.class);

		HttpResponse<String> first = webhook(body, signature(body, now(), IntegrationTest.VIDEO_WEBHOOK_SECRET));
		assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
		long eventId = JSON.readTree(first.body()).path("eventId").asLong();

		JsonNode event = center.get("/api/v1/events/" + eventId).json();
		assertThat(event.path("source").asString()).isEqualTo("VIDEO_AI");
		assertThat(event.path("categoryCode").asString()).isEqualTo("HJWS-01");
		assertThat(event.path("gridId").asLong())
			.isEqualTo(this.jdbc.queryForObject("select grid_id from video_camera where id = ?", Long.class, cameraId));
		assertThat(event.path("description").asString()).contains(deviceId).contains("置信度 91%");
		assertThat(event.path("files")).hasSize(1);
		JsonNode snapshot = event.path("files").get(0);
		assertThat(snapshot.path("contentType").asString()).isEqualTo("image/jpeg");
		assertThat(snapshot.path("width").asInt()).isEqualTo(640);
		assertThat(center.download(snapshot.path("url").asString())).startsWith((byte) 0xFF, (byte) 0xD8);

		// the platform redelivers the same alarm (a retry, freshly signed): the same
		// event
		HttpResponse<String> again = webhook(body, signature(body, now(), IntegrationTest.VIDEO_WEBHOOK_SECRET));
		assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
		assertThat(JSON.readTree(again.body()).path("eventId").asLong()).isEqualTo(eventId);
		assertThat(this.jdbc.queryForObject("select count(*) from event", Integer.class)).isEqualTo(eventsBefore + 1);
		assertThat(this.jdbc.queryForObject("select count(*) from stored_file where original_name = ?", Integer.class,
				"snapshot-" + alarmId + ".jpg"))
			.isEqualTo(1);
	}

	@Test
	void anUnmappedAlarmTypeWaitsForTheCentreAsOtherMatters() throws Exception {
		ApiClient center = this.accounts.demo(this.port, "center");
		String deviceId = deviceId();
		registered(center, deviceId, "worker1");
		byte[] body = alarm("ALARM-" + System.nanoTime(), deviceId, "UFO_SIGHTED", null);
		HttpResponse<String> response = webhook(body, signature(body, now(), IntegrationTest.VIDEO_WEBHOOK_SECRET));
		assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
		JsonNode event = center.get("/api/v1/events/" + JSON.readTree(response.body()).path("eventId").asLong()).json();
		assertThat(event.path("categoryCode").asString()).isEqualTo("QT-01");
		assertThat(event.path("status").asString()).isEqualTo("REPORTED");
		assertThat(event.path("currentUnit").path("kind").asString()).isEqualTo("TOWN_CENTRE");
	}

	@Test
	void badMissingAndStaleSignaturesAreUnauthenticatedAndMakeNothing() throws Exception {
		ApiClient center = this.accounts.demo(this.port, "center");
		String deviceId = deviceId();
		registered(center, deviceId, "worker1");
		String alarmId = "ALARM-" + System.nanoTime();
		byte[] body = alarm(alarmId, deviceId, "GARBAGE_PILE", null);
		long now = now();
		Map<String, String> refused = new HashMap<>();
		refused.put("wrong secret", signature(body, now, "not-the-secret"));
		refused.put("stale", signature(body, now - 600, IntegrationTest.VIDEO_WEBHOOK_SECRET));
		refused.put("from the future", signature(body, now + 600, IntegrationTest.VIDEO_WEBHOOK_SECRET));
		refused.put("garbled", "t=" + now + ",v1=zz");
		refused.put("missing", null);
		byte[] tampered = new String(body, StandardCharsets.UTF_8).replace("GARBAGE_PILE", "OPEN_FIRE")
			.getBytes(StandardCharsets.UTF_8);
		for (Map.Entry<String, String> attempt : refused.entrySet()) {
			HttpResponse<String> response = webhook(body, attempt.getValue());
			assertThat(response.statusCode()).as(attempt.getKey() + ": " + response.body()).isEqualTo(401);
			assertThat(JSON.readTree(response.body()).path("type").asString())
				.isEqualTo("https://govgrid.org/problems/unauthenticated");
		}
		HttpResponse<String> tamperedResponse = webhook(tampered,
				signature(body, now, IntegrationTest.VIDEO_WEBHOOK_SECRET));
		assertThat(tamperedResponse.statusCode()).isEqualTo(401);
		assertThat(this.jdbc.queryForObject("select count(*) from video_ai_alarm where alarm_id = ?", Integer.class,
				alarmId))
			.isZero();
	}

	@Test
	void aSignedAlarmWithBadFieldsIsABadRequestNamingEach() throws Exception {
		byte[] body = JSON.writeValueAsBytes(
				Map.of("alarmId", "ALARM-" + System.nanoTime(), "deviceId", "32050500001320000000", "alarmType",
						"GARBAGE_PILE", "occurredAt", "yesterday", "confidence", 1.5, "snapshot", "!!not base64!!"));
		HttpResponse<String> response = webhook(body, signature(body, now(), IntegrationTest.VIDEO_WEBHOOK_SECRET));
		assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
		List<String> fields = StreamSupport.stream(JSON.readTree(response.body()).path("errors").spliterator(), false)
			.map(e -> e.path("field").asString())
			.toList();
		assertThat(fields).containsExactlyInAnyOrder("deviceId", "occurredAt", "confidence", "snapshot");
	}

	@Test
	void anUploaded720p30VideoIsProbedAndFlaggedA1080p25OneIsNot() {
		ApiClient worker1 = this.accounts.demo(this.port, "worker1");
		Response small = worker1.upload("/api/v1/files", "patrol-720p30.mp4", TestVideos.mp4(1280, 720, 30, 6));
		assertThat(small.status()).as(small.body()).isEqualTo(201);
		JsonNode video = small.json().path("video");
		assertThat(small.json().path("contentType").asString()).isEqualTo("video/mp4");
		assertThat(video.path("width").asInt()).isEqualTo(1280);
		assertThat(video.path("height").asInt()).isEqualTo(720);
		assertThat(video.path("frameRate").asDouble()).isEqualTo(30.0);
		assertThat(video.path("durationMs").asLong()).isEqualTo(200);
		assertThat(video.path("compliant").asBoolean()).isFalse();
		assertThat(video.path("note").asString()).contains("not 1080p25 (标准 7.3.2d)").contains("30.0 fps");
		assertThat(this.jdbc.queryForObject("select video_compliant from stored_file where id = ?", Boolean.class,
				small.json().path("id").asLong()))
			.isFalse();

		Response full = worker1.upload("/api/v1/files", "patrol-1080p25.mp4", TestVideos.mp4(1920, 1080, 25, 5));
		assertThat(full.status()).as(full.body()).isEqualTo(201);
		assertThat(full.json().path("video").path("width").asInt()).isEqualTo(1920);
		assertThat(full.json().path("video").path("height").asInt()).isEqualTo(1080);
		assertThat(full.json().path("video").path("frameRate").asDouble()).isEqualTo(25.0);
		assertThat(full.json().path("video").path("compliant").asBoolean()).isTrue();
		assertThat(full.json().path("video").path("note").isNull()).isTrue();

		// mp4 magic bytes with nothing readable behind them
		byte[] fake = new byte[64];
		System.arraycopy("\0\0\0\u0018ftypisom".getBytes(StandardCharsets.ISO_8859_1), 0, fake, 0, 12);
		Response broken = worker1.upload("/api/v1/files", "broken.mp4", fake);
		assertThat(broken.status()).as(broken.body()).isEqualTo(400);
		assertThat(fields(broken)).containsExactly("file");
	}

	private long now() {
		return this.clock.instant().getEpochSecond();
	}

	private static byte[] alarm(String alarmId, String deviceId, String type, byte[] jpg) {
		Map<String, Object> alarm = new HashMap<>();
		alarm.put("alarmId", alarmId);
		alarm.put("deviceId", deviceId);
		alarm.put("alarmType", type);
		alarm.put("occurredAt", "2026-12-06T09:30:00+08:00");
		alarm.put("description", "路边垃圾堆放");
		alarm.put("confidence", 0.91);
		if (jpg != null) {
			alarm.put("snapshot", Base64.getEncoder().encodeToString(jpg));
		}
		return JSON.writeValueAsBytes(alarm);
	}

	static String signature(byte[] body, long timestamp, String secret) throws Exception {
		javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
		mac.init(new javax.crypto.spec.SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
		mac.update((timestamp + ".").getBytes(StandardCharsets.UTF_8));
		return "t=" + timestamp + ",v1=" + HexFormat.of().formatHex(mac.doFinal(body));
	}

	private HttpResponse<String> webhook(byte[] body, String signature) throws Exception {
		HttpRequest.Builder request = HttpRequest
			.newBuilder(URI.create("http://localhost:" + this.port + "/api/v1/video/ai-events"))
			.timeout(Duration.ofSeconds(30))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofByteArray(body));
		if (signature != null) {
			request.header("X-GovGrid-Signature", signature);
		}
		return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static List<String> fields(Response response) {
		return StreamSupport.stream(response.json().path("errors").spliterator(), false)
			.map(e -> e.path("field").asString())
			.toList();
	}

}
