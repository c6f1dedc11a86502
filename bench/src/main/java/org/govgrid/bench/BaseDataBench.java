package org.govgrid.bench;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The base-data screens users wait on, over the generated residents: the town's people list
 * (a page, newest first, with its total) and a grid's profile (its tallies and key
 * people); beside each, the same reads in plain SQL.
 */
final class BaseDataBench {

	private BaseDataBench() {
	}

	/** The list's page and total as the API reads them. */
	static Measure.Task rawPeoplePage(Connection connection, String townPath) throws SQLException {
		Statement statement = connection.createStatement();
		String where = " from bd_person p where p.region_path like '" + townPath + "/%'";
		return i -> {
			drain(statement, "select count(*)" + where, 1);
			drain(statement, "select p.id, p.name, p.id_masked, p.phone_masked, p.current_address, p.grid_id" + where
					+ " order by p.updated_at desc, p.id desc limit 20 offset " + (i % 50) * 20, 6);
		};
	}

	/** The tallies a grid profile shows, for grids taken in turn. */
	static Measure.Task rawGridTallies(Connection connection, List<String> gridPaths) throws SQLException {
		Statement statement = connection.createStatement();
		return i -> {
			String path = gridPaths.get(i % gridPaths.size());
			String people = " from bd_person p where p.status = 'ACTIVE' and p.region_path = '" + path + "'";
			drain(statement, "select count(*)" + people, 1);
			drain(statement, "select p.household_type, count(*)" + people + " group by 1", 2);
			drain(statement, "select t.tag, count(*) from bd_person_tag t join bd_person p on p.id = t.person_id"
					+ " where p.region_path = '" + path + "' group by 1", 2);
		};
	}

	private static void drain(Statement statement, String sql, int columns) throws SQLException {
		try (ResultSet rs = statement.executeQuery(sql)) {
			while (rs.next()) {
				for (int c = 1; c <= columns; c++) {
					rs.getString(c);
				}
			}
		}
	}

}
