package org.govgrid.iot;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.govgrid.support.ApiClient;
import org.govgrid.support.ApiClient.Response;
import org.govgrid.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/** Devices and their messages for the IoT tests: unique codes, signed HTTP posts. */
final class IotFixture {

	private IotFixture() {
	}

	static String uniqueCode(String prefix) {
		return prefix + "-" + System.nanoTime();
	}

	/** Registers a device at {@code point} as {@code client}; its JSON. */
	static Response register(ApiClient client, String code, String kind, double[] point) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("code", code);
		body.put("kind", kind);
		body.put("name", "测试设备 " + code);
		body.put("lon", point[0]);
		body.put("lat", point[1]);
		body.put("address", "测试地址");
		Response created = client.post("/api/v1/iot/devices", body);
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return created;
	}

	static String message(String code, String type, Instant at, String alarmKind, String payload) {
		return "{\"deviceCode\":\"" + code + "\",\"type\":\"" + type + "\",\"time\":\"" + at + "\""
				+ (alarmKind == null ? "" : ",\"alarmKind\":\"" + alarmKind + "\"")
				+ (payload == null ? "" : ",\"payload\":" + payload) + "}";
	}

	static String signature(byte[] body, long timestamp, String secret) throws Exception {
		javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
		mac.init(new javax.crypto.spec.SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
		mac.update((timestamp + ".").getBytes(StandardCharsets.UTF_8));
		return "t=" + timestamp + ",v1=" + java.util.HexFormat.of().formatHex(mac.doFinal(body));
	}

	/**
	 * A device's own post: no session, signed with the test secret unless told otherwise.
	 */
	static HttpResponse<String> signedPost(int port, String body, String signature) throws Exception {
		byte[] raw = body.getBytes(StandardCharsets.UTF_8);
		HttpRequest.Builder request = HttpRequest
			.newBuilder(URI.create("http://localhost:" + port + "/api/v1/iot/messages"))
			.timeout(Duration.ofSeconds(30))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofByteArray(raw));
		if (signature != null) {
			request.header("X-GovGrid-Signature", signature);
		}
		return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	static HttpResponse<String> signedPost(int port, String body) throws Exception {
		return signedPost(port, body, signature(body.getBytes(StandardCharsets.UTF_8), Instant.now().getEpochSecond(),
				IntegrationTest.IOT_DEVICE_SECRET));
	}

}
