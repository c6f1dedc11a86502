package org.govgrid.openplatform;

import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import org.govgrid.audit.AuditRecord;
import org.govgrid.audit.AuditTrail;
import org.govgrid.platform.IdentifierProtection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The RSA keys that sign access tokens, kept in {@code open_signing_key} with the private
 * half sealed by {@link IdentifierProtection}: made once (on the first start of the first
 * node), read again at every start, rotated on demand. A retired key stays published
 * until every token it signed has expired, so rotating never breaks a caller mid-token.
 * Nodes re-read the table every minute, and at once when a token names a key they do not
 * know.
 */
class SigningKeys {

	private static final Logger log = LoggerFactory.getLogger(SigningKeys.class);

	static final Duration RELOAD_EVERY = Duration.ofMinutes(1);

	private static final Duration UNKNOWN_KEY_RELOAD = Duration.ofSeconds(5);

	/** Published after retirement: the longest token lifetime plus clock skew. */
	static final Duration RETIRED_PUBLISHED = ApiClients.ACCESS_TOKEN_TTL.plus(Duration.ofMinutes(5));

	private final JdbcClient jdbc;

	private final IdentifierProtection sealing;

	private final TransactionTemplate transactions;

	private final AuditTrail audit;

	private final Clock clock;

	private volatile Loaded loaded;

	/** The active key (with its private half) and all published keys (public halves). */
	record Loaded(RSAKey active, JWKSet published, Instant at) {
	}

	SigningKeys(JdbcClient jdbc, IdentifierProtection sealing, TransactionTemplate transactions, AuditTrail audit,
			Clock clock) {
		this.jdbc = jdbc;
		this.sealing = sealing;
		this.transactions = transactions;
		this.audit = audit;
		this.clock = clock;
	}

	/** Signs with the active key only (the encoder must find exactly one). */
	JWKSource<SecurityContext> signing() {
		return (selector, context) -> selector.select(new JWKSet(current().active()));
	}

	/** Verifies with, and publishes, every key still in use. */
	JWKSource<SecurityContext> published() {
		return (selector, context) -> {
			List<JWK> found = selector.select(current().published());
			Loaded known = current();
			if (found.isEmpty() && namesKeys(selector)
					&& known.at().plus(UNKNOWN_KEY_RELOAD).isBefore(this.clock.instant())) {
				// another node may have rotated since we last read (at most every few
				// seconds, so made-up key ids cannot hammer the database)
				found = selector.select(reload().published());
			}
			return found;
		};
	}

	String activeKeyId() {
		return current().active().getKeyID();
	}

	/** Makes a new active key and retires the old one; returns the new key's id. */
	String rotate() {
		String kid = this.transactions.execute(status -> {
			Instant now = this.clock.instant();
			this.jdbc.sql("update open_signing_key set retired_at = :now where retired_at is null")
				.param("now", java.sql.Timestamp.from(now))
				.update();
			String created = insert(generate());
			this.audit.record(AuditRecord.success("OPEN_KEY_ROTATE", "signing-key", created, null));
			return created;
		});
		reload();
		return kid;
	}

	Loaded current() {
		Loaded known = this.loaded;
		if (known == null || known.at().plus(RELOAD_EVERY).isBefore(this.clock.instant())) {
			return reload();
		}
		return known;
	}

	synchronized Loaded reload() {
		Instant now = this.clock.instant();
		List<Row> rows = rows(now);
		if (rows.stream().noneMatch(Row::active)) {
			createFirst();
			rows = rows(now);
		}
		RSAKey active = null;
		List<JWK> published = new ArrayList<>();
		for (Row row : rows) {
			try {
				published.add(JWK.parse(row.publicJwk()));
				if (row.active()) {
					active = RSAKey.parse(this.sealing.openText(row.privateSealed()));
				}
			}
			catch (ParseException ex) {
				throw new IllegalStateException("signing key " + row.kid() + " is not a JWK", ex);
			}
		}
		if (active == null) {
			throw new IllegalStateException("no active signing key");
		}
		this.loaded = new Loaded(active, new JWKSet(published), now);
		return this.loaded;
	}

	private record Row(String kid, String publicJwk, String privateSealed, boolean active) {
	}

	private List<Row> rows(Instant now) {
		return this.jdbc.sql("""
				select kid, public_jwk, private_sealed, retired_at is null as active from open_signing_key
				where retired_at is null or retired_at > :since order by id desc""")
			.param("since", java.sql.Timestamp.from(now.minus(RETIRED_PUBLISHED)))
			.query((rs, n) -> new Row(rs.getString("kid"), rs.getString("public_jwk"), rs.getString("private_sealed"),
					rs.getBoolean("active")))
			.list();
	}

	/** The first key; two nodes starting together make one (the partial unique index). */
	private void createFirst() {
		RSAKey key = generate();
		int inserted = this.jdbc.sql("""
				insert into open_signing_key (kid, public_jwk, private_sealed) values (:kid, :pub, :priv)
				on conflict do nothing""")
			.param("kid", key.getKeyID())
			.param("pub", key.toPublicJWK().toJSONString())
			.param("priv", this.sealing.sealText(key.toJSONString()))
			.update();
		if (inserted == 1) {
			log.info("Created the first token signing key {}", key.getKeyID());
		}
	}

	private String insert(RSAKey key) {
		this.jdbc.sql("insert into open_signing_key (kid, public_jwk, private_sealed) values (:kid, :pub, :priv)")
			.param("kid", key.getKeyID())
			.param("pub", key.toPublicJWK().toJSONString())
			.param("priv", this.sealing.sealText(key.toJSONString()))
			.update();
		return key.getKeyID();
	}

	private static boolean namesKeys(JWKSelector selector) {
		return selector.getMatcher().getKeyIDs() != null && !selector.getMatcher().getKeyIDs().isEmpty();
	}

	private static RSAKey generate() {
		try {
			return new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString())
				.keyUse(KeyUse.SIGNATURE)
				.algorithm(JWSAlgorithm.RS256)
				.generate();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException("cannot generate an RSA key", ex);
		}
	}

}
