package org.govgrid.support;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A browser-like HTTP client for integration tests: keeps cookies (session, XSRF-TOKEN)
 * and sends the CSRF header on every state-changing request, like the console does.
 */
public final class ApiClient {

	static final JsonMapper JSON = JsonMapper.builder().build();

	private final String baseUrl;

	private final CookieManager cookies = new CookieManager();

	private final HttpClient http;

	public ApiClient(int port) {
		this.baseUrl = "http://localhost:" + port;
		this.http = HttpClient.newBuilder().cookieHandler(this.cookies).connectTimeout(Duration.ofSeconds(5)).build();
	}

	public Response get(String path) {
		return send(HttpRequest.newBuilder(uri(path)).GET());
	}

	public Response post(String path, Object body) {
		return send(withCsrf(HttpRequest.newBuilder(uri(path))).POST(bodyOf(body))
			.header("Content-Type", "application/json"));
	}

	public Response postRaw(String path, String rawJson) {
		return send(withCsrf(HttpRequest.newBuilder(uri(path))).POST(HttpRequest.BodyPublishers.ofString(rawJson))
			.header("Content-Type", "application/json"));
	}

	/** A multipart/form-data upload of one part named {@code file}. */
	public Response upload(String path, String filename, byte[] content) {
		String boundary = "govgrid-" + System.nanoTime();
		byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename
				+ "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
			.getBytes(java.nio.charset.StandardCharsets.UTF_8);
		byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
		return send(withCsrf(HttpRequest.newBuilder(uri(path)))
			.POST(HttpRequest.BodyPublishers.ofByteArrays(java.util.List.of(head, content, tail)))
			.header("Content-Type", "multipart/form-data; boundary=" + boundary));
	}

	/** The raw bytes of a download. */
	public byte[] download(String path) {
		try {
			return this.http
				.send(HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofByteArray())
				.body();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	public Response put(String path, Object body) {
		return send(withCsrf(HttpRequest.newBuilder(uri(path))).PUT(bodyOf(body))
			.header("Content-Type", "application/json"));
	}

	public Response delete(String path) {
		return send(withCsrf(HttpRequest.newBuilder(uri(path))).DELETE());
	}

	/**
	 * Opens a server-sent event stream with this client's cookies. A refusal (401, 403)
	 * is read whole and the stream is empty; otherwise lines arrive as the server writes
	 * them.
	 */
	public EventStream stream(String path) {
		try {
			HttpResponse<java.io.InputStream> response = this.http.send(
					HttpRequest.newBuilder(uri(path)).header("Accept", "text/event-stream").GET().build(),
					HttpResponse.BodyHandlers.ofInputStream());
			return new EventStream(response);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** Signs in; returns the response of the login call. */
	public Response login(String username, String password) {
		return post("/api/v1/auth/login", java.util.Map.of("username", username, "password", password));
	}

	public Response changePassword(String oldPassword, String newPassword) {
		return post("/api/v1/auth/password", java.util.Map.of("oldPassword", oldPassword, "newPassword", newPassword));
	}

	public String sessionCookie() {
		return cookie("GOVGRID_SESSION");
	}

	public String cookie(String name) {
		return this.cookies.getCookieStore()
			.getCookies()
			.stream()
			.filter(c -> c.getName().equals(name))
			.map(HttpCookie::getValue)
			.findFirst()
			.orElse(null);
	}

	private HttpRequest.Builder withCsrf(HttpRequest.Builder builder) {
		if (cookie("XSRF-TOKEN") == null) {
			get("/api/v1/config/public");
		}
		String token = cookie("XSRF-TOKEN");
		return token == null ? builder : builder.header("X-XSRF-TOKEN", token);
	}

	private URI uri(String path) {
		return URI.create(this.baseUrl + path);
	}

	private static HttpRequest.BodyPublisher bodyOf(Object body) {
		if (body == null) {
			return HttpRequest.BodyPublishers.noBody();
		}
		return HttpRequest.BodyPublishers.ofString(body instanceof String s ? s : JSON.writeValueAsString(body));
	}

	private Response send(HttpRequest.Builder builder) {
		try {
			HttpResponse<String> response = this.http.send(builder.timeout(Duration.ofSeconds(30)).build(),
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

	/** Status, raw body and the body as JSON (null when not JSON). */
	public record Response(int status, String body, String contentType, java.net.http.HttpHeaders headers) {

		public String header(String name) {
			return this.headers.firstValue(name).orElse(null);
		}

		public JsonNode json() {
			return this.body == null || this.body.isBlank() ? null : JSON.readTree(this.body);
		}

		/** The fields named in a problem's {@code errors}. */
		public java.util.List<String> errorFields() {
			JsonNode errors = json().path("errors");
			java.util.List<String> fields = new java.util.ArrayList<>();
			errors.forEach(e -> fields.add(e.path("field").asString()));
			return fields;
		}

		public String problemType() {
			return json().path("type").asString();
		}

	}

	/**
	 * An open {@code text/event-stream} response, read line by line on a thread of its
	 * own so that a test can wait for a line with a timeout.
	 */
	public static final class EventStream implements AutoCloseable {

		/** Queued once the server ends the stream. */
		private static final String END = new String("<end of stream>");

		private final HttpResponse<java.io.InputStream> response;

		private final String errorBody;

		private final java.util.concurrent.BlockingQueue<String> lines = new java.util.concurrent.LinkedBlockingQueue<>();

		private volatile boolean ended;

		EventStream(HttpResponse<java.io.InputStream> response) throws IOException {
			this.response = response;
			if (response.statusCode() != 200) {
				try (java.io.InputStream body = response.body()) {
					this.errorBody = new String(body.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
				}
				this.ended = true;
				return;
			}
			this.errorBody = "";
			Thread reader = new Thread(this::read, "sse-test-reader");
			reader.setDaemon(true);
			reader.start();
		}

		public int status() {
			return this.response.statusCode();
		}

		/** Status, headers and (for a refusal) the problem body, like any other call. */
		public Response response() {
			return new Response(status(), this.errorBody, this.response.headers().firstValue("Content-Type").orElse(""),
					this.response.headers());
		}

		/**
		 * The next line, or null when none came within the timeout or the stream ended.
		 */
		public String nextLine(Duration timeout) throws InterruptedException {
			if (this.ended && this.lines.isEmpty()) {
				return null;
			}
			String line = this.lines.poll(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
			if (line == END) {
				this.ended = true;
				return null;
			}
			return line;
		}

		/**
		 * The data of the next event named {@code name} within the timeout (other events
		 * and comments are skipped), or null.
		 */
		public String nextEvent(String name, Duration timeout) throws InterruptedException {
			long deadline = System.nanoTime() + timeout.toNanos();
			String event = null;
			StringBuilder data = new StringBuilder();
			while (System.nanoTime() < deadline) {
				String line = nextLine(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
				if (line == null) {
					return null;
				}
				if (line.isEmpty()) {
					if (name.equals(event)) {
						return data.toString();
					}
					event = null;
					data.setLength(0);
				}
				else if (line.startsWith("event:")) {
					event = line.substring("event:".length()).strip();
				}
				else if (line.startsWith("data:")) {
					data.append(data.length() == 0 ? "" : "\n").append(line.substring("data:".length()).strip());
				}
			}
			return null;
		}

		/** True once the server ended the stream (waiting up to the timeout for it). */
		public boolean endsWithin(Duration timeout) throws InterruptedException {
			long deadline = System.nanoTime() + timeout.toNanos();
			while (System.nanoTime() < deadline) {
				if (nextLine(Duration.ofNanos(Math.max(1, deadline - System.nanoTime()))) == null && this.ended) {
					return true;
				}
			}
			return false;
		}

		private void read() {
			try (java.io.BufferedReader reader = new java.io.BufferedReader(
					new java.io.InputStreamReader(this.response.body(), java.nio.charset.StandardCharsets.UTF_8))) {
				String line;
				while ((line = reader.readLine()) != null) {
					this.lines.add(line);
				}
			}
			catch (IOException ex) {
				// closed by the test or cut by the server: either way the stream is over
			}
			finally {
				this.lines.add(END);
			}
		}

		@Override
		public void close() {
			try {
				this.response.body().close();
			}
			catch (IOException ex) {
				// already closed
			}
		}

	}

}
