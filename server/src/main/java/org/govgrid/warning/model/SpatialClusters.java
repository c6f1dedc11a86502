package org.govgrid.warning.model;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * DBSCAN over metres: points are projected to a local plane (equirectangular about their
 * mean latitude, good to well under 1 % across a town) and clustered with a grid index of
 * cell size {@code eps}, so each neighbourhood query reads nine cells instead of every
 * point. A point with at least {@code minPoints} points (itself included) within
 * {@code eps} is a core point; clusters are the core points reachable from each other and
 * the border points they reach; the rest is noise.
 */
public final class SpatialClusters {

	/** Metres per degree of latitude (WGS84 mean). */
	static final double METRES_PER_DEGREE = 111_320.0;

	private SpatialClusters() {
	}

	/** One located, timed thing to cluster (an event), with the key it is grouped by. */
	public record Spot(long id, double lon, double lat, Instant at, String key) {
	}

	/**
	 * A cluster: its centre (the members' mean), its radius (the farthest member from the
	 * centre, in metres) and its members, newest first.
	 */
	public record Cluster(double lon, double lat, double radiusMeters, List<Spot> members) {

		public int count() {
			return this.members.size();
		}

		/** Whether the point lies within {@code metres} of the centre. */
		public boolean reaches(double lon, double lat, double metres) {
			return distance(this.lon, this.lat, lon, lat) <= metres;
		}

	}

	/** The clusters of the spots, largest first. */
	public static List<Cluster> find(List<Spot> spots, double eps, int minPoints) {
		if (eps <= 0 || minPoints < 1) {
			throw new IllegalArgumentException("eps > 0 and minPoints >= 1");
		}
		int n = spots.size();
		if (n == 0) {
			return List.of();
		}
		double lat0 = spots.stream().mapToDouble(Spot::lat).average().orElse(0);
		double kx = METRES_PER_DEGREE * Math.cos(Math.toRadians(lat0));
		double[] x = new double[n];
		double[] y = new double[n];
		Map<Long, List<Integer>> cells = new HashMap<>();
		for (int i = 0; i < n; i++) {
			x[i] = spots.get(i).lon() * kx;
			y[i] = spots.get(i).lat() * METRES_PER_DEGREE;
			cells.computeIfAbsent(cell(x[i], y[i], eps), c -> new ArrayList<>()).add(i);
		}
		final int unvisited = 0;
		final int noise = -1;
		int[] label = new int[n];
		int clusters = 0;
		for (int i = 0; i < n; i++) {
			if (label[i] != unvisited) {
				continue;
			}
			List<Integer> seeds = neighbours(i, x, y, eps, cells);
			if (seeds.size() < minPoints) {
				label[i] = noise;
				continue;
			}
			clusters++;
			label[i] = clusters;
			for (int s = 0; s < seeds.size(); s++) {
				int j = seeds.get(s);
				if (label[j] == noise) {
					label[j] = clusters; // a border point
				}
				if (label[j] != unvisited) {
					continue;
				}
				label[j] = clusters;
				List<Integer> around = neighbours(j, x, y, eps, cells);
				if (around.size() >= minPoints) {
					seeds.addAll(around);
				}
			}
		}
		List<List<Spot>> members = new ArrayList<>();
		for (int c = 0; c < clusters; c++) {
			members.add(new ArrayList<>());
		}
		for (int i = 0; i < n; i++) {
			if (label[i] > 0) {
				members.get(label[i] - 1).add(spots.get(i));
			}
		}
		return members.stream()
			.map(SpatialClusters::cluster)
			.sorted((a, b) -> Integer.compare(b.count(), a.count()))
			.toList();
	}

	private static Cluster cluster(List<Spot> members) {
		double lon = members.stream().mapToDouble(Spot::lon).average().orElseThrow();
		double lat = members.stream().mapToDouble(Spot::lat).average().orElseThrow();
		double radius = members.stream().mapToDouble(s -> distance(lon, lat, s.lon(), s.lat())).max().orElse(0);
		List<Spot> newestFirst = new ArrayList<>(members);
		newestFirst.sort((a, b) -> b.at().compareTo(a.at()));
		return new Cluster(lon, lat, radius, List.copyOf(newestFirst));
	}

	private static List<Integer> neighbours(int i, double[] x, double[] y, double eps, Map<Long, List<Integer>> cells) {
		long cx = (long) Math.floor(x[i] / eps);
		long cy = (long) Math.floor(y[i] / eps);
		List<Integer> found = new ArrayList<>();
		double eps2 = eps * eps;
		for (long dx = -1; dx <= 1; dx++) {
			for (long dy = -1; dy <= 1; dy++) {
				for (int j : cells.getOrDefault(key(cx + dx, cy + dy), List.of())) {
					double ex = x[j] - x[i];
					double ey = y[j] - y[i];
					if (ex * ex + ey * ey <= eps2) {
						found.add(j);
					}
				}
			}
		}
		return found;
	}

	private static long cell(double x, double y, double size) {
		return key((long) Math.floor(x / size), (long) Math.floor(y / size));
	}

	private static long key(long cx, long cy) {
		return (cx << 32) ^ (cy & 0xffffffffL);
	}

	/** Metres between two points (equirectangular; exact enough within a town). */
	public static double distance(double lon1, double lat1, double lon2, double lat2) {
		double kx = METRES_PER_DEGREE * Math.cos(Math.toRadians((lat1 + lat2) / 2));
		double dx = (lon2 - lon1) * kx;
		double dy = (lat2 - lat1) * METRES_PER_DEGREE;
		return Math.sqrt(dx * dx + dy * dy);
	}

	/**
	 * A stable name for the place of a cluster: the cell of a fixed lattice of
	 * {@code size} metres its centre falls in (the same place gives the same name from
	 * one sweep to the next, whatever the other clusters do).
	 */
	public static String cellOf(double lon, double lat, double size) {
		long row = (long) Math.floor(lat * METRES_PER_DEGREE / size);
		double rowLat = (row + 0.5) * size / METRES_PER_DEGREE;
		long column = (long) Math.floor(lon * METRES_PER_DEGREE * Math.cos(Math.toRadians(rowLat)) / size);
		return row + ":" + column;
	}

}
