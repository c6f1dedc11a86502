package org.govgrid.openplatform;

import java.time.Clock;

import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import jakarta.servlet.http.HttpServletRequest;
import org.govgrid.audit.AuditTrail;
import org.govgrid.identity.SignInState;
import org.govgrid.platform.DataScope;
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
import org.springframework.security.jackson.SecurityJacksonModules;
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
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.oauth2.core.oidc.OidcUserInfo;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.session.security.SpringSessionBackedSessionRegistry;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.jsontype.BasicPolymorphicTypeValidator;

/**
 * Two filter chains ordered before identity's session chain, each touching only its own
 * requests: Spring Authorization Server on its endpoints ({@code /oauth2/*},
 * {@code /.well-known/*}, {@code /userinfo}, {@code /connect/logout}), OpenID Connect on,
 * people signing in for single sign-on on the console's own page ({@link SsoSignIn}), and
 * the resource server for {@code /api/**} requests that carry
 * {@code Authorization: Bearer} (stateless, no CSRF: a token is not sent by a browser on
 * its own). Everything else, people's sign-in included, goes on to the session chain
 * unchanged. Clients, authorizations and consents live in PostgreSQL (V38).
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
			OpenProblems problems, SsoClaims claims, AuditTrail audit) throws Exception {
		OAuth2AuthorizationServerConfigurer server = new OAuth2AuthorizationServerConfigurer();
		RequestMatcher endpoints = server.getEndpointsMatcher();
		SsoSignIn signIn = new SsoSignIn();
		http.securityMatcher(endpoints)
			.with(server, configurer -> configurer.registeredClientRepository(clients)
				.authorizationService(authorizations)
				.authorizationConsentService(consents)
				.authorizationEndpoint(authorize -> authorize.consentPage(SsoPages.CONSENT)
					.authenticationProviders(SsoPolicies::onAuthorizationRequests))
				.oidc(oidc -> oidc
					.providerConfigurationEndpoint(
							metadata -> metadata.providerConfigurationCustomizer(SsoPolicies::describe))
					.userInfoEndpoint(userInfo -> userInfo.userInfoMapper(context -> new OidcUserInfo(claims
						.of(context.getAuthorization().getPrincipalName(), context.getAccessToken().getScopes()))))
					.logoutEndpoint(logout -> logout.logoutResponseHandler(SsoPolicies.auditedLogout(audit)))))
			.authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
			// machines post forms with their own credentials; a browser's consent and
			// sign-out carry the authorization server's own state or ID token
			.csrf(csrf -> csrf.ignoringRequestMatchers(endpoints))
			.addFilterBefore(signIn, CsrfFilter.class)
			.requestCache(cache -> cache.disable())
			.oauth2ResourceServer(resource -> resource.jwt(jwt -> jwt.decoder(decoder)))
			.exceptionHandling(
					exceptions -> exceptions.defaultAuthenticationEntryPointFor(signIn, SsoSignIn.AUTHORIZATION_REQUEST)
						.defaultAuthenticationEntryPointFor(problems, request -> true));
		return http.build();
	}

	/**
	 * Sessions by person, read from Spring Session's index: the ID token's {@code sid}
	 * and RP-initiated logout find the session on any node.
	 */
	@Bean
	SessionRegistry ssoSessionRegistry(FindByIndexNameSessionRepository<? extends Session> sessions) {
		return new SpringSessionBackedSessionRegistry<>(sessions);
	}

	@Bean
	@Order(Ordered.HIGHEST_PRECEDENCE + 20)
	SecurityFilterChain bearerApi(HttpSecurity http, JwtDecoder decoder, ApiClients clients, OpenProblems problems,
			AuditTrail audit) throws Exception {
		http.securityMatcher(BEARER_API)
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.csrf(csrf -> csrf.disable())
			.authorizeHttpRequests(requests -> requests
				// the change feed and the client's own API document are for clients
				// (the scopes' permissions decide); people's own account and the
				// platform's administration are never a client's
				.requestMatchers(HttpMethod.GET, "/api/v1/open/changes", "/api/v1/open/openapi.json")
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

	/**
	 * Authorizations in PostgreSQL. A person's authorization keeps their sign-in (the
	 * session's principal) as typed JSON, so the mapper allows exactly that type and its
	 * scope besides Spring Security's own.
	 */
	@Bean
	OAuth2AuthorizationService authorizationService(JdbcOperations jdbc, EnabledClients clients) {
		JdbcOAuth2AuthorizationService service = new JdbcOAuth2AuthorizationService(jdbc, clients);
		BasicPolymorphicTypeValidator.Builder types = BasicPolymorphicTypeValidator.builder()
			.allowIfSubType(SignInState.PRINCIPAL_TYPE)
			.allowIfSubType(DataScope.class.getName())
			// the principal's roles and permissions; the ID token's roles and region id
			.allowIfSubType(java.util.TreeSet.class)
			.allowIfSubType(java.util.ArrayList.class)
			.allowIfSubType(Long.class);
		JsonMapper json = JsonMapper.builder()
			.addModules(SecurityJacksonModules.getModules(OpenPlatformSecurity.class.getClassLoader(), types))
			.build();
		service.setAuthorizationRowMapper(
				new JdbcOAuth2AuthorizationService.JsonMapperOAuth2AuthorizationRowMapper(clients, json));
		service.setAuthorizationParametersMapper(
				new JdbcOAuth2AuthorizationService.JsonMapperOAuth2AuthorizationParametersMapper(json));
		return service;
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
