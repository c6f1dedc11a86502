package org.govgrid.event;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.govgrid.platform.ScopeFilter;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Finds events for other modules that analyse them (early warning): by area (a region
 * path and everything below it), time window, category (大类 or 小类), level and source.
 * Reads regardless of any user's scope; callers apply their own. Events raised from an
 * alert (source {@code WARNING}) are never returned by the searches: they are
 * conclusions, not observations.
 */
@Service
@Transactional(readOnly = true)
public class EventLookup {

	private static final String SELECT = """
			select e.id, e.code, e.category_code, coalesce(c.parent_code, c.code) as top_category, e.level, e.source,
			       e.grid_id, e.community_id, e.town_id, e.region_path, e.address, e.status, e.flag, e.reported_at,
			       e.acceptance_deadline, e.disposal_deadline, e.closed_at
			from event e join event_category c on c.code = e.category_code""";

	private final NamedParameterJdbcTemplate jdbc;

	EventLookup(NamedParameterJdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	public Optional<Match> find(long id) {
		return this.jdbc.query(SELECT + " where e.id = :id", new MapSqlParameterSource("id", id), EventLookup::match)
			.stream()
			.findFirst();
	}

	/**
	 * Events reported in {@code [from, to)} at or under {@code regionPath} that match the
	 * filter, oldest first.
	 */
	public List<Match> reported(String regionPath, Instant from, Instant to, Filter filter) {
		MapSqlParameterSource params = new MapSqlParameterSource("from", Timestamp.from(from)).addValue("to",
				Timestamp.from(to));
		String where = " where e.reported_at >= :from and e.reported_at < :to and " + area(regionPath, params)
				+ filter.sql(params);
		return this.jdbc.query(SELECT + where + " order by e.reported_at, e.id", params, EventLookup::match);
	}

	/**
	 * Open events at or under {@code regionPath} flagged red (past their time limit) that
	 * match the filter, oldest first.
	 */
	public List<Match> overdue(String regionPath, Filter filter) {
		MapSqlParameterSource params = new MapSqlParameterSource();
		String where = " where e.flag = 'RED' and e.status not in ('CLOSED', 'REJECTED') and "
				+ area(regionPath, params) + filter.sql(params);
		return this.jdbc.query(SELECT + where + " order by e.reported_at, e.id", params, EventLookup::match);
	}

	/**
	 * Events that may have been overdue at some moment of {@code [from, to)}: reported
	 * before {@code to}, with a time limit before {@code to}, not closed before
	 * {@code from} (for replaying overdue counts over the past).
	 */
	public List<Match> overdueCandidates(String regionPath, Instant from, Instant to, Filter filter) {
		MapSqlParameterSource params = new MapSqlParameterSource("from", Timestamp.from(from)).addValue("to",
				Timestamp.from(to));
		String where = " where e.reported_at < :to and coalesce(e.disposal_deadline, e.acceptance_deadline) < :to"
				+ " and (e.closed_at is null or e.closed_at >= :from) and e.status <> 'REJECTED' and "
				+ area(regionPath, params) + filter.sql(params);
		return this.jdbc.query(SELECT + where + " order by e.reported_at, e.id", params, EventLookup::match);
	}

	/** Events by id (any order), whatever their source. */
	public List<Match> findAll(Collection<Long> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		return this.jdbc.query(SELECT + " where e.id in (:ids)", new MapSqlParameterSource("ids", ids),
				EventLookup::match);
	}

	/**
	 * What the event came to: the handling result of a closed event, the reason of a
	 * rejected one (its last reject or merge step); empty while it is open.
	 */
	public Optional<String> outcome(long id) {
		List<String> rows = this.jdbc.query("""
				select case when e.status = 'CLOSED' then e.result
				            else (select f.comment from event_flow f where f.event_id = e.id
				                  and f.action in ('reject', 'merge') order by f.id desc limit 1) end as outcome
				from event e where e.id = :id and e.status in ('CLOSED', 'REJECTED')""",
				new MapSqlParameterSource("id", id), (rs, n) -> rs.getString("outcome"));
		return rows.isEmpty() ? Optional.empty() : Optional.ofNullable(rows.get(0));
	}

	/** The events an event was raised from (see {@link LinkedReports}). */
	public List<Long> linkedFrom(long eventId) {
		return this.jdbc.queryForList(
				"select linked_event_id from event_link where event_id = :id order by linked_event_id",
				new MapSqlParameterSource("id", eventId), Long.class);
	}

	/** How many events {@link #reported} would return, counted by the database. */
	public long countReported(String regionPath, Instant from, Instant to, Filter filter) {
		MapSqlParameterSource params = new MapSqlParameterSource("from", Timestamp.from(from)).addValue("to",
				Timestamp.from(to));
		Long count = this.jdbc
			.queryForObject("select count(*) from event e join event_category c on c.code = e.category_code"
					+ " where e.reported_at >= :from and e.reported_at < :to and " + area(regionPath, params)
					+ filter.sql(params), params, Long.class);
		return count == null ? 0 : count;
	}

	/**
	 * Located events at or under {@code regionPath}, newest first: those still open and
	 * those reported since {@code since}, inside the box {@code minLon, minLat, maxLon,
	 * maxLat} when one is given (the panoramic map, a grid's recent events).
	 */
	public List<Located> located(String regionPath, double[] box, Instant since, int limit) {
		MapSqlParameterSource params = new MapSqlParameterSource("since", Timestamp.from(since)).addValue("limit",
				limit);
		String inBox = "";
		if (box != null) {
			params.addValue("minLon", box[0])
				.addValue("minLat", box[1])
				.addValue("maxLon", box[2])
				.addValue("maxLat", box[3]);
			inBox = " and e.lon between :minLon and :maxLon and e.lat between :minLat and :maxLat";
		}
		return this.jdbc.query("""
				select e.id, e.code, e.title, e.status, e.flag, e.level, e.grid_id, e.lon, e.lat, e.reported_at
				from event e
				where %s%s and (e.status not in ('CLOSED', 'REJECTED') or e.reported_at >= :since)
				order by e.reported_at desc, e.id desc limit :limit""".formatted(area(regionPath, params), inBox),
				params,
				(rs, n) -> new Located(rs.getLong("id"), rs.getString("code"), rs.getString("title"),
						rs.getString("status"), rs.getString("flag"), rs.getString("level"), rs.getLong("grid_id"),
						rs.getDouble("lon"), rs.getDouble("lat"), EventRepository.instant(rs, "reported_at")));
	}

	/**
	 * Located events reported in {@code [from, to)} at or under {@code regionPath} that
	 * match the filter, newest first, at most {@code limit} (spatial analysis: hotspots).
	 */
	public List<Placed> placed(String regionPath, Instant from, Instant to, Filter filter, int limit) {
		MapSqlParameterSource params = new MapSqlParameterSource("from", Timestamp.from(from))
			.addValue("to", Timestamp.from(to))
			.addValue("limit", limit);
		String where = " where e.reported_at >= :from and e.reported_at < :to and e.lon is not null"
				+ " and e.lat is not null and " + area(regionPath, params) + filter.sql(params);
		return this.jdbc.query(
				SELECT.replace("select e.id,", "select e.lon, e.lat, e.id,") + where
						+ " order by e.reported_at desc, e.id desc limit :limit",
				params, (rs, n) -> new Placed(match(rs, n), rs.getDouble("lon"), rs.getDouble("lat")));
	}

	/** An event as analysis sees it, with its place. */
	public record Placed(Match event, double lon, double lat) {
	}

	/** An event on the map. */
	public record Located(long id, String code, String title, String status, String flag, String level, long gridId,
			double lon, double lat, Instant reportedAt) {
	}

	private static String area(String regionPath, MapSqlParameterSource params) {
		return ScopeFilter.at(regionPath, "e.region_path", "area").addTo(params);
	}

	private static Match match(ResultSet rs, int n) throws SQLException {
		return new Match(rs.getLong("id"), rs.getString("code"), rs.getString("category_code"),
				rs.getString("top_category"), rs.getString("level"), rs.getString("source"), rs.getLong("grid_id"),
				rs.getLong("community_id"), rs.getLong("town_id"), rs.getString("region_path"), rs.getString("address"),
				rs.getString("status"), rs.getString("flag"), EventRepository.instant(rs, "reported_at"),
				EventRepository.instant(rs, "acceptance_deadline"), EventRepository.instant(rs, "disposal_deadline"),
				EventRepository.instant(rs, "closed_at"));
	}

	/**
	 * Which events: {@code categoryCode} a 大类 (all its 小类) or a 小类; level and source
	 * codes; null matches anything.
	 */
	public record Filter(String categoryCode, String level, String source) {

		public static final Filter ANY = new Filter(null, null, null);

		String sql(MapSqlParameterSource params) {
			StringBuilder sql = new StringBuilder(" and e.source <> 'WARNING'");
			if (this.categoryCode != null) {
				sql.append(" and (e.category_code = :category or c.parent_code = :category)");
				params.addValue("category", this.categoryCode);
			}
			if (this.level != null) {
				sql.append(" and e.level = :level");
				params.addValue("level", this.level);
			}
			if (this.source != null) {
				sql.append(" and e.source = :source");
				params.addValue("source", this.source);
			}
			return sql.toString();
		}

		/** Whether an event passes the filter (the same test as the searches). */
		public boolean matches(Match event) {
			return !"WARNING".equals(event.source())
					&& (this.categoryCode == null || this.categoryCode.equals(event.categoryCode())
							|| this.categoryCode.equals(event.topCategoryCode()))
					&& (this.level == null || this.level.equals(event.level()))
					&& (this.source == null || this.source.equals(event.source()));
		}

	}

	/**
	 * An event as analysis sees it. {@code topCategoryCode}: its 大类; {@code flag}: NONE,
	 * YELLOW or RED.
	 */
	public record Match(long id, String code, String categoryCode, String topCategoryCode, String level, String source,
			long gridId, long communityId, long townId, String regionPath, String address, String status, String flag,
			Instant reportedAt, Instant acceptanceDeadline, Instant disposalDeadline, Instant closedAt) {

		public boolean open() {
			return !"CLOSED".equals(this.status) && !"REJECTED".equals(this.status);
		}

		/**
		 * When it became overdue: its disposal limit, or its acceptance limit if none.
		 */
		public Instant overdueFrom() {
			return this.disposalDeadline != null ? this.disposalDeadline : this.acceptanceDeadline;
		}

	}

}
