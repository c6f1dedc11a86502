package org.govgrid.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.operation.union.UnaryUnionOp;

/**
 * Plausible, non-overlapping demo boundaries near 31.3° N 120.6° E: a jittered lattice of
 * 8 × 3 cells (two towns side by side, a community per row of four grids). Every shape is
 * built from the same shared vertices, so grids tile their community exactly.
 */
final class DemoLattice {

	private static final int COLUMNS = 8;

	private static final int ROWS = 3;

	private static final double LON0 = 120.560;

	private static final double LAT0 = 31.285;

	private static final double CELL_LON = 0.0125;

	private static final double CELL_LAT = 0.0110;

	private final GeometryFactory factory = new GeometryFactory();

	private final Coordinate[][] vertices = new Coordinate[COLUMNS + 1][ROWS + 1];

	DemoLattice() {
		Random random = new Random(20261124L);
		for (int i = 0; i <= COLUMNS; i++) {
			for (int j = 0; j <= ROWS; j++) {
				double lon = LON0 + i * CELL_LON;
				double lat = LAT0 + j * CELL_LAT;
				boolean interior = i > 0 && i < COLUMNS && j > 0 && j < ROWS;
				if (interior) {
					lon += (random.nextDouble() - 0.5) * CELL_LON * 0.4;
					lat += (random.nextDouble() - 0.5) * CELL_LAT * 0.4;
				}
				this.vertices[i][j] = new Coordinate(round(lon), round(lat));
			}
		}
	}

	/** Grid {@code g} (0–3) of community {@code c} (row) of town {@code t}. */
	Polygon grid(int t, int c, int g) {
		int i = t * 4 + g;
		int j = c;
		return this.factory.createPolygon(new Coordinate[] { this.vertices[i][j], this.vertices[i + 1][j],
				this.vertices[i + 1][j + 1], this.vertices[i][j + 1], this.vertices[i][j] });
	}

	Geometry community(int t, int c) {
		List<Geometry> cells = new ArrayList<>();
		for (int g = 0; g < 4; g++) {
			cells.add(grid(t, c, g));
		}
		return UnaryUnionOp.union(cells);
	}

	Geometry town(int t) {
		List<Geometry> cells = new ArrayList<>();
		for (int c = 0; c < ROWS; c++) {
			cells.add(community(t, c));
		}
		return UnaryUnionOp.union(cells);
	}

	Geometry district() {
		return UnaryUnionOp.union(List.of(town(0), town(1)));
	}

	private static double round(double value) {
		return Math.round(value * 1e6) / 1e6;
	}

}
