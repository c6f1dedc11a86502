package org.govgrid.ops;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A checksum per table of the public schema: its row count and an MD5 over its rows in
 * order, {@code "<rows>:<md5>"}. Unlogged tables are left out: recovery empties them.
 */
final class TableChecksums {

	private TableChecksums() {
	}

	static List<String> tables(Connection connection) throws SQLException {
		List<String> tables = new ArrayList<>();
		try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery("""
				select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
				where n.nspname = 'public' and c.relkind = 'r' and c.relpersistence = 'p'
				order by c.relname""")) {
			while (rows.next()) {
				tables.add(rows.getString(1));
			}
		}
		return tables;
	}

	/** Blocks every write to these tables until the connection's transaction ends. */
	static void lock(Connection connection, List<String> tables) throws SQLException {
		try (Statement statement = connection.createStatement()) {
			statement.execute("set local lock_timeout = '10s'");
			statement.execute("lock table " + String.join(", ", tables.stream().map(TableChecksums::quoted).toList())
					+ " in share mode");
		}
	}

	static Map<String, String> compute(Connection connection, List<String> tables) throws SQLException {
		Map<String, String> checksums = new LinkedHashMap<>();
		for (String table : tables) {
			checksums.put(table, compute(connection, table));
		}
		return checksums;
	}

	static String compute(Connection connection, String table) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement("select count(*), "
				+ "coalesce(md5(string_agg(t::text, '|' order by t::text)), '') from " + quoted(table) + " t");
				ResultSet row = statement.executeQuery()) {
			row.next();
			return row.getLong(1) + ":" + row.getString(2);
		}
	}

	private static String quoted(String table) {
		return "public.\"" + table.replace("\"", "\"\"") + "\"";
	}

}
