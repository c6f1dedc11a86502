package org.govgrid.openplatform;

import java.util.Collection;
import java.util.List;
import java.util.Set;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;

/**
 * A verified access token turned into the calling client: the client must still exist and
 * be enabled (read at every call, so disabling takes effect at once), and only scopes it
 * still holds count.
 */
final class ClientAuthentication extends AbstractAuthenticationToken {

	private final ApiClientPrincipal principal;

	private final transient ApiClients.ClientAccess access;

	private final transient Jwt token;

	ClientAuthentication(ApiClientPrincipal principal, ApiClients.ClientAccess access, Jwt token,
			Collection<? extends GrantedAuthority> authorities) {
		super(authorities);
		this.principal = principal;
		this.access = access;
		this.token = token;
		setAuthenticated(true);
	}

	@Override
	public Object getCredentials() {
		return this.token;
	}

	@Override
	public ApiClientPrincipal getPrincipal() {
		return this.principal;
	}

	ApiClients.ClientAccess access() {
		return this.access;
	}

	/** The converter the resource server uses for every verified token. */
	static Converter<Jwt, ClientAuthentication> converter(ApiClients clients) {
		return jwt -> {
			// a client's own token names it as subject and audience; a person's single
			// sign-on token (subject: the username) is no API credential
			String clientId = jwt.getSubject();
			if (clientId != null && (jwt.getAudience() == null || !jwt.getAudience().contains(clientId))) {
				clientId = null;
			}
			ApiClients.ClientAccess access = clientId == null ? null
					: clients.access(clientId).filter(ApiClients.ClientAccess::enabled).orElse(null);
			if (access == null) {
				throw new InvalidBearerTokenException("the client is unknown or disabled");
			}
			List<String> requested = jwt.getClaimAsStringList("scope");
			Set<String> granted = new java.util.TreeSet<>(requested == null ? List.of() : requested);
			granted.retainAll(access.scopes());
			Set<String> permissions = OpenScope.permissionsOf(granted);
			ApiClientPrincipal principal = new ApiClientPrincipal(access.serviceUserId(),
					ApiClientPrincipal.usernameOf(clientId), access.name(),
					new org.govgrid.platform.DataScope(access.regionId(), access.regionPath()), permissions, clientId);
			List<GrantedAuthority> authorities = new java.util.ArrayList<>();
			permissions.forEach(p -> authorities.add(new SimpleGrantedAuthority(p)));
			granted.forEach(s -> authorities.add(new SimpleGrantedAuthority("SCOPE_" + s)));
			return new ClientAuthentication(principal, access, jwt, authorities);
		};
	}

}
