package org.govgrid.identity;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.catalina.valves.RemoteIpValve;
import org.govgrid.platform.TrustedProxies;
import org.junit.jupiter.api.Test;

import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sign-in limit behind a real Tomcat with the valve Spring Boot adds for
 * {@code server.forward-headers-strategy: native}: 45 wrong sign-ins from loopback, each
 * claiming another address in {@code X-Forwarded-For}. Tomcat's default trusts loopback
 * and every private range as a proxy; GovGrid trusts only the configured list.
 */
class ClientAddressTests {

	private static final int PER_MINUTE = 30;

	@Test
	void withNoTrustedProxyTheSpoofedAddressesShareTheConnectionsLimit() throws Exception {
		List<Integer> statuses = fortyFiveSpoofedSignIns("");
		assertThat(statuses.subList(0, PER_MINUTE)).containsOnly(401);
		assertThat(statuses.subList(PER_MINUTE, 45)).as("the rest are refused").containsOnly(429);
	}

	@Test
	void aConfiguredProxyIsBelievedAndEachClientHasItsOwnLimit() throws Exception {
		assertThat(fortyFiveSpoofedSignIns("10.1.2.3, 127.0.0.1 0:0:0:0:0:0:0:1")).containsOnly(401);
	}

	@Test
	void anUnlistedProxyIsNotBelieved() throws Exception {
		assertThat(fortyFiveSpoofedSignIns("10.1.2.3")).contains(429);
	}

	/** Statuses of 45 wrong sign-ins, each with another X-Forwarded-For. */
	private static List<Integer> fortyFiveSpoofedSignIns(String trustedProxies) throws Exception {
		LoginThrottle throttle = new LoginThrottle(PER_MINUTE, LoginThrottle.MAX_TRACKED);
		TomcatServletWebServerFactory factory = new TomcatServletWebServerFactory(0);
		// as Spring Boot configures it for forward-headers-strategy native
		RemoteIpValve valve = new RemoteIpValve();
		valve.setRemoteIpHeader("X-Forwarded-For");
		valve.setProtocolHeader("X-Forwarded-Proto");
		factory.addEngineValves(valve);
		new TrustedProxies(trustedProxies).customize(factory);
		WebServer server = factory.getWebServer(context -> context.addServlet("login", new HttpServlet() {

			@Override
			protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
				// what AuthController does before checking the password (always wrong
				// here)
				response.setStatus(throttle.tryAcquire(request.getRemoteAddr()) ? 401 : 429);
			}

		}).addMapping("/login"));
		server.start();
		try {
			HttpClient http = HttpClient.newHttpClient();
			List<Integer> statuses = new ArrayList<>();
			for (int i = 1; i <= 45; i++) {
				HttpRequest request = HttpRequest
					.newBuilder(URI.create("http://127.0.0.1:" + server.getPort() + "/login"))
					.header("X-Forwarded-For", "203.0.113." + i)
					.POST(HttpRequest.BodyPublishers.noBody())
					.build();
				statuses.add(http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode());
			}
			return statuses;
		}
		finally {
			server.stop();
		}
	}

}
