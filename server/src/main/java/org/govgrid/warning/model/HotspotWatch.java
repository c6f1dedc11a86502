package org.govgrid.warning.model;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.govgrid.warning.model.SpatialClusters.Cluster;
import org.govgrid.warning.model.SpatialClusters.Spot;

/**
 * The HOTSPOT rule kind: a cluster (DBSCAN, {@code eps} = the rule's radius) of at least
 * {@code threshold} events of one key within the window holds. Each holding cluster is
 * named by a stable key: the key of a cluster that held before whose centre lies within
 * the radius of this one's (a cluster that grows or drifts a little keeps its alert),
 * else the lattice cell of its centre, followed by {@code |} and the group key (a
 * category or {@value GroupBy#ALL}).
 */
public final class HotspotWatch {

	/** A cluster whose key is settled. */
	public record Holding(String key, Cluster cluster) {
	}

	/** The rule would have raised an alert at {@code at} for these events. */
	public record Firing(Instant at, String key, Cluster cluster) {
	}

	private final int threshold;

	private final double radius;

	private final int minPoints;

	public HotspotWatch(int threshold, double radius, int minPoints) {
		if (threshold < 1 || radius <= 0) {
			throw new IllegalArgumentException("threshold >= 1 and radius > 0");
		}
		this.threshold = threshold;
		this.radius = radius;
		// a cluster smaller than minPoints cannot form, so a lower threshold lowers it
		this.minPoints = Math.max(2, Math.min(minPoints, threshold));
	}

	/**
	 * The clusters that hold among these spots, keyed; {@code before} are the keys and
	 * centres that held last time (open alerts).
	 */
	public List<Holding> holding(List<Spot> spots, Map<String, double[]> before) {
		Map<String, List<Spot>> groups = new LinkedHashMap<>();
		spots.forEach(s -> groups.computeIfAbsent(s.key(), k -> new ArrayList<>()).add(s));
		List<Holding> holding = new ArrayList<>();
		Map<String, Boolean> taken = new HashMap<>();
		for (Map.Entry<String, List<Spot>> group : groups.entrySet()) {
			for (Cluster cluster : SpatialClusters.find(group.getValue(), this.radius, this.minPoints)) {
				if (cluster.count() < this.threshold) {
					continue;
				}
				String key = keyOf(cluster, group.getKey(), before, taken);
				taken.put(key, true);
				holding.add(new Holding(key, cluster));
			}
		}
		return holding;
	}

	private String keyOf(Cluster cluster, String group, Map<String, double[]> before, Map<String, Boolean> taken) {
		String suffix = "|" + group;
		String nearest = null;
		double best = Double.MAX_VALUE;
		for (Map.Entry<String, double[]> known : before.entrySet()) {
			if (!known.getKey().endsWith(suffix) || taken.containsKey(known.getKey())) {
				continue;
			}
			double d = SpatialClusters.distance(cluster.lon(), cluster.lat(), known.getValue()[0], known.getValue()[1]);
			if (d <= this.radius && d < best) {
				best = d;
				nearest = known.getKey();
			}
		}
		if (nearest != null) {
			return nearest;
		}
		String key = "hotspot:" + SpatialClusters.cellOf(cluster.lon(), cluster.lat(), 2 * this.radius) + suffix;
		// two clusters in one cell: the second is told apart by its own cell at half size
		return taken.containsKey(key)
				? "hotspot:" + SpatialClusters.cellOf(cluster.lon(), cluster.lat(), this.radius / 2) + ":b" + suffix
				: key;
	}

	/**
	 * The backtest: the rule judged after each event arrives (a cluster forms or grows
	 * only then) over the window ending at it; a firing is a key that holds where it did
	 * not at the previous judgement. Only firings in {@code [from, to)}, oldest first.
	 */
	public List<Firing> replay(List<Spot> spots, Duration window, Instant from, Instant to) {
		List<Spot> ordered = spots.stream().sorted(Comparator.comparing(Spot::at).thenComparingLong(Spot::id)).toList();
		Map<String, double[]> before = new HashMap<>();
		List<Firing> firings = new ArrayList<>();
		int start = 0;
		for (int end = 0; end < ordered.size(); end++) {
			Instant now = ordered.get(end).at();
			while (!ordered.get(start).at().isAfter(now.minus(window))) {
				start++;
			}
			Map<String, double[]> current = new HashMap<>();
			for (Holding h : holding(ordered.subList(start, end + 1), before)) {
				current.put(h.key(), new double[] { h.cluster().lon(), h.cluster().lat() });
				if (!before.containsKey(h.key()) && !now.isBefore(from) && now.isBefore(to)) {
					firings.add(new Firing(now, h.key(), h.cluster()));
				}
			}
			before = current;
		}
		return firings;
	}

}
