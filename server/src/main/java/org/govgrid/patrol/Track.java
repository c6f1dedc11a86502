package org.govgrid.patrol;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A patrol's track as the phone recorded it, and the distance walked. Points with a poor
 * fix ({@link #MAX_ACCURACY_METRES}) and points that would need an impossible speed from
 * the last good one ({@link #MAX_SPEED_MPS}) do not count: a jumpy GPS must not add
 * kilometres.
 */
record Track(List<Point> points) {

	static final double MAX_ACCURACY_METRES = 50;

	/** About 110 km/h: faster than any patrol on foot, bicycle or scooter. */
	static final double MAX_SPEED_MPS = 30;

	private static final double EARTH_RADIUS = 6_371_000;

	Track {
		points = points.stream().sorted(Comparator.comparing(Point::time)).toList();
	}

	/** The points that count, in time order. */
	List<Point> trusted() {
		List<Point> kept = new ArrayList<>();
		for (Point point : this.points) {
			if (point.accuracy() != null && point.accuracy() > MAX_ACCURACY_METRES) {
				continue;
			}
			if (!kept.isEmpty()) {
				Point last = kept.get(kept.size() - 1);
				double seconds = (point.time().toEpochMilli() - last.time().toEpochMilli()) / 1000.0;
				double metres = metres(last, point);
				if (seconds <= 0 || metres / seconds > MAX_SPEED_MPS) {
					continue;
				}
			}
			kept.add(point);
		}
		return kept;
	}

	double distanceMetres() {
		List<Point> kept = trusted();
		double total = 0;
		for (int i = 1; i < kept.size(); i++) {
			total += metres(kept.get(i - 1), kept.get(i));
		}
		return Math.round(total * 10) / 10.0;
	}

	static double metres(Point a, Point b) {
		double dLat = Math.toRadians(b.lat() - a.lat());
		double dLon = Math.toRadians(b.lon() - a.lon());
		double h = Math.pow(Math.sin(dLat / 2), 2) + Math.cos(Math.toRadians(a.lat()))
				* Math.cos(Math.toRadians(b.lat())) * Math.pow(Math.sin(dLon / 2), 2);
		return 2 * EARTH_RADIUS * Math.asin(Math.sqrt(h));
	}

	/** One GPS fix. */
	record Point(Instant time, double lon, double lat, Double accuracy, Double speed) {
	}

}
