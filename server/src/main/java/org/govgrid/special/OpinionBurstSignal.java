package org.govgrid.special;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.govgrid.platform.DataScope;
import org.govgrid.platform.ScopeFilter;
import org.govgrid.region.RegionListing;
import org.govgrid.region.RegionService;
import org.govgrid.region.RegionSummary;
import org.govgrid.warning.Signal;
import org.govgrid.warning.SignalQuery;
import org.govgrid.warning.SignalSource;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * OPINION_BURST: at least {@code threshold} negative items (sentiment ≤ −0.3) about one
 * region — a region an item was matched to — published within the rule's window (24 h
 * when none is set), by {@link BurstEpisodes}. A sweep reads the regions over the
 * threshold, then those regions' negative items of the last week for when the burst
 * began; the backtest reads the period's negative items once.
 */
@Component
class OpinionBurstSignal implements SignalSource {

	static final String KIND = "OPINION_BURST";

	static final int DEFAULT_WINDOW_HOURS = 24;

	private static final Duration LOOK_BACK = Duration.ofDays(7);

	private final NamedParameterJdbcTemplate jdbc;

	private final RegionListing listing;

	private final RegionService regions;

	OpinionBurstSignal(NamedParameterJdbcTemplate jdbc, RegionListing listing, RegionService regions) {
		this.jdbc = jdbc;
		this.listing = listing;
		this.regions = regions;
	}

	@Override
	public String kind() {
		return KIND;
	}

	@Override
	public String thresholdMeaning() {
		return "时间窗内关于同一区域的负面舆情条数（情感值≤−0.3）";
	}

	private record Item(long regionId, String path, Instant at, String title) {
	}

	@Override
	public List<Signal> holding(SignalQuery q) {
		Duration window = window(q);
		MapSqlParameterSource params = params(q, q.now().minus(window), q.now());
		List<Long> bursting = this.jdbc.queryForList("""
				select m.region_id from opinion_match m join opinion_item o on o.id = m.item_id
				where o.sentiment <= :negative and o.published_at > :from and o.published_at <= :to and %s
				group by m.region_id having count(*) >= :threshold""".formatted(scope(q, params)), params, Long.class);
		if (bursting.isEmpty()) {
			return List.of();
		}
		MapSqlParameterSource recent = params(q, q.now().minus(LOOK_BACK), q.now()).addValue("regions", bursting);
		Map<Long, List<Item>> byRegion = items(recent, scope(q, recent) + " and m.region_id in (:regions)");
		Names names = new Names(q.regionPath());
		List<Signal> signals = new ArrayList<>();
		byRegion.forEach((region, items) -> {
			Instant since = BurstEpisodes.holdingSince(items.stream().map(Item::at).toList(), q.threshold(), window,
					q.now());
			if (since != null) {
				List<Item> inWindow = items.stream().filter(i -> i.at().isAfter(q.now().minus(window))).toList();
				signals.add(signal(items.get(0), inWindow, since, q, window, names));
			}
		});
		return signals;
	}

	@Override
	public List<Signal> history(SignalQuery q, Instant from, Instant to) {
		Duration window = window(q);
		MapSqlParameterSource params = params(q, from.minus(window), to);
		Map<Long, List<Item>> byRegion = items(params, scope(q, params));
		Names names = new Names(q.regionPath());
		List<Signal> signals = new ArrayList<>();
		byRegion.forEach((region, items) -> {
			for (Instant start : BurstEpisodes.starts(items.stream().map(Item::at).toList(), q.threshold(), window)) {
				if (!start.isBefore(from) && !start.isAfter(to)) {
					List<Item> inWindow = items.stream()
						.filter(i -> i.at().isAfter(start.minus(window)) && !i.at().isAfter(start))
						.toList();
					signals.add(signal(items.get(0), inWindow, start, q, window, names));
				}
			}
		});
		return signals;
	}

	private Map<Long, List<Item>> items(MapSqlParameterSource params, String where) {
		Map<Long, List<Item>> byRegion = new LinkedHashMap<>();
		this.jdbc.query("""
				select m.region_id, m.region_path, o.published_at, o.title from opinion_match m
				join opinion_item o on o.id = m.item_id
				where o.sentiment <= :negative and o.published_at > :from and o.published_at <= :to and %s
				order by m.region_id, o.published_at, o.id""".formatted(where), params,
				(org.springframework.jdbc.core.RowCallbackHandler) rs -> byRegion
					.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
					.add(new Item(rs.getLong(1), rs.getString(2), rs.getTimestamp(3).toInstant(), rs.getString(4))));
		return byRegion;
	}

	private static MapSqlParameterSource params(SignalQuery q, Instant from, Instant to) {
		return new MapSqlParameterSource("negative", OpinionTone.NEGATIVE_AT_MOST)
			.addValue("from", Timestamp.from(from))
			.addValue("to", Timestamp.from(to))
			.addValue("threshold", q.threshold());
	}

	private static String scope(SignalQuery q, MapSqlParameterSource params) {
		return ScopeFilter.of(new DataScope(0, q.regionPath()), "m.region_path").addTo(params);
	}

	private static Duration window(SignalQuery q) {
		return Duration.ofHours(q.windowHours() == null ? DEFAULT_WINDOW_HOURS : q.windowHours());
	}

	private Signal signal(Item any, List<Item> inWindow, Instant since, SignalQuery q, Duration window, Names names) {
		Item latest = inWindow.isEmpty() ? any : inWindow.get(inWindow.size() - 1);
		String detail = String.format(Locale.ROOT, "%d 小时内有 %d 条关于%s的负面舆情（情感值≤−0.3），达到阈值 %d 条。最新一条：《%s》。请核实情况并及时回应。",
				window.toHours(), inWindow.size(), names.name(any.regionId()), q.threshold(),
				Redaction.redact(latest.title()));
		if (detail.length() > 500) {
			detail = detail.substring(0, 499) + "…";
		}
		double[] centre = names.centre(any.regionId());
		return new Signal(any.regionId(), any.path(), "opinion", detail, inWindow.size(), q.threshold(), since,
				centre == null ? null : centre[0], centre == null ? null : centre[1]);
	}

	/** Region names and centres of one call, read once. */
	private final class Names {

		private final Map<Long, String> names = new HashMap<>();

		private final Map<Long, double[]> centres = new HashMap<>();

		Names(String path) {
			for (RegionSummary region : OpinionBurstSignal.this.listing.under(path)) {
				this.names.put(region.id(), region.name());
			}
			for (RegionListing.GridOutline grid : OpinionBurstSignal.this.listing.gridsUnder(path)) {
				if (grid.centerLon() != null) {
					this.centres.put(grid.id(), new double[] { grid.centerLon(), grid.centerLat() });
				}
			}
		}

		String name(long id) {
			return this.names.getOrDefault(id, "该区域");
		}

		double[] centre(long id) {
			return this.centres.computeIfAbsent(id, k -> OpinionBurstSignal.this.regions.centre(k).orElse(null));
		}

	}

}
