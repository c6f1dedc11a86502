package org.govgrid.support;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.Executors;

import javax.imageio.ImageIO;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * A 天地图 stand-in on a local port: every tile request gets a 256×256 PNG (the vector base
 * light, the imagery base dark green, annotations transparent) and is recorded. The
 * shared test context draws its basemap from here ({@link Initializer}), so every map in
 * the browser tests has tiles.
 */
public final class TestTiles {

	/** The key the test configuration gives 天地图 (sent as {@code tk}). */
	public static final String KEY = "it-tianditu-key";

	private static final ConcurrentLinkedDeque<String> REQUESTS = new ConcurrentLinkedDeque<>();

	private static HttpServer server;

	private TestTiles() {
	}

	/** Every tile request so far (path and query), oldest first. */
	public static List<String> requests() {
		return new ArrayList<>(REQUESTS);
	}

	static synchronized int start() {
		if (server != null) {
			return server.getAddress().getPort();
		}
		Map<String, byte[]> tiles = Map.of("vec", png(new Color(0xF2, 0xEF, 0xE9), new Color(0xD8, 0xD2, 0xC4)), "img",
				png(new Color(0x2F, 0x5D, 0x3A), new Color(0x3E, 0x72, 0x4A)), "cva", transparentPng(), "cia",
				transparentPng());
		try {
			server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		server.setExecutor(Executors.newFixedThreadPool(4, runnable -> {
			Thread thread = new Thread(runnable, "test-tiles");
			thread.setDaemon(true);
			return thread;
		}));
		server.createContext("/", exchange -> serve(exchange, tiles));
		server.start();
		return server.getAddress().getPort();
	}

	private static void serve(HttpExchange exchange, Map<String, byte[]> tiles) throws IOException {
		String query = exchange.getRequestURI().getRawQuery();
		String target = exchange.getRequestURI().getRawPath() + (query == null ? "" : "?" + query);
		REQUESTS.add(target);
		while (REQUESTS.size() > 20_000) {
			REQUESTS.pollFirst();
		}
		String layer = query == null ? "" : query.replaceAll(".*LAYER=([a-z]+).*", "$1");
		byte[] body = tiles.getOrDefault(layer, tiles.get("vec"));
		exchange.getResponseHeaders().set("Content-Type", "image/png");
		exchange.getResponseHeaders().set("Access-Control-Allow-Origin", "*");
		exchange.sendResponseHeaders(200, body.length);
		exchange.getResponseBody().write(body);
		exchange.close();
	}

	private static byte[] png(Color fill, Color lines) {
		BufferedImage image = new BufferedImage(256, 256, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = image.createGraphics();
		g.setColor(fill);
		g.fillRect(0, 0, 256, 256);
		g.setColor(lines);
		g.drawRect(0, 0, 255, 255);
		g.drawLine(0, 128, 255, 128);
		g.drawLine(128, 0, 128, 255);
		g.dispose();
		return encode(image);
	}

	private static byte[] transparentPng() {
		return encode(new BufferedImage(256, 256, BufferedImage.TYPE_INT_ARGB));
	}

	private static byte[] encode(BufferedImage image) {
		try {
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			ImageIO.write(image, "png", out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Points {@code govgrid.map.*} at the stand-in (天地图, Web Mercator matrix). */
	public static final class Initializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

		@Override
		public void initialize(ConfigurableApplicationContext context) {
			int port = start();
			context.getEnvironment()
				.getPropertySources()
				.addFirst(new MapPropertySource("test-tiles",
						Map.of("govgrid.map.provider", "tianditu", "govgrid.map.tianditu.key", KEY,
								"govgrid.map.tianditu.host", "http://127.0.0.1:" + port + "/t{s}",
								"govgrid.map.tianditu.matrix", "w")));
		}

	}

}
