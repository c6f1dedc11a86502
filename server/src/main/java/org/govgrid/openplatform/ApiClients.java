package org.govgrid.openplatform;

import java.security.SecureRandom;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.govgrid.audit.AuditRecord;
import org.govgrid.audit.AuditTrail;
import org.govgrid.identity.IdentityProvisioning;
import org.govgrid.platform.ConflictException;
import org.govgrid.platform.FieldErrors;
import org.govgrid.platform.NotFoundException;
import org.govgrid.platform.PageQuery;
import org.govgrid.platform.PageResponse;
import org.govgrid.platform.ScopeFilter;
import org.govgrid.platform.ScopedPrincipal;

import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * API clients of other systems (issue 16). Each is a registered client of the
 * authorization server (client_credentials, secret hashed by the delegating password
 * encoder) plus GovGrid's row: unit, scopes, region, rate limit, allowed addresses, and a
 * service account (no role, unknown password) that its reports and audit rows are made
 * under (ADR 0011). The system admin sees the clients whose region lies in their own
 * scope; any other is 404. Every change is audited.
 */
@Service
class ApiClients {

	/** Lifetime of an access token; retired signing keys stay published this long. */
	static final Duration ACCESS_TOKEN_TTL = Duration.ofMinutes(30);

	/** Refresh tokens of the single sign-on: rotated at each use, a working day long. */
	static final Duration REFRESH_TOKEN_TTL = Duration.ofHours(8);

	private static final String SELECT = """
			select c.*, r.name as region_name, o.authorization_grant_types, o.redirect_uris,
			    o.post_logout_redirect_uris, o.client_authentication_methods like '%none%' as public_client,
			    coalesce((o.client_settings::jsonb ->> 'settings.client.require-authorization-consent')::boolean, false)
			        as require_consent
			from open_api_client c join region r on r.id = c.region_id
			join oauth2_registered_client o on o.id = c.registered_client_id""";

	private final SecureRandom random = new SecureRandom();

	private final NamedParameterJdbcTemplate jdbc;

	private final RegisteredClientRepository registered;

	private final ApiClientValidation validation;

	private final IdentityProvisioning identity;

	private final PasswordEncoder encoder;

	private final AuditTrail audit;

	private final Clock clock;

	ApiClients(NamedParameterJdbcTemplate jdbc, EnabledClients registered, ApiClientValidation validation,
			IdentityProvisioning identity, PasswordEncoder encoder, AuditTrail audit, Clock clock) {
		this.jdbc = jdbc;
		// disabled clients too: they are still administered
		this.registered = registered.all();
		this.validation = validation;
		this.identity = identity;
		this.encoder = encoder;
		this.audit = audit;
		this.clock = clock;
	}

	/** What the bearer-token path needs to know about a client, read at every call. */
	record ClientAccess(long id, String clientId, String name, boolean enabled, long regionId, String regionPath,
			int rateLimitPerMinute, List<CidrRange> allowedIps, long serviceUserId, List<String> scopes) {

		boolean allows(String address) {
			return this.allowedIps.isEmpty() || this.allowedIps.stream().anyMatch(range -> range.contains(address));
		}

	}

	@Transactional
	ApiClientView create(ApiClientCommand command, ScopedPrincipal caller) {
		ApiClientValidation.Valid valid = this.validation.validate(command, caller);
		String clientId = "gg-" + HexFormat.of().formatHex(bytes(10));
		String secret = valid.sso().publicClient() ? null : newSecret();
		Instant now = this.clock.instant();
		String registeredId = UUID.randomUUID().toString();
		RegisteredClient.Builder client = RegisteredClient.withId(registeredId)
			.clientId(clientId)
			.clientIdIssuedAt(now)
			.clientSecret(secret == null ? null : this.encoder.encode(secret));
		this.registered.save(configure(client, valid).build());
		long serviceUser = this.identity.account("api-" + clientId, truncate("接入应用 " + valid.name(), 100), List.of(),
				valid.region().id(), null, "Ap1#" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes(24)));
		long id = this.jdbc.queryForObject("""
				insert into open_api_client (registered_client_id, client_id, name, unit, scopes, region_id,
				    region_path, rate_limit_per_minute, allowed_ips, service_user_id, created_at, updated_at,
				    secret_rotated_at)
				values (:registered, :clientId, :name, :unit, :scopes, :region, :path, :rate, :ips, :user,
				    :now, :now, :now)
				returning id""",
				values(valid, now).addValue("registered", registeredId)
					.addValue("clientId", clientId)
					.addValue("user", serviceUser),
				Long.class);
		this.audit.record(AuditRecord.success("OPEN_CLIENT_CREATE", "api-client", id, describe(clientId, valid)));
		ApiClientView created = view(id, caller);
		return secret == null ? created : created.withSecret(secret);
	}

	@Transactional
	ApiClientView update(long id, ApiClientCommand command, ScopedPrincipal caller) {
		ApiClientView current = view(id, caller);
		ApiClientValidation.Valid valid = this.validation.validate(command, caller, current.sso());
		int updated = this.jdbc.update("""
				update open_api_client set name = :name, unit = :unit, scopes = :scopes, region_id = :region,
				    region_path = :path, rate_limit_per_minute = :rate, allowed_ips = :ips, updated_at = :now,
				    version = version + 1
				where id = :id and version = :version""", values(valid, this.clock.instant()).addValue("id", id)
			.addValue("version", command.version() == null ? current.version() : command.version()));
		if (updated != 1) {
			throw new ConflictException("changed by someone else; reload / 数据已被他人修改，请刷新");
		}
		RegisteredClient client = registeredOf(current.clientId());
		this.registered.save(configure(RegisteredClient.from(client), valid).build());
		this.audit
			.record(AuditRecord.success("OPEN_CLIENT_UPDATE", "api-client", id, describe(current.clientId(), valid)));
		return view(id, caller);
	}

	/** A new secret, shown once in the answer; the old one stops working at once. */
	@Transactional
	ApiClientView rotateSecret(long id, ScopedPrincipal caller) {
		ApiClientView current = view(id, caller);
		if (current.publicClient()) {
			FieldErrors errors = new FieldErrors();
			errors.add("publicClient", "a public client has no secret / 公开客户端没有密钥");
			errors.throwIfAny();
		}
		String secret = newSecret();
		this.registered.save(RegisteredClient.from(registeredOf(current.clientId()))
			.clientSecret(this.encoder.encode(secret))
			.build());
		this.jdbc.update(
				"update open_api_client set secret_rotated_at = :now, updated_at = :now, version = version + 1 where id = :id",
				new MapSqlParameterSource("id", id).addValue("now", Timestamp.from(this.clock.instant())));
		this.audit.record(AuditRecord.success("OPEN_CLIENT_ROTATE_SECRET", "api-client", id, current.clientId()));
		return view(id, caller).withSecret(secret);
	}

	/**
	 * A disabled client gets no token and its tokens are refused at once (the bearer path
	 * reads the flag at every call).
	 */
	@Transactional
	ApiClientView setEnabled(long id, boolean enabled, ScopedPrincipal caller) {
		ApiClientView current = view(id, caller);
		this.jdbc.update(
				"update open_api_client set enabled = :enabled, updated_at = :now, version = version + 1 where id = :id",
				new MapSqlParameterSource("id", id).addValue("enabled", enabled)
					.addValue("now", Timestamp.from(this.clock.instant())));
		this.audit.record(AuditRecord.success(enabled ? "OPEN_CLIENT_ENABLE" : "OPEN_CLIENT_DISABLE", "api-client", id,
				current.clientId()));
		return view(id, caller);
	}

	@Transactional(readOnly = true)
	ApiClientView view(long id, ScopedPrincipal caller) {
		MapSqlParameterSource params = new MapSqlParameterSource("id", id);
		String scope = ScopeFilter.of(caller.scope(), "c.region_path").addTo(params);
		return this.jdbc.query(SELECT + " where c.id = :id and " + scope, params, ApiClients::row)
			.stream()
			.findFirst()
			.orElseThrow(() -> new NotFoundException("api-client", id));
	}

	@Transactional(readOnly = true)
	PageResponse<ApiClientView> list(String keyword, PageQuery paging, ScopedPrincipal caller) {
		MapSqlParameterSource params = new MapSqlParameterSource();
		StringBuilder where = new StringBuilder(ScopeFilter.of(caller.scope(), "c.region_path").addTo(params));
		if (keyword != null && !keyword.isBlank()) {
			where.append(" and (c.name ilike :q or c.unit ilike :q or c.client_id ilike :q)");
			params.addValue("q", "%" + keyword.strip().replace("%", "\\%").replace("_", "\\_") + "%");
		}
		Pageable page = paging.toPageable(Sort.unsorted());
		Long total = this.jdbc.queryForObject("select count(*) from open_api_client c where " + where, params,
				Long.class);
		params.addValue("limit", page.getPageSize()).addValue("offset", page.getOffset());
		List<ApiClientView> items = this.jdbc.query(
				SELECT + " where " + where + " order by c.created_at desc, c.id desc limit :limit offset :offset",
				params, ApiClients::row);
		return new PageResponse<>(items, total == null ? 0 : total, page.getPageNumber() + 1, page.getPageSize());
	}

	/** The client behind a token or a token request, whatever the caller's scope. */
	Optional<ClientAccess> access(String clientId) {
		return this.jdbc
			.query("""
					select id, client_id, name, enabled, region_id, region_path, rate_limit_per_minute, allowed_ips,
					    service_user_id, scopes
					from open_api_client where client_id = :clientId""",
					new MapSqlParameterSource("clientId", clientId),
					(rs, n) -> new ClientAccess(rs.getLong("id"), rs.getString("client_id"), rs.getString("name"),
							rs.getBoolean("enabled"), rs.getLong("region_id"), rs.getString("region_path"),
							rs.getInt("rate_limit_per_minute"),
							strings(rs.getArray("allowed_ips")).stream()
								.map(ip -> CidrRange.parse(ip).orElseThrow())
								.toList(),
							rs.getLong("service_user_id"), strings(rs.getArray("scopes"))))
			.stream()
			.findFirst();
	}

	/**
	 * The authorization server's view of a client from its command: grants, how it
	 * authenticates (a public client: none, PKCE S256 required), redirect URIs (matched
	 * exactly), consent, token lifetimes.
	 */
	private static RegisteredClient.Builder configure(RegisteredClient.Builder client,
			ApiClientValidation.Valid valid) {
		SsoSettings sso = valid.sso();
		client.clientName(valid.name()).clientAuthenticationMethods(methods -> {
			methods.clear();
			if (sso.publicClient()) {
				methods.add(ClientAuthenticationMethod.NONE);
			}
			else {
				methods.add(ClientAuthenticationMethod.CLIENT_SECRET_BASIC);
				methods.add(ClientAuthenticationMethod.CLIENT_SECRET_POST);
			}
		}).authorizationGrantTypes(grants -> {
			grants.clear();
			if (sso.callsAsItself()) {
				grants.add(AuthorizationGrantType.CLIENT_CREDENTIALS);
			}
			if (sso.signsPeopleIn()) {
				grants.add(AuthorizationGrantType.AUTHORIZATION_CODE);
				grants.add(AuthorizationGrantType.REFRESH_TOKEN);
			}
		}).redirectUris(uris -> {
			uris.clear();
			uris.addAll(sso.redirectUris());
		}).postLogoutRedirectUris(uris -> {
			uris.clear();
			uris.addAll(sso.postLogoutRedirectUris());
		}).scopes(scopes -> {
			scopes.clear();
			scopes.addAll(valid.scopes());
		})
			.clientSettings(ClientSettings.builder()
				.requireAuthorizationConsent(sso.requireConsent())
				.requireProofKey(sso.publicClient())
				.build())
			.tokenSettings(TokenSettings.builder()
				.accessTokenTimeToLive(ACCESS_TOKEN_TTL)
				.refreshTokenTimeToLive(REFRESH_TOKEN_TTL)
				.reuseRefreshTokens(false)
				.build());
		return client;
	}

	private RegisteredClient registeredOf(String clientId) {
		RegisteredClient client = this.registered.findByClientId(clientId);
		if (client == null) {
			throw new IllegalStateException("no registered client " + clientId);
		}
		return client;
	}

	private static MapSqlParameterSource values(ApiClientValidation.Valid valid, Instant now) {
		return new MapSqlParameterSource("name", valid.name()).addValue("unit", valid.unit())
			.addValue("scopes", valid.scopes().toArray(String[]::new))
			.addValue("region", valid.region().id())
			.addValue("path", valid.region().path())
			.addValue("rate", valid.rateLimitPerMinute())
			.addValue("ips", valid.allowedIps().toArray(String[]::new))
			.addValue("now", Timestamp.from(now));
	}

	private static String describe(String clientId, ApiClientValidation.Valid valid) {
		return clientId + " scopes=" + String.join(",", valid.scopes()) + " region=" + valid.region().code() + " rate="
				+ valid.rateLimitPerMinute() + "/min ips=" + String.join(",", valid.allowedIps()) + " grants="
				+ String.join(",", valid.sso().grantTypes()) + " redirects="
				+ String.join(",", valid.sso().redirectUris()) + " consent=" + valid.sso().requireConsent() + " public="
				+ valid.sso().publicClient();
	}

	private static ApiClientView row(ResultSet rs, int n) throws SQLException {
		return new ApiClientView(rs.getLong("id"), rs.getString("client_id"), rs.getString("name"),
				rs.getString("unit"), strings(rs.getArray("scopes")), rs.getLong("region_id"),
				rs.getString("region_name"), rs.getInt("rate_limit_per_minute"), strings(rs.getArray("allowed_ips")),
				rs.getBoolean("enabled"), rs.getTimestamp("created_at").toInstant(),
				rs.getTimestamp("updated_at").toInstant(), rs.getTimestamp("secret_rotated_at").toInstant(),
				rs.getInt("version"),
				split(rs.getString("authorization_grant_types")).stream()
					.filter(grant -> !grant.equals(AuthorizationGrantType.REFRESH_TOKEN.getValue()))
					.toList(),
				split(rs.getString("redirect_uris")), split(rs.getString("post_logout_redirect_uris")),
				rs.getBoolean("require_consent"), rs.getBoolean("public_client"), null);
	}

	/** The authorization server's comma-separated columns. */
	private static List<String> split(String joined) {
		return joined == null || joined.isBlank() ? List.of()
				: Arrays.stream(joined.split(",")).map(String::strip).filter(s -> !s.isEmpty()).sorted().toList();
	}

	private static List<String> strings(Array array) throws SQLException {
		return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
	}

	private String newSecret() {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes(32));
	}

	private byte[] bytes(int count) {
		byte[] bytes = new byte[count];
		this.random.nextBytes(bytes);
		return bytes;
	}

	private static String truncate(String value, int max) {
		return value.length() <= max ? value : value.substring(0, max);
	}

}
