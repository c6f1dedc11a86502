package org.govgrid.platform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Starts PostgreSQL 17 inside the application when no external database URL is set, so
 * that one command runs the whole platform. Data survives restarts under
 * {@code <data dir>/postgres}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${govgrid.db.url:}'.isBlank()")
@EnableConfigurationProperties(GovGridProperties.class)
class EmbeddedPostgresConfiguration {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresConfiguration.class);

	@Bean(destroyMethod = "close")
	EmbeddedPostgres embeddedPostgres(GovGridProperties properties, @Value("${govgrid.backup.dir:}") String backupDir)
			throws IOException {
		Path dir = properties.dataDir().resolve("postgres").toAbsolutePath().normalize();
		Files.createDirectories(dir);
		Path wal = BackupLocation.root(properties.dataDir(), backupDir).resolve("wal");
		if (properties.db().embeddedClean()) {
			// a fresh cluster restarts its WAL file names: an old archive would refuse
			// them
			deleteTree(wal);
		}
		Files.createDirectories(wal);
		log.info("Starting embedded PostgreSQL with data in {}", dir);
		return EmbeddedPostgres.builder()
			.setDataDirectory(dir)
			.setCleanDataDirectory(properties.db().embeddedClean())
			.setPort(properties.db().embeddedPort())
			.setServerConfig("max_connections", "200")
			.setServerConfig("timezone", "UTC")
			// the embedded bundle starts PostgreSQL as a throw-away test database
			// (fsync off by -F, synchronous_commit off): a crash would lose commits
			// already acknowledged. Durable unless a test run asks otherwise.
			.setServerConfig("fsync", properties.db().embeddedDurable() ? "on" : "off")
			.setServerConfig("synchronous_commit", properties.db().embeddedDurable() ? "on" : "off")
			// continuous archiving for the ops module's backups and point-in-time
			// restores
			.setServerConfig("wal_level", "replica")
			.setServerConfig("archive_mode", "on")
			// pg_ctl hands the options to a shell: single quotes keep the command
			// one word. Copied under another name and renamed, a segment appears
			// whole or not at all.
			.setServerConfig("archive_command",
					"'test ! -f \"" + wal + "/%f\" && cp \"%p\" \"" + wal + "/%f.part\" && mv \"" + wal
							+ "/%f.part\" \"" + wal + "/%f\"'")
			// stopped by the context (destroyMethod) after everything that uses it, not
			// by a JVM hook of its own racing the context's shutdown: requests still
			// finishing then wait 30 s for a pool connection that cannot come
			.setRegisterShutdownHook(false)
			.start();
	}

	private static void deleteTree(Path dir) throws IOException {
		if (!Files.exists(dir)) {
			return;
		}
		try (var paths = Files.walk(dir)) {
			for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
				Files.deleteIfExists(path);
			}
		}
	}

	/**
	 * The pool takes the same {@code spring.datasource.hikari.*} settings as an external
	 * database's (connection timeout, keepalive, the statement timeout in the connection
	 * options), so a cut or slow database behaves the same in both.
	 */
	@Bean
	@ConfigurationProperties("spring.datasource.hikari")
	HikariDataSource dataSource(EmbeddedPostgres postgres) {
		HikariDataSource dataSource = new HikariDataSource();
		dataSource.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
		dataSource.setUsername("postgres");
		dataSource.setPoolName("govgrid-embedded");
		dataSource.setMaximumPoolSize(20);
		return dataSource;
	}

}
