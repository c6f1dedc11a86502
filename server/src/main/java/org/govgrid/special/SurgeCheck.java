package org.govgrid.special;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.OptionalDouble;

/**
 * Which meters surged on a day (plain Java): the day's usage is at least the minimum and
 * either above k × the meter's own 30-day median, or — for electricity — its usage per
 * registered resident is above k × the median of the grid's electricity meters (a 群租房
 * hint: many more people live there than are registered). Houses with no registered
 * resident are not compared per resident (shops and offices would always be).
 */
final class SurgeCheck {

	/** Fewer electricity meters with residents in a grid than this: no grid median. */
	static final int MIN_GRID_PEERS = 3;

	record Subject(long meterId, long gridId, boolean electricity, int residents,
			NavigableMap<LocalDate, Double> daily) {
	}

	/**
	 * A surge: {@code limit} is the usage it crossed (k × own median, or the per-resident
	 * limit times the residents); {@code crowded} when the per-resident test fired.
	 */
	record Hit(long meterId, LocalDate day, double usage, double limit, Double median, boolean crowded,
			Double perResident, Double gridMedianPerResident) {
	}

	private SurgeCheck() {
	}

	static Map<Long, Hit> on(List<Subject> subjects, LocalDate day, double k, double minimum) {
		Map<Long, List<Double>> perResidentByGrid = new HashMap<>();
		for (Subject s : subjects) {
			Double usage = s.daily().get(day);
			if (s.electricity() && s.residents() > 0 && usage != null) {
				perResidentByGrid.computeIfAbsent(s.gridId(), g -> new ArrayList<>()).add(usage / s.residents());
			}
		}
		Map<Long, Double> gridMedians = new HashMap<>();
		perResidentByGrid.forEach((grid, values) -> {
			if (values.size() >= MIN_GRID_PEERS) {
				UsageSeries.median(values).ifPresent(m -> gridMedians.put(grid, m));
			}
		});
		Map<Long, Hit> hits = new LinkedHashMap<>();
		for (Subject s : subjects) {
			Double usage = s.daily().get(day);
			if (usage == null || usage < minimum) {
				continue;
			}
			OptionalDouble median = UsageSeries.baseline(s.daily(), day);
			boolean own = median.isPresent() && usage > k * median.getAsDouble();
			Double gridMedian = s.electricity() && s.residents() > 0 ? gridMedians.get(s.gridId()) : null;
			Double perResident = s.residents() > 0 ? usage / s.residents() : null;
			boolean crowded = gridMedian != null && gridMedian > 0 && perResident > k * gridMedian;
			if (own || crowded) {
				double limit = own ? k * median.getAsDouble() : k * gridMedian * s.residents();
				hits.put(s.meterId(),
						new Hit(s.meterId(), day, usage, UsageSeries.round(limit),
								median.isPresent() ? UsageSeries.round(median.getAsDouble()) : null, crowded,
								perResident == null ? null : UsageSeries.round(perResident),
								gridMedian == null ? null : UsageSeries.round(gridMedian)));
			}
		}
		return hits;
	}

	/**
	 * The first day of the run of surging days that ends with {@code day} (looking back
	 * at most {@code maxDays}), per meter that surged on {@code day}.
	 */
	static Map<Long, LocalDate> runStarts(List<Subject> subjects, Map<Long, Hit> hits, LocalDate day, double k,
			double minimum, int maxDays) {
		Map<Long, LocalDate> starts = new HashMap<>();
		hits.keySet().forEach(id -> starts.put(id, day));
		List<Long> open = new ArrayList<>(hits.keySet());
		for (int back = 1; back <= maxDays && !open.isEmpty(); back++) {
			LocalDate earlier = day.minusDays(back);
			Map<Long, Hit> then = on(subjects, earlier, k, minimum);
			open.removeIf(id -> !then.containsKey(id));
			open.forEach(id -> starts.put(id, earlier));
		}
		return starts;
	}

}
