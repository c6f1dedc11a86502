package org.govgrid.openplatform;

import java.time.Clock;

import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import jakarta.servlet.http.HttpServletRequest;
import org.govgrid.audit.AuditTrail;
import org.govgrid.platform.IdentifierProtection;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.oauth2.server.authorization.OAuth2AuthorizationServerConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.server.authorization.JdbcOAuth2AuthorizationConsentService;
import org.springframework.security.oauth2.server.authorization.JdbcOAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationConsentService;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Two filter chains ordered before identity's session chain, each touching only its own
 * requests: Spring Authorization Server on its endpoints ({@code /oauth2/*},
 * {@code /.well-known/*}, {@code /userinfo}), and the resource server for {@code /api/**}
 * requests that carry {@code Authorization: Bearer} (stateless, no CSRF: a token is not
 * sent by a browser on its own). Everything else, people's sign-in included, goes on to
 * the session chain unchanged. Clients, authorizations and consents live in PostgreSQL
 * (V38).
 */
@Configuration(proxyBeanMethods = false)
class OpenPlatformSecurity {

	/** Requests to the API that carry a bearer token. */
	static final RequestMatcher BEARER_API = OpenPlatformSecurity::isBearerApiCall;

	static boolean isBearerApiCall(HttpServletRequest request) {
		String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
		String path = request.getRequestURI().substring(request.getContextPath().length());
		return authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)
				&& path.startsWith("/api/");
	}

	@Bean
	@Order(Ordered.HIGHEST_PRECEDENCE + 10)
	SecurityFilterChain authorizationServer(HttpSecurity http, EnabledClients clients,
			OAuth2AuthorizationService authorizations, OAuth2AuthorizationConsentService consents, JwtDecoder decoder,
			OpenProblems problems) throws Exception {
		OAuth2AuthorizationServerConfigurer server = new OAuth2AuthorizationServerConfigurer();
		RequestMatcher endpoints = server.getEndpointsMatcher();
		http.securityMatcher(endpoints)
			.with(server,
					configurer -> configurer.registeredClientRepository(clients)
						.authorizationService(authorizations)
						.authorizationConsentService(consents)
						.oidc(Customizer.withDefaults()))
			.authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
			// machines post forms with their own credentials; no browser session is
			// involved
			.csrf(csrf -> csrf.ignoringRequestMatchers(endpoints))
			.oauth2ResourceServer(resource -> resource.jwt(jwt -> jwt.decoder(decoder)))
			.exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(problems));
		return http.build();
	}

	@Bean
	@Order(Ordered.HIGHEST_PRECEDENCE + 20)
	SecurityFilterChain bearerApi(HttpSecurity http, JwtDecoder decoder, ApiClients clients, OpenProblems problems,
			AuditTrail audit) throws Exception {
		http.securityMatcher(BEARER_API)
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.csrf(csrf -> csrf.disable())
			.authorizeHttpRequests(requests -> requests
				// the change feed is for clients (the scopes' permissions decide);
				// people's
				// own account and the platform's administration are never a client's
				.requestMatchers(HttpMethod.GET, "/api/v1/open/changes")
				.authenticated()
				.requestMatchers("/api/v1/auth/**", "/api/v1/open/**")
				.denyAll()
				// decided before a multipart body is read
				.requestMatchers(HttpMethod.POST, "/api/v1/files")
				.hasAuthority("files:file:upload")
				.anyRequest()
				.authenticated())
			.oauth2ResourceServer(resource -> resource
				.jwt(jwt -> jwt.decoder(decoder).jwtAuthenticationConverter(ClientAuthentication.converter(clients)))
				.authenticationEntryPoint(problems)
				.accessDeniedHandler(problems))
			.exceptionHandling(
					exceptions -> exceptions.authenticationEntryPoint(problems).accessDeniedHandler(problems))
			.addFilterAfter(new ClientGuard(problems, audit), BearerTokenAuthenticationFilter.class)
			.formLogin(form -> form.disable())
			.httpBasic(basic -> basic.disable())
			.logout(logout -> logout.disable())
			.requestCache(cache -> cache.disable());
		return http.build();
	}

	@Bean
	EnabledClients registeredClientRepository(JdbcOperations jdbc) {
		return new EnabledClients(jdbc);
	}

	@Bean
	OAuth2AuthorizationService authorizationService(JdbcOperations jdbc, EnabledClients clients) {
		return new JdbcOAuth2AuthorizationService(jdbc, clients);
	}

	@Bean
	OAuth2AuthorizationConsentService authorizationConsentService(JdbcOperations jdbc, EnabledClients clients) {
		return new JdbcOAuth2AuthorizationConsentService(jdbc, clients);
	}

	/**
	 * The issuer follows the request's host unless {@code govgrid.open.issuer} is set.
	 */
	@Bean
	AuthorizationServerSettings authorizationServerSettings(@Value("${govgrid.open.issuer:}") String issuer) {
		AuthorizationServerSettings.Builder settings = AuthorizationServerSettings.builder();
		if (!issuer.isBlank()) {
			settings.issuer(issuer);
		}
		return settings.build();
	}

	@Bean
	SigningKeys signingKeys(JdbcClient jdbc, IdentifierProtection sealing, PlatformTransactionManager transactions,
			AuditTrail audit, Clock clock) {
		return new SigningKeys(jdbc, sealing, new TransactionTemplate(transactions), audit, clock);
	}

	@Bean
	JWKSource<SecurityContext> jwkSource(SigningKeys keys) {
		return keys.published();
	}

	@Bean
	JwtEncoder jwtEncoder(SigningKeys keys) {
		return new NimbusJwtEncoder(keys.signing());
	}

	@Bean
	JwtDecoder jwtDecoder(SigningKeys keys) {
		return NimbusJwtDecoder.withJwkSource(keys.published()).build();
	}

	/** The first key is made (or the stored one read) at start, not on the first call. */
	@EventListener(ApplicationReadyEvent.class)
	void loadSigningKeys(ApplicationReadyEvent ready) {
		ready.getApplicationContext().getBean(SigningKeys.class).reload();
	}

}
