package org.govgrid.openplatform;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * POSTs one signed delivery: {@code X-GovGrid-Signature: t=<unix seconds>,v1=<hex
 * HMAC-SHA256(secret, t + "." + body)>}. Redirects are not followed (a 3xx is a failure:
 * deliveries go only to the URL the admin registered); only a 2xx counts as delivered.
 */
class WebhookSender {

	private final HttpClient http;

	private final Duration requestTimeout;

	private final Clock clock;

	WebhookSender(WebhookProperties properties, Clock clock) {
		this.http = HttpClient.newBuilder()
			.connectTimeout(properties.connectTimeout())
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
		this.requestTimeout = properties.requestTimeout();
		this.clock = clock;
	}

	/** What one attempt came to: the status code (null: no answer) or the error. */
	record Outcome(Integer status, String error, long durationMs) {

		boolean delivered() {
			return this.status != null && this.status >= 200 && this.status < 300;
		}

	}

	Outcome send(String url, String secret, long deliveryId, String type, String body) {
		long t = this.clock.instant().getEpochSecond();
		long started = System.nanoTime();
		try {
			HttpRequest request = HttpRequest.newBuilder(URI.create(url))
				.timeout(this.requestTimeout)
				.header("Content-Type", "application/json")
				.header("User-Agent", "GovGrid-Webhooks/1")
				.header("X-GovGrid-Signature", "t=" + t + ",v1=" + sign(secret, t + "." + body))
				.header("X-GovGrid-Delivery", Long.toString(deliveryId))
				.header("X-GovGrid-Event", type)
				.POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
				.build();
			HttpResponse<Void> response = this.http.send(request, HttpResponse.BodyHandlers.discarding());
			int status = response.statusCode();
			String error = status >= 300 && status < 400
					? "redirect not followed" + response.headers().firstValue("Location").map(l -> " → " + l).orElse("")
					: status >= 400 ? "HTTP " + status : null;
			return new Outcome(status, clip(error), millisSince(started));
		}
		catch (IOException | IllegalArgumentException ex) {
			return new Outcome(null, clip(ex.getClass().getSimpleName() + ": " + ex.getMessage()),
					millisSince(started));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return new Outcome(null, "interrupted", millisSince(started));
		}
	}

	/** Hex HMAC-SHA256 of {@code payload} under {@code secret}. */
	static String sign(String secret, String payload) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			return HexFormat.of().formatHex(mac.doFinal(payload.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException | InvalidKeyException ex) {
			throw new IllegalStateException("HmacSHA256 unavailable", ex);
		}
	}

	private static long millisSince(long started) {
		return Duration.ofNanos(System.nanoTime() - started).toMillis();
	}

	private static String clip(String text) {
		return text == null || text.length() <= 500 ? text : text.substring(0, 499) + "…";
	}

}
