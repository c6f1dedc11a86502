package org.govgrid.openplatform;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

import org.govgrid.support.ApiClient.Response;

/**
 * HTTP as another system makes it: no cookies, HTTP Basic on the token endpoint, a bearer
 * token on the API.
 */
final class MachineCalls {

	private final String baseUrl;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	MachineCalls(int port) {
		this.baseUrl = "http://localhost:" + port;
	}

	/** {@code POST /oauth2/token} with client_credentials. */
	Response token(String clientId, String secret, String scope) {
		String basic = Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
		return form("/oauth2/token", "Basic " + basic,
				"grant_type=client_credentials&scope=" + URLEncoder.encode(scope, StandardCharsets.UTF_8));
	}

	/** The access token, failing the test if none was issued. */
	String accessToken(String clientId, String secret, String scope) {
		Response response = token(clientId, secret, scope);
		if (response.status() != 200) {
			throw new AssertionError("no token: " + response.status() + " " + response.body());
		}
		return response.json().path("access_token").asString();
	}

	Response form(String path, String authorization, String body) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.baseUrl + path))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body));
		if (authorization != null) {
			request.header("Authorization", authorization);
		}
		return send(request);
	}

	Response get(String path, String token) {
		return send(HttpRequest.newBuilder(URI.create(this.baseUrl + path))
			.header("Authorization", "Bearer " + token)
			.GET());
	}

	Response anonymousGet(String path) {
		return send(HttpRequest.newBuilder(URI.create(this.baseUrl + path)).GET());
	}

	Response postJson(String path, String token, String json) {
		return send(HttpRequest.newBuilder(URI.create(this.baseUrl + path))
			.header("Authorization", "Bearer " + token)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json)));
	}

	private Response send(HttpRequest.Builder request) {
		try {
			HttpResponse<String> response = this.http.send(request.timeout(Duration.ofSeconds(30)).build(),
					HttpResponse.BodyHandlers.ofString());
			return new Response(response.statusCode(), response.body(),
					response.headers().firstValue("Content-Type").orElse(""), response.headers());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
