package org.govgrid.performance;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.govgrid.identity.Directory;
import org.govgrid.performance.RankingRoster.Roster;
import org.govgrid.performance.Standings.Place;
import org.govgrid.platform.NotFoundException;
import org.govgrid.platform.ScopeFilter;
import org.govgrid.platform.ScopedPrincipal;
import org.govgrid.region.RegionLevel;
import org.govgrid.region.RegionService;
import org.govgrid.region.RegionSummary;
import org.govgrid.stats.GridTimeliness;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Live rankings and ledgers. Rankings read the per-user monthly totals (kept with every
 * ledger row), so a year over a city is a group-by over at most twelve rows per worker.
 *
 * <p>
 * Who sees what: rankings cover an area inside the caller's scope (their own area by
 * default; another is 404). A ledger is the caller's own, or, with
 * {@code performance:points:read} (chiefs, the centre, leaders), that of a user whose
 * scope lies inside the caller's; anything else is 404.
 *
 * <p>
 * Grid points (网格积分) = the points of the grid's workers in the period + 10 × the share of
 * the grid's events closed in the period that were closed on time (0–1) + 2 × the average
 * rating (1–5) of those events; a figure without events counts 0 (and reads null).
 *
 * <p>
 * Every grid worker and grid of the area is ranked ({@link RankingRoster}): those with
 * nothing in the period at 0 points, tied, after everyone who earned some; the previous
 * period is ranked the same way, so their {@code previousRank} is that shared last place.
 */
@Service
@Transactional(readOnly = true)
class Rankings {

	static final BigDecimal ON_TIME_WEIGHT = BigDecimal.TEN;

	static final BigDecimal RATING_WEIGHT = BigDecimal.valueOf(2);

	/** The points of a worker or grid with nothing in the period. */
	static final BigDecimal NONE = BigDecimal.ZERO.setScale(2);

	/** Rows of the ledger on the phone's summary. */
	static final int RECENT = 5;

	private final NamedParameterJdbcTemplate jdbc;

	private final Directory directory;

	private final RegionService regions;

	private final GridTimeliness timeliness;

	private final Clock clock;

	private final RankingRoster roster;

	Rankings(NamedParameterJdbcTemplate jdbc, Directory directory, RegionService regions, GridTimeliness timeliness,
			Clock clock, RankingRoster roster) {
		this.jdbc = jdbc;
		this.roster = roster;
		this.directory = directory;
		this.regions = regions;
		this.timeliness = timeliness;
		this.clock = clock;
	}

	LocalDate today() {
		return LocalDate.now(this.clock.withZone(Period.LOCAL));
	}

	/** The caller's own area by default; another must lie inside it (else 404). */
	RegionSummary area(Long regionId, ScopedPrincipal caller) {
		long id = regionId != null ? regionId : caller.scope().regionId();
		return this.regions.find(id)
			.filter(r -> caller.scope().covers(r.path()))
			.orElseThrow(() -> new NotFoundException("region", id));
	}

	WorkerRanking workers(Period period, RegionSummary area, int page, int size) {
		Roster roster = this.roster.of(area.path());
		List<Place<WorkerTotal>> now = rankWorkers(period, area.path(), roster);
		Map<Long, Integer> before = Standings.ranks(rankWorkers(period.previous(), area.path(), roster),
				WorkerTotal::userId);
		List<Place<WorkerTotal>> shown = slice(now, page, size);
		Set<Long> users = new HashSet<>();
		Set<Long> grids = new HashSet<>();
		shown.forEach(p -> {
			users.add(p.item().userId());
			grids.add(p.item().gridId());
		});
		Map<Long, String> names = this.directory.userNames(users);
		Map<Long, String> gridNames = this.regions.namesOf(grids);
		List<WorkerItem> items = shown.stream().map(p -> {
			WorkerTotal t = p.item();
			Integer previous = before.get(t.userId());
			Integer change = Standings.change(previous, p.rank());
			return new WorkerItem(p.rank(), t.userId(), names.get(t.userId()), t.gridId(), gridNames.get(t.gridId()),
					t.points(), previous, change, change);
		}).toList();
		return new WorkerRanking(period.label(), period.from(), period.to(), area.id(), area.name(), items, now.size(),
				page, size);
	}

	GridRanking grids(Period period, RegionSummary area, int page, int size) {
		Set<Long> roster = this.roster.of(area.path()).grids();
		List<Place<GridTotal>> now = Standings.rank(gridTotals(period, area.path(), roster), GridTotal::points,
				Comparator.comparingLong(GridTotal::gridId));
		Map<Long, Integer> before = Standings.ranks(Standings.rank(gridTotals(period.previous(), area.path(), roster),
				GridTotal::points, Comparator.comparingLong(GridTotal::gridId)), GridTotal::gridId);
		List<Place<GridTotal>> shown = slice(now, page, size);
		Map<Long, String> names = this.regions.namesOf(shown.stream().map(p -> p.item().gridId()).toList());
		List<GridItem> items = shown.stream().map(p -> {
			GridTotal t = p.item();
			Integer previous = before.get(t.gridId());
			Integer change = Standings.change(previous, p.rank());
			return new GridItem(p.rank(), t.gridId(), names.get(t.gridId()), t.points(), t.workerPoints(),
					t.onTimeRate() == null ? null : round(t.onTimeRate(), 4),
					t.satisfaction() == null ? null : round(t.satisfaction(), 2), t.closed(), previous, change, change);
		}).toList();
		return new GridRanking(period.label(), period.from(), period.to(), area.id(), area.name(), items, now.size(),
				page, size);
	}

	/** A user's ledger in a period, newest first (404 unless the caller may see it). */
	Ledger ledger(long userId, Period period, int page, int size, ScopedPrincipal caller) {
		String name = visibleUser(userId, caller);
		MapSqlParameterSource params = new MapSqlParameterSource("user", userId)
			.addValue("start", Timestamp.from(period.start()))
			.addValue("end", Timestamp.from(period.end()))
			.addValue("size", size)
			.addValue("offset", (long) (page - 1) * size);
		String where = " from point_entry e where e.user_id = :user and e.occurred_at >= :start and e.occurred_at < :end";
		Map<String, Object> sums = this.jdbc
			.queryForMap("select count(*) as total, coalesce(sum(e.points), 0) as points" + where, params);
		List<Entry> items = entries(where + " order by e.occurred_at desc, e.id desc limit :size offset :offset",
				params);
		return new Ledger(userId, name, period.label(), period.from(), period.to(), (BigDecimal) sums.get("points"),
				items, ((Number) sums.get("total")).longValue(), page, size);
	}

	/**
	 * The phone's summary: my points this month, and my rank among the grid workers of my
	 * community (null while I have none there).
	 */
	Mine mine(ScopedPrincipal caller) {
		Period period = Period.month(YearMonth.from(today()));
		BigDecimal points = this.jdbc.queryForObject(
				"select coalesce(sum(points), 0) from point_month_total where user_id = :user and month = :month",
				new MapSqlParameterSource("user", caller.userId()).addValue("month", Date.valueOf(period.from())),
				BigDecimal.class);
		Optional<RegionSummary> grid = this.regions.find(caller.scope().regionId())
			.filter(r -> r.level() == RegionLevel.GRID);
		RegionSummary area = grid
			.flatMap(g -> g.parentId() == null ? Optional.empty() : this.regions.find(g.parentId()))
			.orElse(null);
		Integer rank = null;
		int ranked = 0;
		if (area != null) {
			List<Place<WorkerTotal>> places = rankWorkers(period, area.path(), this.roster.of(area.path()));
			ranked = places.size();
			rank = places.stream()
				.filter(p -> p.item().userId() == caller.userId())
				.map(Place::rank)
				.findFirst()
				.orElse(null);
		}
		List<Entry> recent = entries(
				" from point_entry e where e.user_id = :user and e.occurred_at >= :start and e.occurred_at < :end"
						+ " order by e.occurred_at desc, e.id desc limit " + RECENT,
				new MapSqlParameterSource("user", caller.userId()).addValue("start", Timestamp.from(period.start()))
					.addValue("end", Timestamp.from(period.end())));
		return new Mine(period.label(), period.from(), period.to(), caller.userId(), caller.displayName(),
				grid.map(RegionSummary::id).orElse(null), grid.map(RegionSummary::name).orElse(null), points, rank,
				ranked, area == null ? null : area.id(), area == null ? null : area.name(), recent);
	}

	private String visibleUser(long userId, ScopedPrincipal caller) {
		if (userId == caller.userId()) {
			return caller.displayName();
		}
		if (!caller.can("performance:points:read")) {
			throw new NotFoundException("user", userId);
		}
		return this.directory.user(userId)
			.filter(member -> caller.scope().covers(member.scopePath()))
			.map(Directory.Member::name)
			.orElseThrow(() -> new NotFoundException("user", userId));
	}

	private List<Entry> entries(String fromWhere, MapSqlParameterSource params) {
		List<Entry> entries = this.jdbc.query("select e.*, r.name as rule_name" + fromWhere
			.replace(" from point_entry e ", " from point_entry e join point_rule r on r.id = e.rule_version_id "),
				params, Rankings::entry);
		Map<Long, String> gridNames = this.regions.namesOf(entries.stream().map(Entry::gridId).distinct().toList());
		return entries.stream().map(e -> e.withGridName(gridNames.get(e.gridId()))).toList();
	}

	/**
	 * The workers with points in the period and, with 0, the roster's others: ranked
	 * last, tied (below them only anyone whose points came to less than 0).
	 */
	private List<Place<WorkerTotal>> rankWorkers(Period period, String path, Roster roster) {
		List<WorkerTotal> totals = new ArrayList<>(workerTotals(period, path));
		Set<Long> counted = new HashSet<>();
		totals.forEach(t -> counted.add(t.userId()));
		roster.workers().forEach((user, grid) -> {
			if (!counted.contains(user)) {
				totals.add(new WorkerTotal(user, grid, NONE));
			}
		});
		return Standings.rank(totals, WorkerTotal::points, Comparator.comparingLong(WorkerTotal::userId));
	}

	private List<WorkerTotal> workerTotals(Period period, String path) {
		return this.jdbc.query(
				"""
						select user_id, sum(points) as points, (array_agg(grid_id order by month desc, points desc))[1] as grid_id
						from point_month_total
						where worker and month between :from and :to and %s
						group by user_id"""
					.formatted(AREA.apply(path)),
				scope(period, path),
				(rs, n) -> new WorkerTotal(rs.getLong("user_id"), rs.getLong("grid_id"), rs.getBigDecimal("points")));
	}

	/** Every grid of the roster, those without points or closed events at 0. */
	private List<GridTotal> gridTotals(Period period, String path, Set<Long> roster) {
		Map<Long, BigDecimal> workerPoints = new HashMap<>();
		this.jdbc.query("""
				select grid_id, sum(points) as points from point_month_total
				where worker and month between :from and :to and %s
				group by grid_id""".formatted(AREA.apply(path)), scope(period, path),
				(RowCallbackHandler) rs -> workerPoints.put(rs.getLong("grid_id"), rs.getBigDecimal("points")));
		Map<Long, GridTimeliness.Figures> figures = this.timeliness.of(path, period.from(), period.to());
		Set<Long> grids = new HashSet<>(workerPoints.keySet());
		grids.addAll(figures.keySet());
		grids.addAll(roster);
		List<GridTotal> totals = new ArrayList<>();
		for (long grid : grids) {
			BigDecimal workers = workerPoints.getOrDefault(grid, BigDecimal.ZERO).setScale(2, RoundingMode.HALF_UP);
			GridTimeliness.Figures f = figures.get(grid);
			Double onTime = f == null ? null : f.onTimeRate();
			Double rating = f == null ? null : f.satisfaction();
			totals.add(new GridTotal(grid, gridPoints(workers, onTime, rating), workers, onTime, rating,
					f == null ? 0 : f.closed()));
		}
		return totals;
	}

	/**
	 * Workers' points + 10 × on-time rate + 2 × average rating (missing figures count 0).
	 */
	static BigDecimal gridPoints(BigDecimal workerPoints, Double onTimeRate, Double satisfaction) {
		BigDecimal points = workerPoints;
		if (onTimeRate != null) {
			points = points.add(ON_TIME_WEIGHT.multiply(BigDecimal.valueOf(onTimeRate)));
		}
		if (satisfaction != null) {
			points = points.add(RATING_WEIGHT.multiply(BigDecimal.valueOf(satisfaction)));
		}
		return points.setScale(2, RoundingMode.HALF_UP);
	}

	/**
	 * The condition on region_path for an area, its parameters added by {@link #scope}.
	 */
	private static final java.util.function.Function<String, String> AREA = path -> ScopeFilter
		.at(path, "region_path", "area")
		.sql();

	private static MapSqlParameterSource scope(Period period, String path) {
		return new MapSqlParameterSource("from", Date.valueOf(period.from()))
			.addValue("to", Date.valueOf(period.lastMonth().atDay(1)))
			.addValues(ScopeFilter.at(path, "region_path", "area").parameters());
	}

	private static <T> List<T> slice(List<T> all, int page, int size) {
		long start = (long) (page - 1) * size;
		if (start >= all.size()) {
			return List.of();
		}
		return all.subList((int) start, (int) Math.min(all.size(), start + size));
	}

	private static double round(double value, int digits) {
		return BigDecimal.valueOf(value).setScale(digits, RoundingMode.HALF_UP).doubleValue();
	}

	private static Entry entry(ResultSet rs, int n) throws SQLException {
		return new Entry(rs.getLong("id"), rs.getTimestamp("occurred_at").toInstant(), rs.getString("rule_code"),
				rs.getString("rule_name"), rs.getLong("rule_version_id"), rs.getBigDecimal("points"),
				rs.getString("source_type"), rs.getLong("source_id"), rs.getString("reason"), rs.getLong("grid_id"),
				null);
	}

	record WorkerTotal(long userId, long gridId, BigDecimal points) {
	}

	record GridTotal(long gridId, BigDecimal points, BigDecimal workerPoints, Double onTimeRate, Double satisfaction,
			long closed) {
	}

	/**
	 * {@code rankChange}: places moved up since the previous period (negative: down),
	 * null when not ranked then; {@code change} is its earlier name, kept for older
	 * clients.
	 */
	record WorkerItem(int rank, long userId, String name, long gridId, String gridName, BigDecimal points,
			Integer previousRank, Integer rankChange, Integer change) {
	}

	/**
	 * {@code total}: workers ranked in the area; {@code items}: the page asked for.
	 */
	record WorkerRanking(String period, LocalDate from, LocalDate to, long regionId, String regionName,
			List<WorkerItem> items, long total, int page, int size) {
	}

	/**
	 * {@code closedEvents}: events of the grid closed in the period (what the rate and
	 * the rating are taken over).
	 */
	record GridItem(int rank, long gridId, String gridName, BigDecimal points, BigDecimal workerPoints,
			Double onTimeRate, Double satisfaction, long closedEvents, Integer previousRank, Integer rankChange,
			Integer change) {
	}

	record GridRanking(String period, LocalDate from, LocalDate to, long regionId, String regionName,
			List<GridItem> items, long total, int page, int size) {
	}

	record Entry(long id, Instant occurredAt, String ruleCode, String ruleName, long ruleVersionId, BigDecimal points,
			String sourceType, long sourceId, String reason, long gridId, String gridName) {

		Entry withGridName(String name) {
			return new Entry(this.id, this.occurredAt, this.ruleCode, this.ruleName, this.ruleVersionId, this.points,
					this.sourceType, this.sourceId, this.reason, this.gridId, name);
		}

	}

	record Ledger(long userId, String name, String period, LocalDate from, LocalDate to, BigDecimal points,
			List<Entry> items, long total, int page, int size) {
	}

	/**
	 * {@code rank} among the {@code rankedWorkers} grid workers of the community
	 * {@code areaId} this month (those without points last, tied).
	 */
	record Mine(String period, LocalDate from, LocalDate to, long userId, String name, Long gridId, String gridName,
			BigDecimal points, Integer rank, int rankedWorkers, Long areaId, String areaName, List<Entry> recent) {
	}

}
