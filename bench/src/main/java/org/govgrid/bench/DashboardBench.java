package org.govgrid.bench;

import java.io.Reader;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * The city dashboard (标准 7.2.2b) over a generated city: {@link #generate} COPYs millions
 * of events over two years into every grid (codes {@code GB…}); after the restart the
 * server builds their statistics in the background; {@link #measure} waits for that, then
 * times {@code GET /api/v1/stats/dashboard} for the city and for one town against the same
 * figures computed by plain SQL over the event table.
 */
final class DashboardBench {

	static final ZoneId LOCAL = ZoneId.of("Asia/Shanghai");

	private static final String[] SOURCES = { "GRID_WORKER", "GRID_WORKER", "GRID_WORKER", "HOTLINE_12345", "CITIZEN",
			"VIDEO_AI", "IOT", "DEPARTMENT" };

	private DashboardBench() {
	}

	/** {@code --events N --years Y}: adds events until N generated ones exist. */
	static void generate(Bench.Options options) throws Exception {
		int target = options.getInt("events", 10_000_000);
		int years = options.getInt("years", 2);
		try (Connection db = DriverManager.getConnection(options.require("jdbc"), options.get("db-user", "postgres"),
				"")) {
			long existing = Long.parseLong(single(db, "select count(*) from event where code like 'GB%'"));
			if (existing >= target) {
				System.out.println("events: " + existing + " generated events already present");
				return;
			}
			List<long[]> grids = new ArrayList<>();
			List<String> paths = new ArrayList<>();
			try (Statement st = db.createStatement();
					ResultSet rs = st.executeQuery("""
							select g.id, c.id, t.id, g.path, g.center_lon, g.center_lat from region g
							join region c on c.id = g.parent_id join region t on t.id = c.parent_id
							where g.level = 'GRID' order by g.id""")) {
				while (rs.next()) {
					grids.add(new long[] { rs.getLong(1), rs.getLong(2), rs.getLong(3),
							Double.doubleToLongBits(rs.getDouble(5)), Double.doubleToLongBits(rs.getDouble(6)) });
					paths.add(rs.getString(4));
				}
			}
			List<String> categories = new ArrayList<>();
			try (Statement st = db.createStatement();
					ResultSet rs = st.executeQuery("select code from event_category c where parent_code is not null"
							+ " and not exists (select 1 from event_category x where x.parent_code = c.code)"
							+ " order by code")) {
				while (rs.next()) {
					categories.add(rs.getString(1));
				}
			}
			long reporter = Long.parseLong(single(db, "select min(id) from app_user"));
			long count = target - existing;
			System.out.printf(Locale.ROOT, "events: generating %d events over %d years in %d grids%n", count, years,
					grids.size());
			db.setAutoCommit(false);
			CopyManager copy = db.unwrap(PGConnection.class).getCopyAPI();
			long started = System.nanoTime();
			long chunk = 250_000;
			for (long from = 0; from < count; from += chunk) {
				long n = Math.min(chunk, count - from);
				long first = existing + from;
				copy.copyIn("""
						copy event (code, title, description, category_code, level, source, reporter_id, reporter_name,
						    lon, lat, address, grid_id, community_id, town_id, region_path, status, handling_level,
						    unit_kind, unit_id, acceptance_minutes, disposal_minutes, reported_at, accepted_at,
						    acceptance_deadline, dispatched_at, disposal_deadline, closed_at, score, flag)
						from stdin""", new EventRows(first, n, years, grids, paths, categories, reporter));
				db.commit();
				System.out.printf(Locale.ROOT, "events: %d / %d (%.0f rows/s)%n", from + n, count,
						(from + n) / ((System.nanoTime() - started) / 1e9));
			}
			db.setAutoCommit(true);
			try (Statement st = db.createStatement()) {
				st.execute("analyze event");
			}
		}
	}

	/**
	 * Event {@code i} (0-based over all generated events), deterministic: reported at a random
	 * time of the last {@code years}; older than three days, 96 % closed (a log-normal
	 * handling time around 14 h, 10 % late), 2 % rejected, the rest still open; 60 % of the
	 * closed ones rated.
	 */
	private static final class EventRows extends Reader {

		private final long first;

		private final long count;

		private final long spanSeconds;

		private final List<long[]> grids;

		private final List<String> paths;

		private final List<String> categories;

		private final long reporter;

		private final long now = Instant.now().getEpochSecond();

		private final StringBuilder buffer = new StringBuilder();

		private int position;

		private long next;

		EventRows(long first, long count, int years, List<long[]> grids, List<String> paths, List<String> categories,
				long reporter) {
			this.first = first;
			this.count = count;
			this.spanSeconds = years * 365L * 86400;
			this.grids = grids;
			this.paths = paths;
			this.categories = categories;
			this.reporter = reporter;
		}

		@Override
		public int read(char[] target, int offset, int length) {
			if (this.position >= this.buffer.length()) {
				if (this.next >= this.count) {
					return -1;
				}
				this.buffer.setLength(0);
				this.position = 0;
				for (int k = 0; k < 2000 && this.next < this.count; k++, this.next++) {
					row(this.first + this.next);
				}
			}
			int n = Math.min(length, this.buffer.length() - this.position);
			this.buffer.getChars(this.position, this.position + n, target, offset);
			this.position += n;
			return n;
		}

		private void row(long i) {
			SplittableRandom random = new SplittableRandom(Generator.SEED * 31 + i);
			int g = (int) Math.min(this.grids.size() - 1, Math.abs(random.nextGaussian() * 0.4 + 0.5) % 1.0
					* this.grids.size());
			long[] grid = this.grids.get(g);
			String category = this.categories.get(random.nextInt(this.categories.size()));
			long reported = this.now - 600 - (long) (random.nextDouble() * this.spanSeconds);
			long deadline = reported + 24 * 3600;
			boolean old = this.now - reported > 3 * 86400;
			double roll = random.nextDouble();
			String status;
			Long closed = null;
			if (old && roll < 0.96) {
				status = "CLOSED";
				double hours = Math.exp(random.nextGaussian() * 0.9 + Math.log(14));
				closed = reported + (long) (Math.min(hours, 24 * 60) * 3600);
			}
			else if (old && roll < 0.98) {
				status = "REJECTED";
			}
			else {
				status = roll < 0.99 ? "IN_PROGRESS" : "REPORTED";
			}
			Integer score = closed != null && random.nextDouble() < 0.6 ? 3 + random.nextInt(3) : null;
			String flag = closed == null && status.equals("IN_PROGRESS") && this.now > deadline ? "RED" : "NONE";
			String level = random.nextDouble() < 0.9 ? "GENERAL" : "MAJOR";
			String source = SOURCES[random.nextInt(SOURCES.length)];
			double lon = Double.longBitsToDouble(grid[3]);
			double lat = Double.longBitsToDouble(grid[4]);
			StringBuilder b = this.buffer;
			b.append("GB").append(String.format(Locale.ROOT, "%012d", i)).append('\t');
			b.append("基准事件").append('\t').append("基准生成的事件 ").append(i).append('\t');
			b.append(category).append('\t').append(level).append('\t').append(source).append('\t');
			b.append(this.reporter).append('\t').append("基准").append('\t');
			b.append(lon).append('\t').append(lat).append('\t').append("基准地址").append('\t');
			b.append(grid[0]).append('\t').append(grid[1]).append('\t').append(grid[2]).append('\t');
			b.append(this.paths.get(g)).append('\t').append(status).append('\t').append("TOWN").append('\t');
			b.append("TOWN_CENTRE").append('\t').append(grid[2]).append('\t').append(120).append('\t');
			b.append(1440).append('\t').append(ts(reported)).append('\t').append(ts(reported + 600)).append('\t');
			b.append(ts(reported + 7200)).append('\t').append(ts(reported + 900)).append('\t');
			b.append(ts(deadline)).append('\t').append(closed == null ? "\\N" : ts(closed)).append('\t');
			b.append(score == null ? "\\N" : score.toString()).append('\t').append(flag).append('\n');
		}

		private static String ts(long epochSecond) {
			return Instant.ofEpochSecond(epochSecond).toString();
		}

		@Override
		public void close() {
		}

	}

	/** Waits for the server's statistics backfill, then times both areas. */
	static String measure(Connection db, Api leader, long cityId, long townId, String townPath, String cityPath,
			int iterations, int rawIterations) throws Exception {
		long events = Long.parseLong(single(db, "select count(*) from event"));
		long waitStarted = System.nanoTime();
		int settled = 0;
		// done: every event has its fact and nothing is left to fold, twice in a row (the last
		// tallies are written in one transaction right after the last facts)
		while (settled < 2) {
			long facts = Long.parseLong(single(db, "select count(*) from stats_event_fact"));
			long deltas = Long.parseLong(single(db, "select count(*) from stats_delta"));
			if (facts >= events && deltas == 0) {
				settled++;
				Thread.sleep(10_000);
				continue;
			}
			settled = 0;
			System.out.printf(Locale.ROOT, "runner: dashboard: statistics backfill %d / %d facts, %d deltas pending%n",
					facts, events, deltas);
			Thread.sleep(10_000);
		}
		double waited = (System.nanoTime() - waitStarted) / 1e9;
		LocalDate to = LocalDate.now(LOCAL);
		LocalDate from = to.minusYears(2);
		StringBuilder out = new StringBuilder();
		out.append("\n## Dashboard: GET /api/v1/stats/dashboard vs the same figures by SQL over the events\n\n");
		out.append(String.format(Locale.ROOT,
				"- %,d events in the database (generated over two years into every grid, plus the demo's); the "
						+ "server's statistics backfill finished %.0f s after the runner started waiting. Range %s … %s. "
						+ "The API runs as a CENTER_STAFF account scoped to the city; the baseline runs the queries "
						+ "below on one connection, one after another (they are what the dashboard would cost "
						+ "without rollups).%n",
				events, waited, from, to));
		out.append("- Baseline SQL per area: one aggregate over the events reported in the range (count, by level, "
				+ "source, status, 大类, overdue, by month) with `grouping sets`, and one over the events closed in "
				+ "the range (count, on time, average and exact 90th percentile of handling hours, average rating, "
				+ "by month).\n\n");
		out.append("| area | API p50 / p95 / p99 ms | raw SQL p50 / p95 / p99 ms | API / raw (p50) | samples API / SQL |\n");
		out.append("|---|---|---|---|---|\n");
		for (Object[] area : new Object[][] { { "city 320500", cityId, cityPath }, { "town", townId, townPath } }) {
			String path = "/api/v1/stats/dashboard?regionId=" + area[1] + "&from=" + from + "&to=" + to;
			Measure.Latency api = Measure.sequential(i -> {
				HttpResponse<byte[]> response = leader.get(path);
				Api.expect(response, 200, "GET " + path);
			}, 5, iterations, 60_000_000_000L, 10);
			String regionPath = (String) area[2];
			Measure.Latency raw = Measure.sequential(i -> rawDashboard(db, regionPath, from, to), 1, rawIterations,
					120_000_000_000L, 3);
			out.append(String.format(Locale.ROOT, "| %s | %s | %s | %.4f | %d / %d |%n", area[0], api.cell(),
					raw.cell(), api.p50() / raw.p50(), api.samples(), raw.samples()));
			System.out.printf(Locale.ROOT, "  dashboard %s: API %s ms, SQL %s ms%n", area[0], api.cell(), raw.cell());
		}
		return out.toString();
	}

	private static void rawDashboard(Connection db, String path, LocalDate from, LocalDate to) throws SQLException {
		String area = "(e.region_path = '" + path + "' or e.region_path like '" + path + "/%')";
		String reported = String.format(Locale.ROOT, """
				select e.level, e.source, e.status, coalesce(c.parent_code, c.code) as top,
				       to_char(e.reported_at at time zone 'Asia/Shanghai', 'YYYY-MM') as month, count(*),
				       count(*) filter (where e.flag = 'RED' or e.closed_at > e.disposal_deadline)
				from event e join event_category c on c.code = e.category_code
				where %s and e.reported_at >= '%s' and e.reported_at < '%s'
				group by grouping sets ((), (e.level), (e.source), (e.status), (4), (5))""", area,
				from.atStartOfDay(LOCAL).toInstant(), to.plusDays(1).atStartOfDay(LOCAL).toInstant());
		String closed = String.format(Locale.ROOT, """
				select to_char(e.closed_at at time zone 'Asia/Shanghai', 'YYYY-MM') as month, count(*),
				       count(*) filter (where e.closed_at <= e.disposal_deadline),
				       avg(extract(epoch from e.closed_at - e.reported_at)) / 3600,
				       percentile_cont(0.9) within group (order by extract(epoch from e.closed_at - e.reported_at)),
				       avg(e.score)
				from event e
				where %s and e.status = 'CLOSED' and e.closed_at >= '%s' and e.closed_at < '%s'
				group by grouping sets ((), (1))""", area, from.atStartOfDay(LOCAL).toInstant(),
				to.plusDays(1).atStartOfDay(LOCAL).toInstant());
		try (Statement st = db.createStatement()) {
			try (ResultSet rs = st.executeQuery(reported)) {
				while (rs.next()) {
					rs.getLong(6);
				}
			}
			try (ResultSet rs = st.executeQuery(closed)) {
				while (rs.next()) {
					rs.getLong(2);
				}
			}
		}
	}

	static String single(Connection db, String sql) throws SQLException {
		try (Statement statement = db.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
			rs.next();
			return rs.getString(1);
		}
	}

}
