package org.govgrid.special;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.govgrid.platform.DataScope;
import org.govgrid.platform.FieldErrors;
import org.govgrid.platform.InvalidInputException;
import org.govgrid.platform.InvalidInputException.FieldProblem;
import org.govgrid.platform.NotFoundException;
import org.govgrid.platform.ScopedPrincipal;
import org.govgrid.region.RegionListing;
import org.govgrid.region.RegionService;
import org.govgrid.region.RegionSummary;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Crowd-flow counts (通信运营商人流时空数据) per grid and quarter hour, fed in batches by the
 * operator's system inside the feeding account's area, and the heat layer at one bucket.
 * A re-sent grid-bucket replaces the stored count (operators correct late figures); the
 * answer tells new, replaced and unchanged apart. One transaction per batch: by default
 * any bad count fails the batch (400 naming {@code counts[i].field}, nothing written);
 * with {@code partial} the good counts are stored and the bad ones reported.
 */
@Service
class CrowdFlow {

	static final int MAX_COUNTS = 5000;

	static final int MAX_PEOPLE = 1_000_000;

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final CrowdStore store;

	private final CrowdCells cells;

	private final RegionService regions;

	private final RegionListing listing;

	private final Clock clock;

	CrowdFlow(CrowdStore store, CrowdCells cells, RegionService regions, RegionListing listing, Clock clock) {
		this.store = store;
		this.cells = cells;
		this.regions = regions;
		this.listing = listing;
		this.clock = clock;
	}

	@Transactional
	CrowdCommands.Result ingest(CrowdCommands.Batch batch, boolean partial, ScopedPrincipal caller) {
		List<CrowdCommands.Count> counts = batch == null ? null : batch.counts();
		if (counts == null || counts.isEmpty()) {
			throw new InvalidInputException("counts", "at least one count / 至少一条人流数据");
		}
		if (counts.size() > MAX_COUNTS) {
			throw new InvalidInputException("counts",
					"at most " + MAX_COUNTS + " counts a call / 每次最多" + MAX_COUNTS + "条");
		}
		Instant now = this.clock.instant();
		CrowdCells.Resolver places = this.cells.resolver(counts, caller.scope());
		List<CrowdCommands.Rejected> rejected = new ArrayList<>();
		Map<String, CrowdStore.Row> rows = new LinkedHashMap<>();
		List<CrowdCells.Learnt> learnt = new ArrayList<>();
		for (int i = 0; i < counts.size(); i++) {
			CrowdCommands.Count count = counts.get(i);
			FieldErrors errors = new FieldErrors();
			if (count == null) {
				rejected.add(new CrowdCommands.Rejected(i, List.of(new FieldProblem("count", "required / 不能为空"))));
				continue;
			}
			CrowdCells.Place place = places.place(count, errors);
			Instant bucket = bucket(count.bucketStart(), now, errors);
			if (count.people() == null || count.people() < 0 || count.people() > MAX_PEOPLE) {
				errors.add("people", "a whole number from 0 to " + MAX_PEOPLE + " / 人数须为 0–" + MAX_PEOPLE + " 的整数");
			}
			if (!errors.isEmpty()) {
				rejected.add(new CrowdCommands.Rejected(i, errors.list()));
				continue;
			}
			if (place.learnt() != null) {
				learnt.add(place.learnt());
			}
			String key = CrowdStore.key(place.grid().id(), bucket);
			CrowdStore.Row before = rows.get(key);
			rows.put(key, new CrowdStore.Row(place.grid().id(), place.grid().path(), bucket,
					count.people() + (before == null ? 0 : before.people())));
		}
		if (!rejected.isEmpty() && !partial) {
			List<FieldProblem> problems = new ArrayList<>();
			for (CrowdCommands.Rejected r : rejected) {
				r.errors()
					.forEach(
							e -> problems.add(new FieldProblem("counts[" + r.index() + "]." + e.field(), e.message())));
			}
			throw new InvalidInputException(problems);
		}
		Map<String, Integer> existing = this.store.existing(rows.values());
		int accepted = 0;
		int replaced = 0;
		int duplicates = 0;
		List<CrowdStore.Row> changed = new ArrayList<>();
		for (Map.Entry<String, CrowdStore.Row> row : rows.entrySet()) {
			Integer stored = existing.get(row.getKey());
			if (stored == null) {
				accepted++;
				changed.add(row.getValue());
			}
			else if (stored != row.getValue().people()) {
				replaced++;
				changed.add(row.getValue());
			}
			else {
				duplicates++;
			}
		}
		this.cells.remember(learnt);
		this.store.upsert(changed, now);
		return new CrowdCommands.Result(accepted, replaced, duplicates, rejected);
	}

	private static Instant bucket(String value, Instant now, FieldErrors errors) {
		if (value == null || value.isBlank()) {
			errors.add("bucketStart", "required / 时段起点必填");
			return null;
		}
		try {
			Instant bucket = java.time.OffsetDateTime.parse(value.strip()).toInstant();
			if (!CrowdLimits.onQuarterHour(bucket)) {
				errors.add("bucketStart", "must start a quarter hour (:00, :15, :30, :45) / 时段须从整刻钟开始");
			}
			else if (bucket.isAfter(now)) {
				errors.add("bucketStart", "must not be in the future / 时段不能晚于当前时间");
			}
			return bucket;
		}
		catch (DateTimeParseException ex) {
			errors.add("bucketStart", "an ISO-8601 time such as 2026-12-07T08:15:00+08:00 / 时间格式错误");
			return null;
		}
	}

	/** The heat layer: every grid of the area at the bucket holding {@code at}. */
	@Transactional(readOnly = true)
	CrowdCommands.Snapshot snapshot(String at, Long regionId, boolean outlines, ScopedPrincipal caller) {
		Instant time = this.clock.instant();
		if (at != null && !at.isBlank()) {
			try {
				time = java.time.OffsetDateTime.parse(at.strip()).toInstant();
			}
			catch (DateTimeParseException ex) {
				throw new InvalidInputException("at", "an ISO-8601 time / 时间格式错误");
			}
		}
		Instant bucket = CrowdLimits.bucketOf(time);
		RegionSummary region = this.regions.find(regionId == null ? caller.scope().regionId() : regionId)
			.filter(r -> caller.scope().covers(r.path()))
			.orElseThrow(() -> new NotFoundException("region", regionId));
		DataScope area = new DataScope(region.id(), region.path());
		Map<Long, CrowdStore.Stored> counted = new HashMap<>();
		this.store.series(area, null, bucket, bucket)
			.values()
			.forEach(series -> series.forEach(s -> counted.put(s.gridId(), s)));
		List<CrowdCommands.GridCount> grids = new ArrayList<>();
		int total = 0;
		int max = 0;
		for (RegionListing.GridOutline grid : this.listing.gridsUnder(region.path())) {
			CrowdStore.Stored stored = counted.get(grid.id());
			Integer people = stored == null ? null : stored.bucket().people();
			if (people != null) {
				total += people;
				max = Math.max(max, people);
			}
			JsonNode boundary = outlines && grid.boundary() != null ? JSON.readTree(grid.boundary()) : null;
			grids.add(new CrowdCommands.GridCount(grid.id(), grid.code(), grid.name(), grid.centerLon(),
					grid.centerLat(), people, stored == null ? null : stored.bucket().usual(), boundary));
		}
		return new CrowdCommands.Snapshot(bucket, region.id(), region.name(), total, max, grids);
	}

}
