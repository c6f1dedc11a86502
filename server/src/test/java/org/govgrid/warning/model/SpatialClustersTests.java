package org.govgrid.warning.model;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.govgrid.warning.model.SpatialClusters.Cluster;
import org.govgrid.warning.model.SpatialClusters.Spot;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class SpatialClustersTests {

	private static final double LON = 120.57;

	private static final double LAT = 31.30;

	private static final Instant NOW = Instant.parse("2026-12-07T02:00:00Z");

	@Test
	void twelveWithin150MetresAreOneClusterAndScatteredOnesNone() {
		List<Spot> spots = new ArrayList<>(ring(1, 12, 60, LON, LAT, "*"));
		for (int i = 0; i < 12; i++) {
			spots.add(at(100 + i, LON + 0.01 + (i % 4) * 0.0042, LAT + 0.01 + (i / 4) * 0.0036, "*"));
		}
		List<Cluster> clusters = SpatialClusters.find(spots, 150, 5);
		assertThat(clusters).hasSize(1);
		Cluster cluster = clusters.get(0);
		assertThat(cluster.count()).isEqualTo(12);
		assertThat(cluster.members()).allSatisfy(s -> assertThat(s.id()).isLessThan(100));
		assertThat(SpatialClusters.distance(cluster.lon(), cluster.lat(), LON, LAT)).isLessThan(5);
		assertThat(cluster.radiusMeters()).isCloseTo(60, within(2.0));
	}

	@Test
	void fewerThanMinPointsWithinEpsIsNoise() {
		assertThat(SpatialClusters.find(ring(1, 4, 30, LON, LAT, "*"), 150, 5)).isEmpty();
		assertThat(SpatialClusters.find(ring(1, 5, 30, LON, LAT, "*"), 150, 5)).hasSize(1);
	}

	@Test
	void aChainOfCorePointsIsOneClusterAndTwoDistantGroupsAreTwo() {
		List<Spot> chain = new ArrayList<>();
		for (int i = 0; i < 20; i++) {
			chain.add(at(i, LON + i * 100 / 95_000.0, LAT, "*")); // 100 m apart along a
																	// street
		}
		assertThat(SpatialClusters.find(chain, 150, 3)).hasSize(1);
		List<Spot> two = new ArrayList<>(ring(1, 6, 40, LON, LAT, "*"));
		two.addAll(ring(50, 8, 40, LON + 0.01, LAT, "*")); // ~950 m east
		List<Cluster> clusters = SpatialClusters.find(two, 150, 5);
		assertThat(clusters).extracting(Cluster::count).containsExactly(8, 6);
	}

	@Test
	void distancesAreMetres() {
		assertThat(SpatialClusters.distance(LON, LAT, LON, LAT + 0.001)).isCloseTo(111.3, within(0.2));
		assertThat(SpatialClusters.distance(LON, LAT, LON + 0.001, LAT)).isCloseTo(95.1, within(0.3));
	}

	@Test
	void twentyThousandEventsClusterInWellUnderASecond() {
		Random random = new Random(7);
		List<Spot> spots = new ArrayList<>();
		for (int i = 0; i < 20_000; i++) {
			// a town of about 6 × 6 km with forty busy corners
			boolean busy = i % 3 == 0;
			double lon = busy ? LON + (i % 40) * 0.0015 + random.nextGaussian() * 0.0004
					: LON + random.nextDouble() * 0.06;
			double lat = busy ? LAT + (i % 40) * 0.0012 + random.nextGaussian() * 0.0004
					: LAT + random.nextDouble() * 0.05;
			spots.add(at(i, lon, lat, "*"));
		}
		long started = System.nanoTime();
		List<Cluster> clusters = SpatialClusters.find(spots, 150, 5);
		long millis = (System.nanoTime() - started) / 1_000_000;
		System.out.println("DBSCAN over 20000 events: " + clusters.size() + " clusters in " + millis + " ms");
		assertThat(clusters).isNotEmpty();
		assertThat(clusters.stream().mapToInt(Cluster::count).sum()).isLessThanOrEqualTo(20_000);
	}

	@Test
	void aGrowingClusterKeepsItsKeyAndTheReplayFiresOnce() {
		HotspotWatch watch = new HotspotWatch(10, 150, 5);
		List<Spot> first = ring(1, 10, 50, LON, LAT, "GGSS-03");
		List<HotspotWatch.Holding> holding = watch.holding(first, Map.of());
		assertThat(holding).hasSize(1);
		String key = holding.get(0).key();
		assertThat(key).startsWith("hotspot:").endsWith("|GGSS-03");

		List<Spot> grown = new ArrayList<>(first);
		grown.addAll(ring(20, 6, 80, LON + 0.0008, LAT, "GGSS-03")); // grows and drifts
																		// ~30 m east
		Cluster moved = watch.holding(grown, Map.of()).get(0).cluster();
		List<HotspotWatch.Holding> again = watch.holding(grown,
				Map.of(key, new double[] { holding.get(0).cluster().lon(), holding.get(0).cluster().lat() }));
		assertThat(again).extracting(HotspotWatch.Holding::key).containsExactly(key);
		assertThat(again.get(0).cluster().count()).isEqualTo(moved.count()).isEqualTo(16);

		List<HotspotWatch.Firing> firings = watch.replay(grown, Duration.ofDays(3), NOW.minus(Duration.ofDays(7)),
				NOW.plusSeconds(1));
		assertThat(firings).hasSize(1);
		assertThat(firings.get(0).cluster().count()).isEqualTo(10);
	}

	@Test
	void categoriesClusterApart() {
		HotspotWatch watch = new HotspotWatch(5, 150, 5);
		List<Spot> mixed = new ArrayList<>(ring(1, 4, 40, LON, LAT, "A"));
		mixed.addAll(ring(10, 4, 40, LON, LAT, "B"));
		assertThat(watch.holding(mixed, Map.of())).as("four of each: neither reaches five").isEmpty();
	}

	/**
	 * {@code n} spots on a circle of {@code metres} around the point, one an hour back
	 * from now.
	 */
	private static List<Spot> ring(long firstId, int n, double metres, double lon, double lat, String key) {
		List<Spot> spots = new ArrayList<>();
		for (int i = 0; i < n; i++) {
			double angle = 2 * Math.PI * i / n;
			spots.add(new Spot(firstId + i, lon + metres * Math.cos(angle) / 95_100.0,
					lat + metres * Math.sin(angle) / 111_320.0, NOW.minus(Duration.ofHours(n - i)), key));
		}
		return spots;
	}

	private static Spot at(long id, double lon, double lat, String key) {
		return new Spot(id, lon, lat, NOW.minus(Duration.ofMinutes(id)), key);
	}

}
