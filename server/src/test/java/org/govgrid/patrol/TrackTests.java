package org.govgrid.patrol;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class TrackTests {

	private static final Instant T0 = Instant.parse("2026-11-24T01:00:00Z");

	/** 10 m of longitude at 31.3° N. */
	private static final double TEN_METRES = 10 / (111_320 * Math.cos(Math.toRadians(31.3)));

	@Test
	void distanceFollowsTheTrustedPointsInTimeOrder() {
		List<Track.Point> points = new ArrayList<>();
		for (int i = 10; i >= 0; i--) {
			points.add(new Track.Point(T0.plusSeconds(10L * i), 120.5 + i * TEN_METRES, 31.3, 5.0, 1.0));
		}
		assertThat(new Track(points).distanceMetres()).isCloseTo(100, within(0.5));
	}

	@Test
	void poorFixesAndImpossibleJumpsDoNotCount() {
		List<Track.Point> points = new ArrayList<>();
		for (int i = 0; i <= 10; i++) {
			points.add(new Track.Point(T0.plusSeconds(10L * i), 120.5 + i * TEN_METRES, 31.3, 8.0, 1.0));
		}
		// a fix 2 km away with a poor accuracy, and a jump of 1 km in one second
		points.add(new Track.Point(T0.plusSeconds(15), 120.52, 31.3, 200.0, null));
		points.add(new Track.Point(T0.plusSeconds(31), 120.51, 31.3, 5.0, null));
		Track track = new Track(points);
		assertThat(track.trusted()).hasSize(11);
		assertThat(track.distanceMetres()).isCloseTo(100, within(0.5));
	}

	@Test
	void anEmptyOrSinglePointTrackHasNoDistance() {
		assertThat(new Track(List.of()).distanceMetres()).isZero();
		assertThat(new Track(List.of(new Track.Point(T0, 120.5, 31.3, null, null))).distanceMetres()).isZero();
	}

}
