package org.govgrid.stats;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.govgrid.event.EventChanged;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.stereotype.Component;

/**
 * Keeps each event's fact and the rollup deltas in the event's own transaction: what the
 * event adds now minus what it added before. Only inserts into the delta table, so
 * concurrent reports never wait on a shared counter row.
 */
@Component
class EventFacts {

	/**
	 * Named parameters through the template rather than JdbcClient: the deltas go in one
	 * batch.
	 */
	private final NamedParameterJdbcTemplate jdbc;

	EventFacts(NamedParameterJdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	@EventListener
	void on(EventChanged event) {
		EventFact now = EventFact.of(event);
		Optional<EventFact> before = find(event.eventId());
		if (before.isPresent() && before.get().equals(now)) {
			return;
		}
		List<SqlParameterSource> deltas = new ArrayList<>();
		for (Map.Entry<Tally.Slot, Long> change : difference(before.map(EventFact::tallies).orElse(List.of()),
				now.tallies())
			.entrySet()) {
			for (String region : now.rollupRegions()) {
				Tally.Slot slot = change.getKey();
				deltas.add(new MapSqlParameterSource("region", region).addValue("day", Date.valueOf(slot.day()))
					.addValue("dimension", slot.dimension())
					.addValue("key", slot.key())
					.addValue("value", change.getValue()));
			}
		}
		this.jdbc.batchUpdate(
				"insert into stats_delta (region_code, day, dimension, key, value) values (:region, :day, :dimension, :key, :value)",
				deltas.toArray(SqlParameterSource[]::new));
		save(now);
	}

	/**
	 * Per slot, what {@code after} adds minus what {@code before} added (zeros left out).
	 */
	static Map<Tally.Slot, Long> difference(List<Tally> before, List<Tally> after) {
		Map<Tally.Slot, Long> change = new HashMap<>();
		after.forEach(t -> change.merge(t.slot(), t.value(), Long::sum));
		before.forEach(t -> change.merge(t.slot(), -t.value(), Long::sum));
		change.values().removeIf(v -> v == 0);
		return change;
	}

	Optional<EventFact> find(long eventId) {
		return this.jdbc
			.query("select * from stats_event_fact where event_id = :event",
					new MapSqlParameterSource("event", eventId), EventFacts::row)
			.stream()
			.findFirst();
	}

	private void save(EventFact fact) {
		this.jdbc.update(
				"""
						insert into stats_event_fact (event_id, report_day, close_day, grid_id, region_path, category_code, source,
						    level, status, overdue, closed_on_time, handling_seconds, score)
						values (:event, :reportDay, :closeDay, :grid, :path, :category, :source, :level, :status, :overdue,
						    :closedOnTime, :handlingSeconds, :score)
						on conflict (event_id) do update set report_day = excluded.report_day, close_day = excluded.close_day,
						    grid_id = excluded.grid_id, region_path = excluded.region_path,
						    category_code = excluded.category_code, source = excluded.source, level = excluded.level,
						    status = excluded.status, overdue = excluded.overdue, closed_on_time = excluded.closed_on_time,
						    handling_seconds = excluded.handling_seconds, score = excluded.score""",
				new MapSqlParameterSource("event", fact.eventId()).addValue("reportDay", Date.valueOf(fact.reportDay()))
					.addValue("closeDay", fact.closeDay() == null ? null : Date.valueOf(fact.closeDay()))
					.addValue("grid", fact.gridId())
					.addValue("path", fact.regionPath())
					.addValue("category", fact.categoryCode())
					.addValue("source", fact.source())
					.addValue("level", fact.level())
					.addValue("status", fact.status())
					.addValue("overdue", fact.overdue())
					.addValue("closedOnTime", fact.closedOnTime())
					.addValue("handlingSeconds", fact.handlingSeconds())
					.addValue("score", fact.score()));
	}

	static EventFact row(ResultSet rs, int n) throws SQLException {
		Date closeDay = rs.getDate("close_day");
		return new EventFact(rs.getLong("event_id"), rs.getDate("report_day").toLocalDate(),
				closeDay == null ? null : closeDay.toLocalDate(), rs.getLong("grid_id"), rs.getString("region_path"),
				rs.getString("category_code"), rs.getString("source"), rs.getString("level"), rs.getString("status"),
				rs.getBoolean("overdue"), rs.getObject("closed_on_time", Boolean.class),
				rs.getObject("handling_seconds", Long.class), rs.getObject("score", Integer.class));
	}

	/** Local day bounds as SQL dates. */
	static Date date(LocalDate day) {
		return Date.valueOf(day);
	}

}
