package org.govgrid.bench;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * 基层党建 screens a town's centre waits on: the members list (a page with its total), the
 * activities list and the party statistics, over a generated town-sized party (a 党委, a
 * 党总支 per community, a 党支部 per grid, members placed in grids, a year of activities
 * with participants); beside each, the same reads in plain SQL.
 */
final class PartyBench {

	private PartyBench() {
	}

	/**
	 * Writes the town's party in bulk unless it is there already. Sealed columns get
	 * random bytes: the lists read only the masked forms.
	 */
	static long generate(Connection db, Runner.Target town, int members, int activities, long reporterId)
			throws SQLException {
		try (Statement st = db.createStatement()) {
			String marker = "BENCH-" + town.id();
			if (DashboardBench.single(db,
					"select count(*) from party_organization where code = '" + marker + "'").equals("0")) {
				st.execute("insert into party_organization (code, name, type, region_id, region_path) values ('"
						+ marker + "', '基准党委', 'COMMITTEE', " + town.id() + ", '" + town.path() + "')");
				st.execute("""
						insert into party_organization (code, name, type, parent_id, region_id, region_path)
						select 'BENCH-GB-' || c.id, c.name || '党总支', 'GENERAL_BRANCH', t.id, c.id, c.path
						from region c, party_organization t
						where t.code = '%s' and c.level = 'COMMUNITY' and c.path like '%s/%%'""".formatted(marker,
						town.path()));
				st.execute("""
						insert into party_organization (code, name, type, parent_id, region_id, region_path)
						select 'BENCH-B-' || g.id, g.name || '党支部', 'BRANCH', gb.id, g.parent_id, c.path
						from region g join region c on c.id = g.parent_id
						join party_organization gb on gb.code = 'BENCH-GB-' || c.id
						where g.level = 'GRID' and g.path like '%s/%%'""".formatted(town.path()));
				st.execute("""
						insert into party_organization_grid (organization_id, grid_id, grid_path, position)
						select o.id, g.id, g.path, 0 from party_organization o
						join region g on o.code = 'BENCH-B-' || g.id""");
				st.execute("""
						with b as (select o.id, og.grid_id, og.grid_path, row_number() over (order by o.id) - 1 as k,
						                  count(*) over () as n
						           from party_organization o join party_organization_grid og on og.organization_id = o.id
						           where o.code like 'BENCH-B-%%' and og.grid_path like '%1$s/%%')
						insert into party_member (name, gender, id_cipher, id_key, id_hash, id_masked, organization_id,
						    status, joined_on, grid_id, region_path, dual_report, updated_at)
						select '党员' || i, (1 + i %% 2)::text, decode(md5('c' || i || '-%2$d'), 'hex'), 'k1',
						       decode(md5('h' || i || '-%2$d'), 'hex'), '320***********' || lpad((i %% 10000)::text, 4, '0'),
						       b.id, (array['FULL','FULL','FULL','PROBATIONARY','CANDIDATE','ACTIVIST'])[1 + i %% 6],
						       date '2000-01-01' + (i %% 9000), b.grid_id, b.grid_path, i %% 5 = 0,
						       now() - make_interval(secs => i)
						from generate_series(0, %3$d - 1) i join b on b.k = i %% b.n""".formatted(town.path(),
						town.id(), members));
				st.execute("""
						with b as (select o.id, og.grid_id, og.grid_path, g.center_lon, g.center_lat,
						                  row_number() over (order by o.id) - 1 as k, count(*) over () as n
						           from party_organization o join party_organization_grid og on og.organization_id = o.id
						           join region g on g.id = og.grid_id
						           where o.code like 'BENCH-B-%%' and og.grid_path like '%1$s/%%')
						insert into party_activity (organization_id, type, title, held_at, lon, lat, grid_id, region_path,
						    content, reported_by, reported_by_name)
						select b.id, (array['THREE_MEETINGS_ONE_LESSON','THEME_DAY','VOLUNTEER','LIFE_MEETING',
						           'HOUSEHOLD_VISIT'])[1 + i %% 5], '基准活动' || i, now() - make_interval(hours => i %% 8760),
						       b.center_lon, b.center_lat, b.grid_id, b.grid_path, '基准活动内容', %2$d, '基准'
						from generate_series(0, %3$d - 1) i join b on b.k = i %% b.n""".formatted(town.path(),
						reporterId, activities));
				st.execute("""
						insert into party_activity_participant (activity_id, member_id)
						select a.id, m.id from party_activity a
						join lateral (select m.id from party_member m where m.organization_id = a.organization_id
						              order by m.id limit 5) m on true
						where a.title like '基准活动%'""");
				st.execute("analyze party_organization; analyze party_organization_grid; analyze party_member;"
						+ " analyze party_activity; analyze party_activity_participant");
			}
		}
		return Long.parseLong(DashboardBench.single(db,
				"select count(*) from party_member where region_path like '" + town.path() + "/%'"));
	}

	/** The members list's total and page as the API reads them (newest first). */
	static Measure.Task rawMembersPage(Connection connection, String townPath) throws SQLException {
		Statement statement = connection.createStatement();
		String where = " from party_member m where m.region_path like '" + townPath + "/%'";
		return i -> {
			drain(statement, "select count(*)" + where, 1);
			drain(statement, "select m.id, m.name, m.id_masked, m.status, m.organization_id, m.grid_id" + where
					+ " order by m.updated_at desc, m.id desc limit 20 offset " + (i % 50) * 20, 6);
		};
	}

	/** The activities list's total and page (latest first). */
	static Measure.Task rawActivitiesPage(Connection connection, String townPath) throws SQLException {
		Statement statement = connection.createStatement();
		String where = " from party_activity a where a.region_path like '" + townPath + "/%'";
		return i -> {
			drain(statement, "select count(*)" + where, 1);
			drain(statement, "select a.id, a.title, a.type, a.held_at, a.organization_id, a.grid_id" + where
					+ " order by a.held_at desc, a.id desc limit 20 offset " + (i % 50) * 20, 6);
		};
	}

	/** The statistics' central tallies: members, activities by type and month, participation. */
	static Measure.Task rawStats(Connection connection, String townPath) throws SQLException {
		Statement statement = connection.createStatement();
		String members = " from party_member m where m.region_path like '" + townPath + "/%'";
		String acts = "a.region_path like '" + townPath + "/%' and a.held_at >= now() - interval '12 months'";
		return i -> {
			drain(statement, "select count(*), count(m.grid_id), count(*) filter (where m.dual_report)" + members, 3);
			drain(statement, "select m.status, count(*)" + members + " group by 1", 2);
			drain(statement, "select a.type, count(*) from party_activity a where " + acts + " group by 1", 2);
			drain(statement, "select to_char(a.held_at at time zone 'Asia/Shanghai', 'YYYY-MM'), count(*)"
					+ " from party_activity a where " + acts + " group by 1 order by 1", 2);
			drain(statement, """
					select o.id, o.name, (select count(*) from party_member m where m.organization_id = o.id),
					       count(a.id), coalesce(sum((select count(*) from party_activity_participant ap
					                                  where ap.activity_id = a.id)), 0)
					from party_organization o join party_activity a on a.organization_id = o.id and %s
					group by o.id, o.name order by count(a.id) desc, o.name limit 100""".formatted(acts), 5);
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
