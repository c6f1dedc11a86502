package org.govgrid.stats;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.govgrid.event.EventCatalog;
import org.govgrid.region.RegionSummary;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The dashboard of standard 7.2.2b for an area and a range of local days: events reported
 * in the range by level, source, category and status, how many became overdue, the events
 * closed in the range with their timeliness and rating, and both per month. Every figure
 * names the event-list query behind it.
 */
@Service
class Dashboards {

	private final Tallies tallies;

	private final EventCatalog catalog;

	Dashboards(Tallies tallies, EventCatalog catalog) {
		this.tallies = tallies;
		this.catalog = catalog;
	}

	@Transactional(readOnly = true)
	Dashboard of(RegionSummary region, LocalDate from, LocalDate to) {
		Map<String, Map<String, Long>> sums = new HashMap<>();
		Map<YearMonth, long[]> months = new LinkedHashMap<>();
		for (YearMonth m = YearMonth.from(from); !m.isAfter(YearMonth.from(to)); m = m.plusMonths(1)) {
			months.put(m, new long[2]);
		}
		for (Tally tally : this.tallies.of(region, from, to)) {
			sums.computeIfAbsent(tally.dimension(), d -> new HashMap<>()).merge(tally.key(), tally.value(), Long::sum);
			if (tally.dimension().equals(Tally.REPORTED)) {
				months.get(YearMonth.from(tally.day()))[0] += tally.value();
			}
			else if (tally.dimension().equals(Tally.CLOSED)) {
				months.get(YearMonth.from(tally.day()))[1] += tally.value();
			}
		}
		Drill drill = new Drill(region.id(), from, to);
		long total = sum(sums, Tally.REPORTED);
		Map<String, EventCatalog.CategoryName> categories = this.catalog.categories();
		Map<String, Long> topCategories = new HashMap<>();
		sums.getOrDefault(Tally.CATEGORY, Map.of())
			.forEach((code, count) -> topCategories
				.merge(categories.containsKey(code) ? categories.get(code).topCode() : code, count, Long::sum));

		Map<String, Long> closed = sums.getOrDefault(Tally.CLOSED, Map.of());
		long onTime = closed.getOrDefault(Tally.ON_TIME, 0L);
		long closedCount = onTime + closed.getOrDefault(Tally.LATE, 0L);
		Map<Integer, Long> buckets = new HashMap<>();
		sums.getOrDefault(Tally.HANDLING_BUCKET, Map.of()).forEach((k, v) -> buckets.put(Integer.valueOf(k), v));
		Timeliness timeliness = new Timeliness(closedCount == 0 ? null : round((double) onTime / closedCount, 4),
				closedCount == 0 ? null : round(sum(sums, Tally.HANDLING_SECONDS) / 3600.0 / closedCount, 2),
				closedCount == 0 ? null : round(HandlingBuckets.quantile(buckets, 0.9), 2), sum(sums, Tally.OVERDUE),
				closedCount, onTime, drill.with("overdue", "true"));
		long ratings = 0;
		long ratingSum = 0;
		for (Map.Entry<String, Long> rating : sums.getOrDefault(Tally.RATING, Map.of()).entrySet()) {
			ratings += rating.getValue();
			ratingSum += Long.parseLong(rating.getKey()) * rating.getValue();
		}
		return new Dashboard(region.id(), region.name(), from, to, total, drill.with(),
				shares(sums, Tally.LEVEL, key -> key, "level", drill), timeliness,
				months.entrySet()
					.stream()
					.map(e -> new Month(e.getKey().toString(), e.getValue()[0], e.getValue()[1]))
					.toList(),
				shares(sums, Tally.SOURCE, key -> key, "source", drill),
				categoryShares(topCategories, categories, drill),
				shares(sums, Tally.STATUS, key -> key, "status", drill),
				new Satisfaction(ratings, ratings == 0 ? null : round((double) ratingSum / ratings, 2)));
	}

	private static List<Share> shares(Map<String, Map<String, Long>> sums, String dimension,
			java.util.function.UnaryOperator<String> name, String param, Drill drill) {
		return sums.getOrDefault(dimension, Map.of())
			.entrySet()
			.stream()
			.filter(e -> e.getValue() != 0)
			.sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
			.map(e -> new Share(e.getKey(), name.apply(e.getKey()), e.getValue(), drill.with(param, e.getKey())))
			.toList();
	}

	private static List<Share> categoryShares(Map<String, Long> counts,
			Map<String, EventCatalog.CategoryName> categories, Drill drill) {
		List<Share> shares = new ArrayList<>();
		counts.forEach((code, count) -> {
			if (count != 0) {
				EventCatalog.CategoryName category = categories.get(code);
				shares.add(new Share(code, category == null ? code : category.name(), count,
						drill.with("categoryCode", code)));
			}
		});
		shares.sort(Comparator.comparingLong(Share::count).reversed().thenComparing(Share::key));
		return shares;
	}

	private static long sum(Map<String, Map<String, Long>> sums, String dimension) {
		return sums.getOrDefault(dimension, Map.of()).values().stream().mapToLong(Long::longValue).sum();
	}

	private static double round(double value, int digits) {
		double scale = Math.pow(10, digits);
		return Math.round(value * scale) / scale;
	}

	/** The event-list query ({@code GET /api/v1/events}) behind a figure. */
	record Drill(long regionId, LocalDate from, LocalDate to) {

		Map<String, String> with(String... pairs) {
			Map<String, String> query = new LinkedHashMap<>();
			query.put("regionId", Long.toString(this.regionId));
			query.put("from", this.from.atStartOfDay(EventFact.LOCAL).toInstant().toString());
			query.put("to", this.to.plusDays(1).atStartOfDay(EventFact.LOCAL).toInstant().toString());
			for (int i = 0; i + 1 < pairs.length; i += 2) {
				query.put(pairs[i], pairs[i + 1]);
			}
			return query;
		}

	}

	record Dashboard(long regionId, String regionName, LocalDate from, LocalDate to, long totalEvents,
			Map<String, String> drill, List<Share> byLevel, Timeliness timeliness, List<Month> monthly,
			List<Share> bySource, List<Share> byCategory, List<Share> byStatus, Satisfaction satisfaction) {
	}

	/**
	 * {@code name} is the 大类's name for categories, the code otherwise (the console
	 * labels codes).
	 */
	record Share(String key, String name, long count, Map<String, String> drill) {
	}

	/**
	 * Of the events closed in the range: share on time, average and 90th percentile of
	 * the hours from report to close; {@code overdue}: events reported in the range that
	 * went past their limit.
	 */
	record Timeliness(Double onTimeRate, Double avgHandlingHours, Double p90HandlingHours, long overdue, long closed,
			long closedOnTime, Map<String, String> overdueDrill) {
	}

	record Month(String month, long reported, long handled) {
	}

	record Satisfaction(long rated, Double average) {
	}

}
