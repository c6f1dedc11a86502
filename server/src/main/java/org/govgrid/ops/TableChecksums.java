package org.govgrid.ops;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A checksum per table of the public schema: its row count and an MD5 over its rows in
 * order, {@code "<rows>:<md5>"}. Unlogged tables are left out: recovery empties them.
 * Rows are hashed as they stream in, a few hundred at a time, so a table of any size
 * costs the same memory.
 */
final class TableChecksums {

	private static final int FETCH_SIZE = 500;

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

	/**
	 * Blocks every write to these tables until the connection's transaction ends: held
	 * only for the instant a snapshot and its restore point are taken. A writer caught in
	 * a deadlock with it keeps going: this side detects it first and gives way.
	 */
	static void lock(Connection connection, List<String> tables) throws SQLException {
		try (Statement statement = connection.createStatement()) {
			statement.execute("set local lock_timeout = '3s'");
			statement.execute("set local deadlock_timeout = '100ms'");
			statement.execute("lock table " + String.join(", ", tables.stream().map(TableChecksums::quoted).toList())
					+ " in share mode");
		}
	}

	/**
	 * The checksums as the connection's transaction sees them; with autocommit off the
	 * rows come through a cursor.
	 */
	static Map<String, String> compute(Connection connection, List<String> tables) throws SQLException {
		Map<String, String> checksums = new LinkedHashMap<>();
		for (String table : tables) {
			checksums.put(table, compute(connection, table));
		}
		return checksums;
	}

	static String compute(Connection connection, String table) throws SQLException {
		MessageDigest md5 = md5();
		long rows = 0;
		// byte order ("C"): the same on every server, whatever the database's collation
		try (Statement statement = connection.createStatement()) {
			statement.setFetchSize(FETCH_SIZE);
			try (ResultSet row = statement
				.executeQuery("select t::text from " + quoted(table) + " t order by t::text collate \"C\"")) {
				while (row.next()) {
					md5.update(row.getString(1).getBytes(StandardCharsets.UTF_8));
					// a row's text never holds a NUL: the separator keeps rows apart
					md5.update((byte) 0);
					rows++;
				}
			}
		}
		return rows + ":" + (rows == 0 ? "" : HexFormat.of().formatHex(md5.digest()));
	}

	private static String quoted(String table) {
		return "public.\"" + table.replace("\"", "\"\"") + "\"";
	}

	private static MessageDigest md5() {
		try {
			return MessageDigest.getInstance("MD5");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
