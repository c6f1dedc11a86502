package org.govgrid.identity;

import java.time.Clock;

import org.govgrid.platform.Basemap;
import org.govgrid.platform.BasemapProperties;
import org.govgrid.platform.GovGridProperties;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.ExceptionTranslationFilter;
import org.springframework.security.web.context.DelegatingSecurityContextRepository;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

/**
 * Browser sessions (Spring Session JDBC) with cookie-to-header CSRF for the SPA, method
 * security on permission codes, problem responses for 401/403, and the forced password
 * change gate. Only {@code health} is public among the actuator endpoints.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

	private static final String VIDEO_WEBHOOK = "/api/v1/video/ai-events";

	/**
	 * IoT messages: signed by a device (no session, so no CSRF token; unsigned without a
	 * session is 401) or posted by a signed-in user (CSRF as everywhere).
	 */
	private static final String IOT_MESSAGES = "/api/v1/iot/messages";

	private static final RequestMatcher SIGNED_IOT_MESSAGE = request -> "POST".equals(request.getMethod())
			&& IOT_MESSAGES.equals(request.getRequestURI())
			&& (request.getHeader("X-GovGrid-Signature") != null || request.getRequestedSessionId() == null);

	/**
	 * The CSP; map tiles may come from any https host and from the configured tile
	 * server.
	 */
	static String contentSecurityPolicy(String tileUrl) {
		return contentSecurityPolicy(tileUrl, "");
	}

	/**
	 * As above; {@code streamOrigins} (space-separated, e.g. the city video platform's
	 * {@code https://video.example.gov.cn}) may be fetched by the console's players,
	 * whose media come from blob: URLs (Media Source Extensions).
	 */
	static String contentSecurityPolicy(String tileUrl, String streamOrigins) {
		Basemap basemap = Basemap.resolve(new BasemapProperties("", tileUrl == null ? "" : tileUrl, "", "abc", "",
				new BasemapProperties.Tianditu("", "w", "", "")));
		return contentSecurityPolicy(basemap, streamOrigins);
	}

	/**
	 * As above for a resolved basemap: images from its plain-http tile hosts too, and
	 * fetches from all of them (the phone app's service worker caches tiles).
	 */
	static String contentSecurityPolicy(Basemap basemap, String streamOrigins) {
		String streams = streamOrigins == null || streamOrigins.isBlank() ? ""
				: " " + streamOrigins.strip().replaceAll("[;,\\s]+", " ");
		StringBuilder httpTiles = new StringBuilder();
		StringBuilder allTiles = new StringBuilder();
		for (String origin : basemap.tileOrigins()) {
			allTiles.append(' ').append(origin);
			if (origin.startsWith("http://")) {
				httpTiles.append(' ').append(origin);
			}
		}
		return "default-src 'self'; img-src 'self' data: blob: https:" + httpTiles
				+ "; style-src 'self' 'unsafe-inline'; script-src 'self'; connect-src 'self'" + streams + allTiles
				+ "; media-src 'self' blob:" + streams + "; worker-src 'self' blob:; font-src 'self' data:; "
				+ "object-src 'none'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'";
	}

	@Bean
	SecurityFilterChain api(HttpSecurity http, SecurityProblems problems, SecurityContextRepository contexts,
			GovGridProperties properties, Basemap basemap, CsrfTokens csrfTokens,
			@org.springframework.beans.factory.annotation.Value("${govgrid.video.stream-origins:}") String streamOrigins)
			throws Exception {
		http.securityContext(context -> context.securityContextRepository(contexts))
			// the video-AI webhook is a machine's signed call, never a browser's
			.csrf(csrf -> csrf.spa()
				.csrfTokenRepository(csrfTokens.repository())
				.ignoringRequestMatchers(VIDEO_WEBHOOK)
				.ignoringRequestMatchers(SIGNED_IOT_MESSAGE))
			.addFilterAfter(new CsrfCookieFilter(), CsrfFilter.class)
			.addFilterAfter(new SessionLifetimeFilter(properties.security().absoluteTimeout(), problems),
					CsrfCookieFilter.class)
			.addFilterAfter(new PasswordChangeGate(problems), ExceptionTranslationFilter.class)
			.authorizeHttpRequests(requests -> requests.requestMatchers(HttpMethod.POST, "/api/v1/auth/login")
				.permitAll()
				// authenticated by its HMAC signature in the video module
				.requestMatchers(HttpMethod.POST, VIDEO_WEBHOOK)
				.permitAll()
				// a device's signature is checked in the iot module; users by
				// @PreAuthorize
				.requestMatchers(HttpMethod.POST, IOT_MESSAGES)
				.permitAll()
				.requestMatchers("/api/v1/config/public", "/actuator/health", "/actuator/health/**")
				.permitAll()
				.requestMatchers("/actuator/prometheus")
				.hasAuthority("ops:metrics:read")
				.requestMatchers("/actuator/**")
				.denyAll()
				// all of /v3: "/v3/api-docs/**" alone left "/v3/api-docs.yaml" open to
				// anyone
				.requestMatchers("/v3/**", "/swagger-ui/**", "/swagger-ui.html")
				.hasRole("SYS_ADMIN")
				// decided before a multipart body is read, so a wrong role is 403
				// whatever it sent
				.requestMatchers(HttpMethod.POST, "/api/v1/files")
				.hasAuthority("files:file:upload")
				.requestMatchers("/api/**")
				.authenticated()
				.anyRequest()
				.permitAll())
			.exceptionHandling(
					exceptions -> exceptions.authenticationEntryPoint(problems).accessDeniedHandler(problems))
			.formLogin(form -> form.disable())
			.httpBasic(basic -> basic.disable())
			.logout(logout -> logout.disable())
			.requestCache(cache -> cache.disable())
			.headers(headers -> headers
				.contentSecurityPolicy(csp -> csp.policyDirectives(contentSecurityPolicy(basemap, streamOrigins)))
				.referrerPolicy(referrer -> referrer
					.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN)));
		return http.build();
	}

	@Bean
	SecurityContextRepository securityContextRepository() {
		return new DelegatingSecurityContextRepository(new RequestAttributeSecurityContextRepository(),
				new HttpSessionSecurityContextRepository());
	}

	@Bean
	PasswordEncoder passwordEncoder() {
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

}
