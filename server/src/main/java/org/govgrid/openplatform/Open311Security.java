package org.govgrid.openplatform;

import org.govgrid.audit.AuditTrail;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;

import tools.jackson.databind.json.JsonMapper;

/**
 * The chain of {@code /open311/**}, ordered before identity's session chain: stateless,
 * no CSRF (no browser session is involved), reads open to anyone (GeoReport v2 reads are
 * public; the service narrows what an anonymous caller sees), writes decided by
 * {@code @PreAuthorize}, every error in Open311's format.
 */
@Configuration(proxyBeanMethods = false)
class Open311Security {

	@Bean
	@Order(Ordered.HIGHEST_PRECEDENCE + 30)
	SecurityFilterChain open311(HttpSecurity http, JwtDecoder decoder, ApiClients clients, EnabledClients registered,
			PasswordEncoder encoder, JsonMapper json, AuditTrail audit) throws Exception {
		Open311Errors errors = new Open311Errors(json, audit);
		http.securityMatcher("/open311/**")
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.csrf(csrf -> csrf.disable())
			.authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
			// not a bean: a filter bean would also run on every other request
			.addFilterBefore(new Open311Callers(decoder, clients, registered, encoder, errors, audit),
					AnonymousAuthenticationFilter.class)
			.exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(errors).accessDeniedHandler(errors))
			.formLogin(form -> form.disable())
			.httpBasic(basic -> basic.disable())
			.logout(logout -> logout.disable())
			.requestCache(cache -> cache.disable());
		return http.build();
	}

}
