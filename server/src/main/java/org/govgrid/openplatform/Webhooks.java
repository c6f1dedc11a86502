package org.govgrid.openplatform;

import java.security.SecureRandom;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

import org.govgrid.audit.AuditRecord;
import org.govgrid.audit.AuditTrail;
import org.govgrid.platform.ConflictException;
import org.govgrid.platform.IdentifierProtection;
import org.govgrid.platform.NotFoundException;
import org.govgrid.platform.ScopeFilter;
import org.govgrid.platform.ScopedPrincipal;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The webhooks of API clients, for the system admin: a webhook belongs to a client and
 * hears only of changes inside that client's region. The signing secret is made here,
 * shown once and kept sealed ({@link IdentifierProtection}) because every delivery must
 * be signed with it again. A client outside the admin's scope is 404, with its webhooks.
 * Every change is audited.
 */
@Service
class Webhooks {

	private static final String SELECT = """
			select w.*, c.name as client_name from open_webhook w join open_api_client c on c.id = w.client_id""";

	private final SecureRandom random = new SecureRandom();

	private final NamedParameterJdbcTemplate jdbc;

	private final ApiClients clients;

	private final WebhookValidation validation;

	private final IdentifierProtection sealing;

	private final AuditTrail audit;

	private final Clock clock;

	Webhooks(NamedParameterJdbcTemplate jdbc, ApiClients clients, WebhookValidation validation,
			IdentifierProtection sealing, AuditTrail audit, Clock clock) {
		this.jdbc = jdbc;
		this.clients = clients;
		this.validation = validation;
		this.sealing = sealing;
		this.audit = audit;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	List<WebhookView> list(long clientId, ScopedPrincipal caller) {
		this.clients.view(clientId, caller);
		return this.jdbc.query(SELECT + " where w.client_id = :client order by w.id",
				new MapSqlParameterSource("client", clientId), Webhooks::row);
	}

	@Transactional
	WebhookView create(long clientId, WebhookCommand command, ScopedPrincipal caller) {
		this.clients.view(clientId, caller);
		WebhookValidation.Valid valid = this.validation.validate(command);
		String secret = "whsec_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes(32));
		long id = this.jdbc.queryForObject("""
				insert into open_webhook (client_id, url, event_types, secret_sealed, enabled, created_at, updated_at)
				values (:client, :url, :types, :secret, :enabled, :now, :now) returning id""",
				values(valid).addValue("client", clientId).addValue("secret", this.sealing.sealText(secret)),
				Long.class);
		this.audit.record(AuditRecord.success("OPEN_WEBHOOK_CREATE", "webhook", id, describe(clientId, valid)));
		return view(clientId, id, caller).withSecret(secret);
	}

	@Transactional
	WebhookView update(long clientId, long id, WebhookCommand command, ScopedPrincipal caller) {
		WebhookView current = view(clientId, id, caller);
		WebhookValidation.Valid valid = this.validation.validate(command);
		int updated = this.jdbc.update("""
				update open_webhook set url = :url, event_types = :types, enabled = :enabled, updated_at = :now,
				    version = version + 1
				where id = :id and version = :version""", values(valid).addValue("id", id)
			.addValue("version", command.version() == null ? current.version() : command.version()));
		if (updated != 1) {
			throw new ConflictException("changed by someone else; reload / 数据已被他人修改，请刷新");
		}
		this.audit.record(AuditRecord.success("OPEN_WEBHOOK_UPDATE", "webhook", id, describe(clientId, valid)));
		return view(clientId, id, caller);
	}

	/** Removes the webhook with its delivery log; nothing more is sent to it. */
	@Transactional
	void delete(long clientId, long id, ScopedPrincipal caller) {
		WebhookView current = view(clientId, id, caller);
		this.jdbc.update("delete from open_webhook where id = :id", new MapSqlParameterSource("id", id));
		this.audit.record(AuditRecord.success("OPEN_WEBHOOK_DELETE", "webhook", id, current.url()));
	}

	@Transactional(readOnly = true)
	WebhookView view(long clientId, long id, ScopedPrincipal caller) {
		this.clients.view(clientId, caller);
		return this.jdbc
			.query(SELECT + " where w.id = :id and w.client_id = :client",
					new MapSqlParameterSource("id", id).addValue("client", clientId), Webhooks::row)
			.stream()
			.findFirst()
			.orElseThrow(() -> new NotFoundException("webhook", id));
	}

	/** Re-queues a delivery (whatever its state), due now with a fresh retry window. */
	@Transactional
	void replay(long deliveryId, ScopedPrincipal caller) {
		MapSqlParameterSource params = new MapSqlParameterSource("id", deliveryId).addValue("now",
				Timestamp.from(this.clock.instant()));
		String scope = ScopeFilter.of(caller.scope(), "c.region_path").addTo(params);
		int updated = this.jdbc.update("""
				update open_webhook_delivery d set status = 'PENDING', next_attempt_at = :now, retry_since = :now,
				    round_attempts = 0, delivered_at = null
				from open_webhook w join open_api_client c on c.id = w.client_id
				where w.id = d.webhook_id and d.id = :id and""" + " " + scope, params);
		if (updated != 1) {
			throw new NotFoundException("webhook-delivery", deliveryId);
		}
		this.audit.record(AuditRecord.success("OPEN_WEBHOOK_REPLAY", "webhook-delivery", deliveryId, null));
	}

	private MapSqlParameterSource values(WebhookValidation.Valid valid) {
		return new MapSqlParameterSource("url", valid.url())
			.addValue("types", valid.eventTypes().toArray(String[]::new))
			.addValue("enabled", valid.enabled())
			.addValue("now", Timestamp.from(this.clock.instant()));
	}

	private static String describe(long clientId, WebhookValidation.Valid valid) {
		return "client " + clientId + " " + valid.url() + " types=" + String.join(",", valid.eventTypes())
				+ (valid.enabled() ? "" : " disabled");
	}

	private static WebhookView row(ResultSet rs, int n) throws SQLException {
		return new WebhookView(rs.getLong("id"), rs.getLong("client_id"), rs.getString("client_name"),
				rs.getString("url"), strings(rs.getArray("event_types")), rs.getBoolean("enabled"),
				rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant(),
				rs.getInt("version"), null);
	}

	private static List<String> strings(Array array) throws SQLException {
		return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
	}

	private byte[] bytes(int count) {
		byte[] bytes = new byte[count];
		this.random.nextBytes(bytes);
		return bytes;
	}

}
