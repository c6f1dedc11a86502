package org.govgrid.platform;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.apache.catalina.valves.RemoteIpValve;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;

/**
 * The client address every module sees ({@code request.getRemoteAddr()}: sign-in limit,
 * audit trail, API client address lists) comes from {@code X-Forwarded-For} only when the
 * connection is from a proxy listed in {@code govgrid.http.trusted-proxies}. Tomcat's
 * default trusts loopback and every private range, so on an intranet any client could
 * claim any address; the default here trusts nobody.
 */
@Component
public final class TrustedProxies implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

	private final List<String> addresses;

	public TrustedProxies(@Value("${govgrid.http.trusted-proxies:}") String addresses) {
		this.addresses = parse(addresses);
	}

	private static List<String> parse(String addresses) {
		return addresses == null ? List.of()
				: Arrays.stream(addresses.split("[,\\s]+")).map(String::strip).filter(a -> !a.isEmpty()).toList();
	}

	/** The exact addresses as one regex for RemoteIpValve; empty trusts no proxy. */
	static String pattern(List<String> addresses) {
		return addresses.stream().map(Pattern::quote).collect(Collectors.joining("|"));
	}

	@Override
	public void customize(TomcatServletWebServerFactory factory) {
		// Boot adds the valve for forward-headers-strategy=native; only the list decides
		factory.getEngineValves().forEach(valve -> {
			if (valve instanceof RemoteIpValve remoteIp) {
				remoteIp.setInternalProxies(pattern(this.addresses));
				remoteIp.setTrustedProxies(null);
			}
		});
	}

	/** After Boot's own customizer, which adds and configures the valve. */
	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

}
