package org.govgrid.openplatform;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpServer;
import tools.jackson.databind.json.JsonMapper;

/**
 * A webhook receiver on 127.0.0.1 (the JDK's HTTP server): records every request and
 * answers with the queued status codes, then {@code 200}. A status of 3xx redirects to
 * {@code /elsewhere}, which records a hit there.
 */
final class WebhookReceiver implements AutoCloseable {

	/** One request as received. */
	record Received(String path, String signature, String delivery, String event, String body) {
	}

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpServer server;

	private final List<Received> received = new CopyOnWriteArrayList<>();

	private final ConcurrentLinkedQueue<Integer> answers = new ConcurrentLinkedQueue<>();

	private WebhookReceiver(List<Integer> answers) throws IOException {
		this.answers.addAll(answers);
		this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.server.createContext("/", exchange -> {
			byte[] body = exchange.getRequestBody().readAllBytes();
			this.received.add(new Received(exchange.getRequestURI().getPath(),
					exchange.getRequestHeaders().getFirst("X-GovGrid-Signature"),
					exchange.getRequestHeaders().getFirst("X-GovGrid-Delivery"),
					exchange.getRequestHeaders().getFirst("X-GovGrid-Event"),
					new String(body, StandardCharsets.UTF_8)));
			Integer status = exchange.getRequestURI().getPath().equals("/elsewhere") ? null : this.answers.poll();
			int code = status == null ? 200 : status;
			if (code >= 300 && code < 400) {
				exchange.getResponseHeaders().add("Location", url() + "elsewhere");
			}
			exchange.sendResponseHeaders(code, -1);
			exchange.close();
		});
		this.server.start();
	}

	/** A receiver answering {@code statuses} in turn, then 200. */
	static WebhookReceiver answering(Integer... statuses) throws IOException {
		return new WebhookReceiver(List.of(statuses));
	}

	String url() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort() + "/";
	}

	List<Received> received() {
		return List.copyOf(this.received);
	}

	/** The requests whose body's resource has this id. */
	List<Received> about(long resourceId) {
		return this.received.stream()
			.filter(r -> !r.path().equals("/elsewhere")
					&& JSON.readTree(r.body()).path("resource").path("id").asLong() == resourceId)
			.toList();
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

	static Map<String, String> signatureParts(String header) {
		Map<String, String> parts = new java.util.HashMap<>();
		for (String part : header.split(",")) {
			String[] kv = part.split("=", 2);
			parts.put(kv[0], kv[1]);
		}
		return parts;
	}

}
