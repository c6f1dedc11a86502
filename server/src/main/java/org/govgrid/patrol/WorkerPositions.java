package org.govgrid.patrol;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.govgrid.platform.DataScope;
import org.govgrid.platform.ScopeFilter;
import org.govgrid.region.RegionService;
import org.govgrid.region.RegionSummary;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The last known position of each field worker: one row per user, upserted from the
 * newest point of each track batch and from the phone's heartbeat while the app is open
 * (never a scan of the track partitions). A worker is on duty while their patrol is open
 * or their heartbeat is fresh; a track point of a finished patrol does not count.
 * Positions are personal data: readers (the dispatch board) apply scope, freshness and
 * audit; nothing here logs a position.
 */
@Service
public class WorkerPositions {

	/** A heartbeat within this of the last stored position is not written again. */
	static final Duration HEARTBEAT_INTERVAL = Duration.ofSeconds(15);

	private static final String VISIBLE = """
			select w.user_id, w.lon, w.lat, w.accuracy, w.located_at, w.grid_id, w.source, w.scope_path,
			       (p.status = 'ACTIVE') as on_patrol
			from patrol_worker_position w left join patrol p on p.id = w.patrol_id
			where w.located_at >= :since and (w.source = 'HEARTBEAT' or p.status = 'ACTIVE')""";

	private final JdbcClient jdbc;

	private final RegionService regions;

	private final Clock clock;

	WorkerPositions(JdbcClient jdbc, RegionService regions, Clock clock) {
		this.jdbc = jdbc;
		this.regions = regions;
		this.clock = clock;
	}

	/**
	 * The on-duty workers whose scope lies at or under {@code scope}, located at or after
	 * {@code since} (older positions are stale), newest first.
	 */
	@Transactional(readOnly = true)
	public List<LastPosition> onDuty(DataScope scope, Instant since) {
		MapSqlParameterSource params = new MapSqlParameterSource("since", Timestamp.from(since));
		String area = ScopeFilter.of(scope, "w.scope_path").addTo(params);
		return this.jdbc.sql(VISIBLE + " and " + area + " order by w.located_at desc, w.user_id")
			.paramSource(params)
			.query(WorkerPositions::position)
			.list();
	}

	/**
	 * Positions that arrived at or after {@code since} (server time), whoever's: what the
	 * live board polls to tell its viewers that something moved.
	 */
	@Transactional(readOnly = true)
	public List<Arrival> arrivedSince(Instant since) {
		return this.jdbc.sql("""
				select user_id, scope_path, received_at from patrol_worker_position
				where received_at >= :since order by received_at""")
			.param("since", Timestamp.from(since))
			.query((rs, n) -> new Arrival(rs.getLong("user_id"), rs.getString("scope_path"),
					rs.getTimestamp("received_at").toInstant()))
			.list();
	}

	/**
	 * The newest point of a track batch, in the batch's transaction; an older point (a
	 * late batch) leaves the newer position alone.
	 */
	void fromTrack(long userId, DataScope scope, long patrolId, Track.Point newest) {
		upsert(userId, scope, newest.lon(), newest.lat(), newest.accuracy(), newest.time(), "TRACK", patrolId, false);
	}

	/**
	 * A heartbeat; false when it was not kept (older than the stored position, or within
	 * {@link #HEARTBEAT_INTERVAL} of the last write).
	 */
	@Transactional
	boolean fromHeartbeat(long userId, DataScope scope, double lon, double lat, Double accuracy, Instant at) {
		Long patrolId = this.jdbc.sql("""
				select id from patrol where worker_id = :user and status = 'ACTIVE'
				order by started_at desc limit 1""").param("user", userId).query(Long.class).optional().orElse(null);
		return upsert(userId, scope, lon, lat, accuracy, at, "HEARTBEAT", patrolId, true);
	}

	private boolean upsert(long userId, DataScope scope, double lon, double lat, Double accuracy, Instant at,
			String source, Long patrolId, boolean throttled) {
		Instant now = this.clock.instant();
		Long gridId = this.regions.gridAt(lon, lat).map(RegionSummary::id).orElse(null);
		String throttle = throttled ? " and w.received_at <= :throttleBefore" : "";
		return this.jdbc.sql("""
				insert into patrol_worker_position as w
				    (user_id, scope_path, lon, lat, accuracy, located_at, grid_id, source, patrol_id, received_at)
				values (:user, :scope, :lon, :lat, :accuracy, :at, :grid, :source, :patrol, :now)
				on conflict (user_id) do update set scope_path = excluded.scope_path, lon = excluded.lon,
				    lat = excluded.lat, accuracy = excluded.accuracy, located_at = excluded.located_at,
				    grid_id = excluded.grid_id, source = excluded.source, patrol_id = excluded.patrol_id,
				    received_at = excluded.received_at
				where excluded.located_at > w.located_at""" + throttle)
			.param("user", userId)
			.param("scope", scope.path())
			.param("lon", lon)
			.param("lat", lat)
			.param("accuracy", accuracy)
			.param("at", Timestamp.from(at))
			.param("grid", gridId)
			.param("source", source)
			.param("patrol", patrolId)
			.param("now", Timestamp.from(now))
			.param("throttleBefore", Timestamp.from(now.minus(HEARTBEAT_INTERVAL)))
			.update() == 1;
	}

	private static LastPosition position(ResultSet rs, int n) throws SQLException {
		return new LastPosition(rs.getLong("user_id"), rs.getDouble("lon"), rs.getDouble("lat"),
				rs.getObject("accuracy", Double.class), rs.getTimestamp("located_at").toInstant(),
				rs.getObject("grid_id", Long.class), rs.getString("scope_path"), rs.getString("source"),
				rs.getBoolean("on_patrol"));
	}

	/** A worker's last known position; {@code gridId} is null outside every grid. */
	public record LastPosition(long userId, double lon, double lat, Double accuracy, Instant at, Long gridId,
			String scopePath, String source, boolean onPatrol) {
	}

	/** A position that arrived: whose, in which scope, when. */
	public record Arrival(long userId, String scopePath, Instant receivedAt) {
	}

}
