package org.govgrid.ops.security;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.govgrid.identity.Directory;

import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The platform looks at itself (标准 8f): the demo profile, default or weak secrets, keys
 * kept beside the data, actuator endpoints that answer without sign-in, TLS, admin
 * accounts still on their initial password, and the PostgreSQL version and settings that
 * decide whether a crash or a disk loses data.
 */
@Component
class SelfInspection {

	/** Secrets whose value is set by the operator; too short or well known is weak. */
	static final List<String> SECRETS = List.of("govgrid.video.webhook-secret", "govgrid.iot.device-secret",
			"govgrid.iot.mqtt.password", "govgrid.db.password", "govgrid.bootstrap.password");

	static final Set<String> WELL_KNOWN = Set.of("changeme", "change-me", "password", "passw0rd", "secret", "admin",
			"123456", "12345678", "govgrid", "govgrid@2026", "postgres", "root", "test", "default");

	static final int MIN_SECRET_LENGTH = 16;

	/** What {@code *} exposes, probed one by one. */
	static final List<String> ACTUATOR_ENDPOINTS = List.of("beans", "caches", "conditions", "configprops", "env",
			"heapdump", "info", "loggers", "mappings", "metrics", "prometheus", "sbom", "scheduledtasks", "sessions",
			"threaddump", "shutdown");

	static final Set<String> ADMIN_ROLES = Set.of("SYS_ADMIN", "SEC_ADMIN", "AUDITOR");

	private final Environment environment;

	private final JdbcClient jdbc;

	private final Directory directory;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	SelfInspection(Environment environment, JdbcClient jdbc, Directory directory) {
		this.environment = environment;
		this.jdbc = jdbc;
		this.directory = directory;
	}

	List<Finding> inspect() {
		List<Finding> findings = new ArrayList<>();
		profiles(findings);
		secrets(findings);
		actuator(findings);
		transport(findings);
		initialPasswords(findings);
		database(findings);
		return findings;
	}

	private void profiles(List<Finding> findings) {
		if (this.environment.matchesProfiles("demo")) {
			findings.add(Finding.of("DEMO_PROFILE", "HIGH", "spring.profiles.active=demo",
					"The demo profile is on: demo accounts with a published initial password and demo data."));
		}
	}

	private void secrets(List<Finding> findings) {
		for (String property : SECRETS) {
			String value = this.environment.getProperty(property, "");
			if (value.isEmpty() || (property.equals("govgrid.db.password")
					&& this.environment.getProperty("govgrid.db.url", "").isEmpty())) {
				continue;
			}
			if (WELL_KNOWN.contains(value.toLowerCase(Locale.ROOT)) || value.length() < MIN_SECRET_LENGTH) {
				findings.add(Finding.of("WEAK_SECRET", "HIGH", property,
						"A default or short secret (fewer than " + MIN_SECRET_LENGTH + " characters)."));
			}
		}
		String hmac = this.environment.getProperty("govgrid.crypto.hmac-key", "");
		if (!hmac.isEmpty() && decodedLength(hmac) < 32) {
			findings.add(Finding.of("WEAK_SECRET", "HIGH", "govgrid.crypto.hmac-key",
					"The lookup key for ID numbers and phones is shorter than 256 bits."));
		}
		keyCustody(findings);
	}

	/**
	 * Keys are kept outside the data dir (ADR 0013): a key file named inside it is a
	 * risk, and keys the demo made for itself are not the custody a production needs.
	 */
	private void keyCustody(List<Finding> findings) {
		if (!this.environment.getProperty("govgrid.crypto.keys", "").isEmpty()) {
			return;
		}
		String keyFile = this.environment.getProperty("govgrid.crypto.key-file", "");
		Path dataDir = Path.of(this.environment.getProperty("govgrid.data-dir", "./data")).toAbsolutePath().normalize();
		if (keyFile.isEmpty()) {
			findings.add(Finding.of("KEYS_MADE_BY_DEMO", "MEDIUM", "govgrid.crypto.keys",
					"The keys sealing ID numbers and phones were made by the demo, beside the data directory; "
							+ "supply them from outside (GOVGRID_CRYPTO_KEYS or GOVGRID_CRYPTO_KEY_FILE)."));
		}
		else if (Path.of(keyFile).toAbsolutePath().normalize().startsWith(dataDir)) {
			findings.add(Finding.of("KEYS_IN_DATA_DIR", "HIGH", "govgrid.crypto.key-file",
					"The key file sealing ID numbers and phones is inside the data directory, "
							+ "so a copy of the data directory or of its backups carries it too."));
		}
	}

	private static int decodedLength(String base64) {
		try {
			return Base64.getDecoder().decode(base64.strip()).length;
		}
		catch (IllegalArgumentException ex) {
			return base64.length();
		}
	}

	/** Asks the running server itself, without a session, for each exposed endpoint. */
	private void actuator(List<Finding> findings) {
		String port = this.environment.getProperty("local.management.port",
				this.environment.getProperty("local.server.port", ""));
		if (port.isEmpty() || port.equals("-1")) {
			return;
		}
		String base = "http://127.0.0.1:" + port + this.environment.getProperty("server.servlet.context-path", "")
				+ this.environment.getProperty("management.endpoints.web.base-path", "/actuator");
		Set<String> exposed = new LinkedHashSet<>(
				Arrays.asList(this.environment.getProperty("management.endpoints.web.exposure.include", "health")
					.replace(" ", "")
					.split(",")));
		if (exposed.contains("*")) {
			exposed.addAll(ACTUATOR_ENDPOINTS);
			exposed.remove("*");
		}
		exposed.remove("health");
		exposed.remove("");
		for (String endpoint : exposed) {
			if (answersAnonymously(base + "/" + endpoint)) {
				findings.add(Finding.of("PUBLIC_ACTUATOR", "HIGH", "/actuator/" + endpoint,
						"An actuator endpoint answers without sign-in; only health may be public."));
			}
		}
		if ("always".equalsIgnoreCase(this.environment.getProperty("management.endpoint.health.show-details", ""))) {
			findings.add(Finding.of("HEALTH_DETAILS", "LOW", "management.endpoint.health.show-details=always",
					"The public health endpoint shows its details (database, disk) to anyone."));
		}
	}

	private boolean answersAnonymously(String url) {
		try {
			HttpResponse<Void> response = this.http.send(
					HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(3)).GET().build(),
					HttpResponse.BodyHandlers.discarding());
			return response.statusCode() == 200;
		}
		catch (java.io.IOException ex) {
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	private void transport(List<Finding> findings) {
		boolean tls = this.environment.getProperty("server.ssl.enabled", Boolean.class, false)
				|| !this.environment.getProperty("server.ssl.bundle", "").isEmpty();
		if (!tls && this.environment.getProperty("govgrid.http.trusted-proxies", "").isBlank()) {
			findings.add(Finding.of("TLS_OFF", "MEDIUM", "server.ssl.enabled=false",
					"The server speaks plain HTTP and no TLS-terminating proxy is configured in front of it."));
		}
	}

	/** 标准 8d: the three admin roles must not keep the initial password. */
	private void initialPasswords(List<Finding> findings) {
		Map<Long, String> initial = new java.util.TreeMap<>();
		this.jdbc.sql("""
				select id, username from app_user
				where must_change_password and status = 'ACTIVE' order by id""")
			.query((rs, n) -> Map.entry(rs.getLong("id"), rs.getString("username")))
			.list()
			.forEach((entry) -> initial.put(entry.getKey(), entry.getValue()));
		if (initial.isEmpty()) {
			return;
		}
		List<String> admins = new ArrayList<>();
		this.directory.roleCodes(initial.keySet()).forEach((id, roles) -> {
			if (roles.stream().anyMatch(ADMIN_ROLES::contains)) {
				admins.add(initial.get(id));
			}
		});
		if (!admins.isEmpty()) {
			java.util.Collections.sort(admins);
			String names = String.join(", ", admins.subList(0, Math.min(admins.size(), 20)))
					+ ((admins.size() > 20) ? " …" : "");
			findings.add(Finding.of("INITIAL_PASSWORD", "HIGH", names,
					admins.size() + " admin account(s) have never changed their initial password."));
		}
	}

	private void database(List<Finding> findings) {
		int version = Integer.parseInt(setting("server_version_num"));
		String shown = setting("server_version");
		if (version < 130000) {
			findings.add(Finding.of("PG_VERSION", "HIGH", "PostgreSQL " + shown,
					"This PostgreSQL major version no longer receives security fixes."));
		}
		else if (version < 150000) {
			findings.add(Finding.of("PG_VERSION", "MEDIUM", "PostgreSQL " + shown,
					"GovGrid supports PostgreSQL 15 or newer."));
		}
		if (!"on".equals(setting("fsync"))) {
			findings.add(Finding.of("PG_FSYNC", "CRITICAL", "fsync=" + setting("fsync"),
					"Without fsync a crash or power cut can corrupt the database."));
		}
		if (!"on".equals(setting("full_page_writes"))) {
			findings.add(Finding.of("PG_FULL_PAGE_WRITES", "HIGH", "full_page_writes=" + setting("full_page_writes"),
					"Without full-page writes a crash can leave torn pages."));
		}
		if ("off".equals(setting("archive_mode"))) {
			findings.add(Finding.of("PG_ARCHIVE", "MEDIUM", "archive_mode=off",
					"WAL is not archived: no point-in-time recovery between backups."));
		}
	}

	private String setting(String name) {
		return this.jdbc.sql("select current_setting(:name)").param("name", name).query(String.class).single();
	}

}
