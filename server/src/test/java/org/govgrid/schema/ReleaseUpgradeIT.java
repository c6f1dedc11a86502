package org.govgrid.schema;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;

import javax.sql.DataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.govgrid.support.ApiIntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A city's database made by the previous release upgrades to this one (ADR 0008): the
 * fixture is that release's database after a day's work (demo data, events walked through
 * the loop, files, points, audit rows), dumped as plain SQL. Loaded into a database of
 * its own beside the tests' one, migrated by this tree's Flyway files, it must end with
 * the same schema as a fresh database and keep every row it had.
 */
class ReleaseUpgradeIT extends ApiIntegrationTest {

	static final String FIXTURE = "/db/upgrade/release-eed4c2a.sql.gz";

	static final String DATABASE = "upgrade_from_release";

	/** Rows of the daily loop that no migration may lose or add to. */
	static final List<String> KEPT_EXACTLY = List.of("event", "event_flow", "stored_file", "app_user", "bd_person",
			"bd_house", "audit_log", "point_entry", "notification", "region");

	/** Tables a migration renamed since the fixture's release: old name → new name. */
	static final Map<String, String> RENAMED = Map.of("bd_dict", "dict_item");

	@Autowired
	EmbeddedPostgres postgres;

	@Autowired
	DataSource fresh;

	@AfterEach
	void dropUpgradedDatabase() {
		this.jdbc.execute("drop database if exists " + DATABASE + " with (force)");
	}

	@Test
	void thePreviousReleasesDatabaseUpgradesToTheFreshSchemaKeepingItsRows() throws Exception {
		this.jdbc.execute("drop database if exists " + DATABASE + " with (force)");
		this.jdbc.execute("create database " + DATABASE);
		String url = this.postgres.getJdbcUrl("postgres", DATABASE);
		Map<String, Long> before;
		try (Connection connection = DriverManager.getConnection(url);
				Statement statement = connection.createStatement()) {
			statement.execute(fixtureSql());
			before = rowCounts(connection);
		}
		assertThat(before).containsKey("event");
		assertThat(before.get("event")).isPositive();

		Flyway flyway = Flyway.configure().dataSource(url, "postgres", null).load();
		List<String> pending = new ArrayList<>();
		for (MigrationInfo info : flyway.info().pending()) {
			pending.add(info.getVersion().getVersion());
		}
		flyway.migrate();
		flyway.validate();

		try (Connection upgraded = DriverManager.getConnection(url); Connection current = this.fresh.getConnection()) {
			assertThat(schema(upgraded)).as("schema after upgrading (pending were %s)", pending)
				.isEqualTo(schema(current));
			Map<String, Long> after = rowCounts(upgraded);
			before.forEach(
					(table, count) -> assertThat(after.get(RENAMED.getOrDefault(table, table))).as("rows of %s", table)
						.isGreaterThanOrEqualTo(count));
			for (String table : KEPT_EXACTLY) {
				assertThat(after.get(table)).as("rows of %s", table).isEqualTo(before.get(table));
			}
		}
	}

	private static String fixtureSql() throws IOException {
		try (InputStream in = new GZIPInputStream(ReleaseUpgradeIT.class.getResourceAsStream(FIXTURE))) {
			// psql's meta-commands (pg_dump's \restrict guard) are for psql, not for the
			// server
			return new String(in.readAllBytes(), StandardCharsets.UTF_8).replaceAll("(?m)^\\\\.*$", "");
		}
	}

	private static Map<String, Long> rowCounts(Connection connection) throws SQLException {
		Map<String, Long> counts = new TreeMap<>();
		for (String table : query(connection, """
				select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
				where n.nspname = 'public' and c.relkind in ('r', 'p') and not c.relispartition
				order by 1""")) {
			counts.put(table, Long.valueOf(query(connection, "select count(*) from public." + table).get(0)));
		}
		return counts;
	}

	/**
	 * Tables and their columns, indexes, constraints, triggers and functions, as text:
	 * what the application and Flyway's next migration rely on. Partitions are left out,
	 * since they follow the calendar, and so are the version rows' dates.
	 */
	static Map<String, List<String>> schema(Connection connection) throws SQLException {
		Map<String, List<String>> schema = new TreeMap<>();
		String notPartition = """
				not exists (select 1 from pg_class p join pg_namespace pn on pn.oid = p.relnamespace
				            where pn.nspname = 'public' and p.relname = %s and p.relispartition)""";
		schema.put("columns", normalized(query(connection, """
				select table_name || '.' || column_name || ' ' || data_type || ' ' || is_nullable || ' '
				       || coalesce(column_default, '') || ' ' || coalesce(character_maximum_length::text, '')
				from information_schema.columns where table_schema = 'public' and %s order by 1"""
			.formatted(notPartition.formatted("table_name")))));
		schema.put("indexes", normalized(query(connection, """
				select tablename || ': ' || indexdef from pg_indexes where schemaname = 'public' and %s order by 1"""
			.formatted(notPartition.formatted("tablename")))));
		schema.put("constraints", normalized(query(connection, """
				select c.conrelid::regclass || ' ' || c.conname || ': ' || pg_get_constraintdef(c.oid)
				from pg_constraint c join pg_class t on t.oid = c.conrelid join pg_namespace n on n.oid = t.relnamespace
				where n.nspname = 'public' and not t.relispartition order by 1""")));
		schema.put("triggers", query(connection, """
				select pg_get_triggerdef(t.oid) from pg_trigger t join pg_class c on c.oid = t.tgrelid
				join pg_namespace n on n.oid = c.relnamespace
				where n.nspname = 'public' and not t.tgisinternal and not c.relispartition order by 1"""));
		schema.put("functions", query(connection, """
				select p.proname || '(' || pg_get_function_identity_arguments(p.oid) || ') ' || md5(p.prosrc)
				from pg_proc p join pg_namespace n on n.oid = p.pronamespace where n.nspname = 'public' order by 1"""));
		schema.put("views", query(connection, """
				select viewname || ': ' || md5(definition) from pg_views where schemaname = 'public' order by 1"""));
		schema.put("migrations", query(connection, """
				select version || ' ' || description || ' ' || checksum || ' ' || success
				from flyway_schema_history where version is not null order by installed_rank"""));
		return schema;
	}

	/**
	 * A definition as PostgreSQL prints it, less its casts and parentheses: the dump of
	 * an older server prints {@code x in ('A','B')} with other casts than a fresh parse
	 * does.
	 */
	static String normalized(String definition) {
		return definition.replaceAll("::[a-z ]+(\\[\\])?", "").replaceAll("[()\\s]", "");
	}

	private static List<String> normalized(List<String> definitions) {
		return definitions.stream().map(ReleaseUpgradeIT::normalized).sorted().toList();
	}

	private static List<String> query(Connection connection, String sql) throws SQLException {
		List<String> rows = new ArrayList<>();
		try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
			while (result.next()) {
				rows.add(result.getString(1));
			}
		}
		return rows;
	}

}
