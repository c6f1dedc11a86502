package org.govgrid.bench;

import java.io.StringReader;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

import org.postgresql.PGConnection;

/**
 * Writes a synthetic hierarchy under the demo district 320505 of city 320500, in the shape
 * the app writes (V2__region_hierarchy.sql, ADR 0001): codes continuing the parent's code,
 * materialised paths from the city, GeoJSON Polygon boundaries with envelope and an inside
 * center point.
 *
 * <p>
 * Geometry: one jittered lattice of shared vertices (deterministic seed) east-north of the
 * demo lattice, so grids are convex quadrilaterals that tile their community exactly and
 * never overlap each other or the demo grids. A town is a block of 15 × 10 grid cells and
 * holds 20 communities of 3 × 3 or 3 × 2 cells (150 grids, 7.5 per community). City scale
 * is 10 × 10 towns: 100 towns, 2,000 communities, 15,000 grids; town scale is one town.
 * Town codes are 320505100…320505199, community = town + 001…020, grid = community +
 * 001…009. The district and city boundaries are widened to rectangles covering the new
 * towns, so every region stays inside its parent.
 */
final class Generator {

	static final long SEED = 20261124L;

	static final String CITY_CODE = "320500";

	static final String DISTRICT_CODE = "320505";

	static final int FIRST_TOWN = 100;

	private static final int TOWN_COLUMNS = 15;

	private static final int TOWN_ROWS = 10;

	/** Columns of communities in a town (3 cells wide each). */
	private static final int COMMUNITY_BANDS = 5;

	/** Row offsets and heights of the four community rows: 3 + 2 + 3 + 2 = 10. */
	private static final int[] ROW_OFFSETS = { 0, 3, 5, 8 };

	private static final int[] ROW_HEIGHTS = { 3, 2, 3, 2 };

	private static final double LON0 = 120.300;

	private static final double LAT0 = 31.340;

	private static final double CELL_LON = 0.0040;

	private static final double CELL_LAT = 0.0035;

	private static final String COPY = "COPY region (parent_id, level, code, name, path, boundary, min_lon, min_lat, "
			+ "max_lon, max_lat, center_lon, center_lat) FROM STDIN (FORMAT text)";

	private final String jdbc;

	private final String user;

	private final String scale;

	Generator(Bench.Options options) {
		this.jdbc = options.require("jdbc");
		this.user = options.get("db-user", "postgres");
		this.scale = options.get("scale", "town");
		if (!this.scale.equals("town") && !this.scale.equals("city")) {
			throw new IllegalArgumentException("--scale must be town or city");
		}
	}

	void generate() throws SQLException, java.io.IOException {
		int townsAcross = this.scale.equals("city") ? 10 : 1;
		int townsDown = this.scale.equals("city") ? 10 : 1;
		try (Connection db = DriverManager.getConnection(this.jdbc, this.user, "")) {
			db.setAutoCommit(false);
			Map<String, long[]> parents = ids(db, "code in ('" + CITY_CODE + "', '" + DISTRICT_CODE + "')");
			if (!parents.containsKey(DISTRICT_CODE)) {
				throw new IllegalStateException("district " + DISTRICT_CODE
						+ " not found: start the server once with --spring.profiles.active=demo first");
			}
			long existing = count(db, "select count(*) from region where level = 'TOWN' and code like '"
					+ DISTRICT_CODE + "1__'");
			if (existing > 0) {
				System.out.println("generator: " + existing + " generated towns already present; nothing to do");
				return;
			}
			long started = System.nanoTime();
			Lattice lattice = new Lattice(townsAcross * TOWN_COLUMNS, townsDown * TOWN_ROWS);
			String districtPath = CITY_CODE + "/" + DISTRICT_CODE;
			long districtId = parents.get(DISTRICT_CODE)[0];

			// towns
			StringBuilder towns = new StringBuilder();
			for (int ty = 0; ty < townsDown; ty++) {
				for (int tx = 0; tx < townsAcross; tx++) {
					int t = ty * townsAcross + tx;
					String code = DISTRICT_CODE + (FIRST_TOWN + t);
					row(towns, districtId, "TOWN", code, "基准镇" + (t + 1), districtPath + "/" + code,
							lattice.block(tx * TOWN_COLUMNS, ty * TOWN_ROWS, TOWN_COLUMNS, TOWN_ROWS));
				}
			}
			copy(db, towns);
			Map<String, long[]> townIds = ids(db, "level = 'TOWN' and code like '" + DISTRICT_CODE + "1__'");

			// communities
			StringBuilder communities = new StringBuilder();
			List<int[]> blocks = new ArrayList<>();
			List<String> communityCodes = new ArrayList<>();
			for (int ty = 0; ty < townsDown; ty++) {
				for (int tx = 0; tx < townsAcross; tx++) {
					int t = ty * townsAcross + tx;
					String townCode = DISTRICT_CODE + (FIRST_TOWN + t);
					long townId = townIds.get(townCode)[0];
					for (int r = 0; r < ROW_OFFSETS.length; r++) {
						for (int b = 0; b < COMMUNITY_BANDS; b++) {
							int c = r * COMMUNITY_BANDS + b + 1;
							String code = townCode + String.format(Locale.ROOT, "%03d", c);
							int[] block = { tx * TOWN_COLUMNS + b * 3, ty * TOWN_ROWS + ROW_OFFSETS[r], 3,
									ROW_HEIGHTS[r] };
							blocks.add(block);
							communityCodes.add(code);
							row(communities, townId, "COMMUNITY", code, "基准镇" + (t + 1) + "第" + c + "社区",
									districtPath + "/" + townCode + "/" + code,
									lattice.block(block[0], block[1], block[2], block[3]));
						}
					}
				}
			}
			copy(db, communities);
			Map<String, long[]> communityIds = ids(db,
					"level = 'COMMUNITY' and code like '" + DISTRICT_CODE + "1_____'");

			// grids
			StringBuilder grids = new StringBuilder();
			int gridCount = 0;
			for (int k = 0; k < blocks.size(); k++) {
				int[] block = blocks.get(k);
				String communityCode = communityCodes.get(k);
				String communityPath = districtPath + "/" + communityCode.substring(0, 9) + "/" + communityCode;
				long communityId = communityIds.get(communityCode)[0];
				int g = 0;
				for (int j = 0; j < block[3]; j++) {
					for (int i = 0; i < block[2]; i++) {
						g++;
						String code = communityCode + String.format(Locale.ROOT, "%03d", g);
						row(grids, communityId, "GRID", code, "基准社区" + communityCode.substring(9) + "第" + g + "网格",
								communityPath + "/" + code, lattice.block(block[0] + i, block[1] + j, 1, 1));
						gridCount++;
					}
				}
			}
			copy(db, grids);

			widenParents(db, lattice);
			db.commit();
			db.setAutoCommit(true);
			try (Statement statement = db.createStatement()) {
				statement.execute("analyze region");
			}
			System.out.printf(Locale.ROOT, "generator: scale %s: %d towns, %d communities, %d grids in %d ms (seed %d)%n",
					this.scale, townIds.size(), communityIds.size(), gridCount,
					(System.nanoTime() - started) / 1_000_000, SEED);
		}
	}

	/** District = rectangle over its old envelope and the new towns; city = that + 0.04°. */
	private void widenParents(Connection db, Lattice lattice) throws SQLException {
		double[] box = lattice.envelope();
		try (Statement statement = db.createStatement();
				ResultSet rs = statement.executeQuery(
						"select min_lon, min_lat, max_lon, max_lat from region where code = '" + DISTRICT_CODE + "'")) {
			if (rs.next() && rs.getObject(1) != null) {
				box = new double[] { Math.min(box[0], rs.getDouble(1)), Math.min(box[1], rs.getDouble(2)),
						Math.max(box[2], rs.getDouble(3)), Math.max(box[3], rs.getDouble(4)) };
			}
		}
		updateRectangle(db, DISTRICT_CODE, box);
		updateRectangle(db, CITY_CODE, new double[] { box[0] - 0.04, box[1] - 0.04, box[2] + 0.04, box[3] + 0.04 });
	}

	private static void updateRectangle(Connection db, String code, double[] b) throws SQLException {
		double[][] ring = { { b[0], b[1] }, { b[2], b[1] }, { b[2], b[3] }, { b[0], b[3] }, { b[0], b[1] } };
		try (PreparedStatement update = db.prepareStatement("update region set boundary = ?, min_lon = ?, min_lat = ?, "
				+ "max_lon = ?, max_lat = ?, center_lon = ?, center_lat = ?, updated_at = now() where code = ?")) {
			update.setString(1, geoJson(ring));
			update.setDouble(2, b[0]);
			update.setDouble(3, b[1]);
			update.setDouble(4, b[2]);
			update.setDouble(5, b[3]);
			update.setDouble(6, round((b[0] + b[2]) / 2));
			update.setDouble(7, round((b[1] + b[3]) / 2));
			update.setString(8, code);
			update.executeUpdate();
		}
	}

	private static void row(StringBuilder out, long parentId, String level, String code, String name, String path,
			Shape shape) {
		out.append(parentId).append('\t').append(level).append('\t').append(code).append('\t').append(name)
			.append('\t').append(path).append('\t').append(geoJson(shape.ring()));
		for (double value : new double[] { shape.minLon(), shape.minLat(), shape.maxLon(), shape.maxLat(),
				shape.centerLon(), shape.centerLat() }) {
			out.append('\t').append(format(value));
		}
		out.append('\n');
	}

	private static void copy(Connection db, StringBuilder rows) throws SQLException, java.io.IOException {
		db.unwrap(PGConnection.class).getCopyAPI().copyIn(COPY, new StringReader(rows.toString()));
	}

	private static Map<String, long[]> ids(Connection db, String where) throws SQLException {
		Map<String, long[]> ids = new HashMap<>();
		try (Statement statement = db.createStatement();
				ResultSet rs = statement.executeQuery("select code, id from region where " + where)) {
			while (rs.next()) {
				ids.put(rs.getString(1), new long[] { rs.getLong(2) });
			}
		}
		return ids;
	}

	private static long count(Connection db, String sql) throws SQLException {
		try (Statement statement = db.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
			rs.next();
			return rs.getLong(1);
		}
	}

	static String geoJson(double[][] ring) {
		StringBuilder out = new StringBuilder("{\"type\":\"Polygon\",\"coordinates\":[[");
		for (int i = 0; i < ring.length; i++) {
			out.append(i == 0 ? "" : ",").append('[').append(format(ring[i][0])).append(',')
				.append(format(ring[i][1])).append(']');
		}
		return out.append("]]}").toString();
	}

	private static String format(double value) {
		return String.format(Locale.ROOT, "%.6f", value);
	}

	private static double round(double value) {
		return Math.round(value * 1e6) / 1e6;
	}

	record Shape(double[][] ring, double minLon, double minLat, double maxLon, double maxLat, double centerLon,
			double centerLat) {
	}

	/** Shared jittered vertices; interior vertices move up to ±20 % of a cell. */
	static final class Lattice {

		private final double[][] lon;

		private final double[][] lat;

		private final int columns;

		private final int rows;

		Lattice(int columns, int rows) {
			this.columns = columns;
			this.rows = rows;
			this.lon = new double[columns + 1][rows + 1];
			this.lat = new double[columns + 1][rows + 1];
			Random random = new Random(SEED);
			for (int i = 0; i <= columns; i++) {
				for (int j = 0; j <= rows; j++) {
					double x = LON0 + i * CELL_LON;
					double y = LAT0 + j * CELL_LAT;
					if (i > 0 && i < columns && j > 0 && j < rows) {
						x += (random.nextDouble() - 0.5) * CELL_LON * 0.4;
						y += (random.nextDouble() - 0.5) * CELL_LAT * 0.4;
					}
					this.lon[i][j] = round(x);
					this.lat[i][j] = round(y);
				}
			}
		}

		double[] envelope() {
			return new double[] { LON0, LAT0, round(LON0 + this.columns * CELL_LON),
					round(LAT0 + this.rows * CELL_LAT) };
		}

		/**
		 * The outline of cells [i0, i0+w) × [j0, j0+h), counter-clockwise through every
		 * shared vertex on the way, closed.
		 */
		Shape block(int i0, int j0, int w, int h) {
			List<double[]> ring = new ArrayList<>();
			for (int i = i0; i < i0 + w; i++) {
				ring.add(vertex(i, j0));
			}
			for (int j = j0; j < j0 + h; j++) {
				ring.add(vertex(i0 + w, j));
			}
			for (int i = i0 + w; i > i0; i--) {
				ring.add(vertex(i, j0 + h));
			}
			for (int j = j0 + h; j > j0; j--) {
				ring.add(vertex(i0, j));
			}
			ring.add(vertex(i0, j0));
			double minLon = Double.MAX_VALUE, minLat = Double.MAX_VALUE, maxLon = -Double.MAX_VALUE,
					maxLat = -Double.MAX_VALUE;
			for (double[] p : ring) {
				minLon = Math.min(minLon, p[0]);
				maxLon = Math.max(maxLon, p[0]);
				minLat = Math.min(minLat, p[1]);
				maxLat = Math.max(maxLat, p[1]);
			}
			// the middle cell's vertex average: inside, since every cell is a convex quad
			int ci = i0 + w / 2;
			int cj = j0 + h / 2;
			double centerLon = round((this.lon[ci][cj] + this.lon[ci + 1][cj] + this.lon[ci + 1][cj + 1]
					+ this.lon[ci][cj + 1]) / 4);
			double centerLat = round((this.lat[ci][cj] + this.lat[ci + 1][cj] + this.lat[ci + 1][cj + 1]
					+ this.lat[ci][cj + 1]) / 4);
			return new Shape(ring.toArray(double[][]::new), minLon, minLat, maxLon, maxLat, centerLon, centerLat);
		}

		private double[] vertex(int i, int j) {
			return new double[] { this.lon[i][j], this.lat[i][j] };
		}

	}

}
