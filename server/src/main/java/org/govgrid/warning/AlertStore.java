package org.govgrid.warning;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.govgrid.event.EventLookup;
import org.govgrid.warning.model.Alert;
import org.govgrid.warning.model.AlertStatus;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Writes alerts and their evidence. At most one alert per rule, region and key is open
 * (NEW or ACKNOWLEDGED): a partial unique index and {@code insert ... on conflict} make
 * concurrent matches meet in that one row, whichever commits first.
 */
@Component
class AlertStore {

	private final NamedParameterJdbcTemplate jdbc;

	private final ApplicationEventPublisher publisher;

	AlertStore(NamedParameterJdbcTemplate jdbc, ApplicationEventPublisher publisher) {
		this.jdbc = jdbc;
		this.publisher = publisher;
	}

	/**
	 * Opens the alert or joins the open one, and adds the events to its evidence. Runs in
	 * the caller's transaction.
	 */
	Raised raise(Rule rule, long regionId, String regionPath, String key, List<EventLookup.Match> events, Instant now) {
		Instant first = events.stream().map(EventLookup.Match::reportedAt).min(Instant::compareTo).orElse(now);
		Instant last = events.stream().map(EventLookup.Match::reportedAt).max(Instant::compareTo).orElse(now);
		Raised raised = this.jdbc.queryForObject("""
				insert into warning_alert (rule_id, level, region_id, region_path, alert_key, status, first_seen,
				    last_seen)
				values (:rule, :level, :region, :path, :key, 'NEW', :first, :last)
				on conflict (rule_id, region_id, alert_key) where status in ('NEW', 'ACKNOWLEDGED')
				do update set last_seen = greatest(warning_alert.last_seen, excluded.last_seen)
				returning id, (xmax = 0) as created""",
				new MapSqlParameterSource("rule", rule.id()).addValue("level", rule.alertLevel().name())
					.addValue("region", regionId)
					.addValue("path", regionPath)
					.addValue("key", key)
					.addValue("first", Timestamp.from(first))
					.addValue("last", Timestamp.from(last)),
				(rs, n) -> new Raised(rs.getLong("id"), rs.getBoolean("created")));
		addEvidence(raised.alertId(), events);
		published(raised, rule, regionId, regionPath, key, now);
		return raised;
	}

	/**
	 * Opens a signal alert or refreshes the open one's detail and value. A condition that
	 * still holds is not new activity: its time stays, so a standing signal does not
	 * climb back to the top of the newest-first lists at every sweep. Runs in the
	 * caller's transaction.
	 */
	Raised raise(Rule rule, Signal signal, Instant now) {
		Raised raised = this.jdbc.queryForObject("""
				insert into warning_alert (rule_id, level, region_id, region_path, alert_key, status, first_seen,
				    last_seen, detail, measured, limit_value, lon, lat, since)
				values (:rule, :level, :region, :path, :key, 'NEW', :now, :now, :detail, :measured, :limit, :lon, :lat,
				    :since)
				on conflict (rule_id, region_id, alert_key) where status in ('NEW', 'ACKNOWLEDGED')
				do update set detail = excluded.detail, measured = excluded.measured, limit_value = excluded.limit_value
				returning id, (xmax = 0) as created""",
				new MapSqlParameterSource("rule", rule.id()).addValue("level", rule.alertLevel().name())
					.addValue("region", signal.regionId())
					.addValue("path", signal.regionPath())
					.addValue("key", signal.key())
					.addValue("now", Timestamp.from(now))
					.addValue("detail", clip(signal.detail(), 500))
					.addValue("measured", signal.value())
					.addValue("limit", signal.limit())
					.addValue("lon", signal.lon())
					.addValue("lat", signal.lat())
					.addValue("since", signal.since() == null ? null : Timestamp.from(signal.since())),
				(rs, n) -> new Raised(rs.getLong("id"), rs.getBoolean("created")));
		published(raised, rule, signal.regionId(), signal.regionPath(), signal.key(), now);
		return raised;
	}

	/** Tells other modules (webhooks) of an alert this call opened. */
	private void published(Raised raised, Rule rule, long regionId, String regionPath, String key, Instant now) {
		if (raised.created()) {
			this.publisher.publishEvent(new AlertRaised(raised.alertId(), rule.id(), rule.name(),
					rule.alertLevel().name(), regionId, regionPath, key, now));
		}
	}

	/**
	 * Whether a person closed (converted or dismissed) an alert of this rule, region and
	 * key at or after {@code since}: the same episode is not raised again.
	 */
	boolean closedByPersonSince(long ruleId, long regionId, String key, Instant since) {
		return Boolean.TRUE.equals(this.jdbc.queryForObject("""
				select exists (select 1 from warning_alert where rule_id = :rule and region_id = :region
				    and alert_key = :key and status in ('CONVERTED', 'DISMISSED') and closed_at >= :since)""",
				new MapSqlParameterSource("rule", ruleId).addValue("region", regionId)
					.addValue("key", key)
					.addValue("since", Timestamp.from(since == null ? Instant.EPOCH : since)),
				Boolean.class));
	}

	private static String clip(String text, int max) {
		return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
	}

	/** The open alert of a rule, region and key, if any. */
	Optional<Long> open(long ruleId, long regionId, String key) {
		return this.jdbc.queryForList(
				"""
						select id from warning_alert
						where rule_id = :rule and region_id = :region and alert_key = :key and status in ('NEW', 'ACKNOWLEDGED')""",
				new MapSqlParameterSource("rule", ruleId).addValue("region", regionId).addValue("key", key), Long.class)
			.stream()
			.findFirst();
	}

	/** The open alerts of a rule. */
	List<OpenAlert> openOf(long ruleId) {
		return this.jdbc.query("""
				select id, region_id, alert_key, status from warning_alert
				where rule_id = :rule and status in ('NEW', 'ACKNOWLEDGED') order by id""",
				new MapSqlParameterSource("rule", ruleId),
				(rs, n) -> new OpenAlert(rs.getLong("id"), rs.getLong("region_id"), rs.getString("alert_key"),
						AlertStatus.valueOf(rs.getString("status"))));
	}

	/**
	 * The open alerts of a rule with their region and place (a HOTSPOT rule keeps a
	 * cluster's alert while its centre stays near).
	 */
	List<OpenPlace> openPlacesOf(long ruleId) {
		return this.jdbc.query("""
				select id, region_id, region_path, alert_key, status, lon, lat from warning_alert
				where rule_id = :rule and status in ('NEW', 'ACKNOWLEDGED') order by id""",
				new MapSqlParameterSource("rule", ruleId),
				(rs, n) -> new OpenPlace(
						new OpenAlert(rs.getLong("id"), rs.getLong("region_id"), rs.getString("alert_key"),
								AlertStatus.valueOf(rs.getString("status"))),
						rs.getString("region_path"), rs.getObject("lon", Double.class),
						rs.getObject("lat", Double.class)));
	}

	/** Moves an alert to where its subject is now (a cluster's centre). */
	void placeAt(long alertId, double lon, double lat) {
		this.jdbc.update("update warning_alert set lon = :lon, lat = :lat where id = :id",
				new MapSqlParameterSource("id", alertId).addValue("lon", lon).addValue("lat", lat));
	}

	/**
	 * Records the system's clearing of an open alert (closed_by stays null: nobody signed
	 * in did it). False when a person closed it meanwhile.
	 */
	boolean clear(OpenAlert open, Instant now) {
		Alert alert = Alert.restore(open.status());
		alert.clear();
		return this.jdbc.update("""
				update warning_alert set status = :status, closed_at = :now, closed_by = null, version = version + 1
				where id = :id and status in ('NEW', 'ACKNOWLEDGED')""",
				new MapSqlParameterSource("id", open.id()).addValue("status", alert.status().name())
					.addValue("now", Timestamp.from(now))) == 1;
	}

	void addEvidence(long alertId, List<EventLookup.Match> events) {
		if (events.isEmpty()) {
			return;
		}
		this.jdbc.batchUpdate("""
				insert into warning_evidence (alert_id, event_id, event_code, reported_at)
				values (:alert, :event, :code, :at) on conflict do nothing""",
				events.stream()
					.map(e -> new MapSqlParameterSource("alert", alertId).addValue("event", e.id())
						.addValue("code", e.code())
						.addValue("at", Timestamp.from(e.reportedAt())))
					.toArray(MapSqlParameterSource[]::new));
		Instant last = events.stream().map(EventLookup.Match::reportedAt).max(Instant::compareTo).orElseThrow();
		this.jdbc.update("update warning_alert set last_seen = greatest(last_seen, :last) where id = :id",
				new MapSqlParameterSource("last", Timestamp.from(last)).addValue("id", alertId));
	}

	/**
	 * Of these events, those already in the evidence of an alert of the same rule, region
	 * and key that a person closed (converted or dismissed): they do not raise it again.
	 * The evidence of a cleared alert counts again: if its condition comes back, that is
	 * a new alert.
	 */
	Set<Long> closedEvidence(long ruleId, long regionId, String key, Collection<Long> eventIds) {
		if (eventIds.isEmpty()) {
			return Set.of();
		}
		return new HashSet<>(this.jdbc.queryForList("""
				select ev.event_id from warning_evidence ev join warning_alert a on a.id = ev.alert_id
				where a.rule_id = :rule and a.region_id = :region and a.alert_key = :key
				  and a.status in ('CONVERTED', 'DISMISSED') and ev.event_id in (:events)""",
				new MapSqlParameterSource("rule", ruleId).addValue("region", regionId)
					.addValue("key", key)
					.addValue("events", eventIds),
				Long.class));
	}

	/** An open alert with its region's path and its place (null when it has none). */
	record OpenPlace(OpenAlert open, String regionPath, Double lon, Double lat) {

		long id() {
			return this.open.id();
		}

		long regionId() {
			return this.open.regionId();
		}

		String key() {
			return this.open.key();
		}

	}

	/** An open alert: where, for which key, and its status. */
	record OpenAlert(long id, long regionId, String key, AlertStatus status) {
	}

	/** The alert's id and whether this call opened it. */
	record Raised(long alertId, boolean created) {
	}

}
