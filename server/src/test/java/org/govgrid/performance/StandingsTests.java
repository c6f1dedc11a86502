package org.govgrid.performance;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.govgrid.performance.Standings.Place;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class StandingsTests {

	record Worker(String name, BigDecimal points) {
	}

	private static Worker worker(String name, String points) {
		return new Worker(name, new BigDecimal(points));
	}

	private static List<Place<Worker>> rank(Worker... workers) {
		return Standings.rank(List.of(workers), Worker::points, Comparator.comparing(Worker::name));
	}

	@Test
	void tiesShareARankAndTheNextSkips() {
		List<Place<Worker>> places = rank(worker("d", "1"), worker("b", "5.5"), worker("c", "5.50"), worker("a", "7"),
				worker("e", "5.5"), worker("f", "-2"));
		assertThat(places).extracting(p -> p.item().name() + p.rank())
			.containsExactly("a1", "b2", "c2", "e2", "d5", "f6");
	}

	@Test
	void everyoneEqualIsFirst() {
		assertThat(rank(worker("b", "0"), worker("a", "0.00"))).extracting(Place::rank).containsExactly(1, 1);
		assertThat(rank()).isEmpty();
	}

	@Test
	void changeIsPlacesMovedUp() {
		List<Place<Worker>> before = rank(worker("a", "9"), worker("b", "5"), worker("c", "5"));
		Map<String, Integer> previous = Standings.ranks(before, Worker::name);
		List<Place<Worker>> now = rank(worker("b", "9"), worker("a", "1"), worker("d", "3"));
		assertThat(now).extracting(p -> Standings.change(previous.get(p.item().name()), p.rank()))
			.containsExactly(1, null, -2);
	}

	@Test
	void gridPointsFollowTheFormula() {
		assertThat(Rankings.gridPoints(new BigDecimal("12.50"), 0.75, 4.5)).isEqualByComparingTo("29.00");
		assertThat(Rankings.gridPoints(new BigDecimal("3"), null, null)).isEqualByComparingTo("3.00");
		assertThat(Rankings.gridPoints(BigDecimal.ZERO, 1.0 / 3, null)).isEqualByComparingTo("3.33");
	}

}
