package org.govgrid.demo;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.govgrid.demo.HistoryEvent.Step;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Writes the demo history in a few statements: every event in one insert over arrays,
 * every flow row in another, then the points ledger and its monthly totals derived in SQL
 * the way {@code performance} awards them (report, verified, self-handled, rejected; the
 * report rule's daily cap kept). Statistics, 智能分拨 and the search index pick the events up
 * by themselves once the application is ready (their start-up backfills).
 */
final class HistoryStore {

	static final String KEY_PREFIX = "demo-history-";

	private final JdbcClient jdbc;

	HistoryStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	boolean loaded() {
		return this.jdbc.sql("select exists (select 1 from event where idempotency_key = :key)")
			.param("key", KEY_PREFIX + 0)
			.query(Boolean.class)
			.single();
	}

	void write(HistoryTown town, List<HistoryEvent> events) {
		Map<String, Long> ids = insertEvents(town, events);
		insertFlows(events, ids);
		codes(events);
		points();
	}

	private Map<String, Long> insertEvents(HistoryTown town, List<HistoryEvent> events) {
		Map<String, Long> ids = new HashMap<>();
		this.jdbc
			.sql("""
					insert into event (code, title, description, category_code, level, source, reporter_id, reporter_name,
					    lon, lat, address, grid_id, community_id, town_id, region_path, status, handling_level, unit_kind,
					    unit_id, acceptance_minutes, disposal_minutes, reported_at, accepted_at, acceptance_deadline,
					    dispatched_at, disposal_deadline, closed_at, self_handled, score, evaluation, result, supervisions,
					    flag, notified_flag, notified_deadline, idempotency_key, updated_at)
					select code, title, description, category, 'GENERAL', source, reporter, reporter_name, lon, lat, address,
					    grid, community, :town, path, status, handling, unit_kind, unit_id, acceptance, disposal,
					    to_timestamp(reported / 1000.0), to_timestamp(accepted / 1000.0), to_timestamp(acceptance_due / 1000.0),
					    to_timestamp(dispatched / 1000.0), to_timestamp(disposal_due / 1000.0), to_timestamp(closed / 1000.0),
					    self_handled, score, evaluation, result, supervisions, flag, nullif(flag, 'NONE'),
					    case flag when 'NONE' then null
					        else to_timestamp(coalesce(disposal_due, acceptance_due) / 1000.0) end,
					    key, to_timestamp(coalesce(closed, reported) / 1000.0)
					from unnest(cast(:code as text[]), cast(:title as text[]), cast(:description as text[]),
					    cast(:category as text[]), cast(:source as text[]), cast(:reporter as bigint[]),
					    cast(:reporterName as text[]), cast(:lon as float8[]), cast(:lat as float8[]),
					    cast(:address as text[]), cast(:grid as bigint[]), cast(:community as bigint[]),
					    cast(:path as text[]), cast(:status as text[]), cast(:handling as text[]), cast(:unitKind as text[]),
					    cast(:unitId as bigint[]), cast(:acceptance as int[]), cast(:disposal as int[]),
					    cast(:reported as bigint[]), cast(:accepted as bigint[]), cast(:acceptanceDue as bigint[]),
					    cast(:dispatched as bigint[]), cast(:disposalDue as bigint[]), cast(:closed as bigint[]),
					    cast(:selfHandled as boolean[]), cast(:score as int[]), cast(:evaluation as text[]),
					    cast(:result as text[]), cast(:supervisions as int[]), cast(:flag as text[]), cast(:key as text[]))
					    as e(code, title, description, category, source, reporter, reporter_name, lon, lat, address, grid,
					        community, path, status, handling, unit_kind, unit_id, acceptance, disposal, reported, accepted,
					        acceptance_due, dispatched, disposal_due, closed, self_handled, score, evaluation, result,
					        supervisions, flag, key)
					returning id, code""")
			.param("town", town.townId())
			.param("code", texts(events, e -> e.code))
			.param("title", texts(events, HistoryEvent::title))
			.param("description", texts(events, e -> e.description))
			.param("category", texts(events, e -> e.category))
			.param("source", texts(events, e -> e.source))
			.param("reporter", events.stream().map(e -> e.reporter.id()).toArray(Long[]::new))
			.param("reporterName", texts(events, e -> e.reporterName))
			.param("lon", events.stream().map(e -> e.lon).toArray(Double[]::new))
			.param("lat", events.stream().map(e -> e.lat).toArray(Double[]::new))
			.param("address", texts(events, e -> e.address))
			.param("grid", events.stream().map(e -> e.grid.id()).toArray(Long[]::new))
			.param("community", events.stream().map(e -> e.grid.communityId()).toArray(Long[]::new))
			.param("path", texts(events, e -> e.grid.path()))
			.param("status", texts(events, e -> e.status))
			.param("handling", texts(events, e -> e.handlingLevel))
			.param("unitKind", texts(events, e -> e.unitKind))
			.param("unitId", events.stream().map(e -> e.unitId).toArray(Long[]::new))
			.param("acceptance", events.stream().map(e -> e.acceptanceMinutes).toArray(Integer[]::new))
			.param("disposal", events.stream().map(e -> e.disposalMinutes).toArray(Integer[]::new))
			.param("reported", millis(events, e -> e.reportedAt))
			.param("accepted", millis(events, e -> e.acceptedAt))
			.param("acceptanceDue", millis(events, e -> e.acceptanceDeadline))
			.param("dispatched", millis(events, e -> e.dispatchedAt))
			.param("disposalDue", millis(events, e -> e.disposalDeadline))
			.param("closed", millis(events, e -> e.closedAt))
			.param("selfHandled", events.stream().map(e -> e.selfHandled).toArray(Boolean[]::new))
			.param("score", events.stream().map(e -> e.score).toArray(Integer[]::new))
			.param("evaluation", texts(events, e -> e.evaluation))
			.param("result", texts(events, e -> e.result))
			.param("supervisions", events.stream().map(e -> e.supervisions).toArray(Integer[]::new))
			.param("flag", texts(events, e -> e.flag))
			.param("key", keys(events))
			.query((rs, n) -> ids.put(rs.getString("code"), rs.getLong("id")))
			.list();
		return ids;
	}

	private void insertFlows(List<HistoryEvent> events, Map<String, Long> ids) {
		List<Long> event = new ArrayList<>();
		List<Step> steps = new ArrayList<>();
		for (HistoryEvent e : events) {
			for (Step step : e.flow) {
				event.add(ids.get(e.code));
				steps.add(step);
			}
		}
		this.jdbc
			.sql("""
					insert into event_flow (event_id, action, from_status, to_status, actor_id, actor_name, at, comment,
					    target_kind, target_id)
					select event, action, from_status, to_status, actor, actor_name, to_timestamp(at / 1000.0), comment,
					    target_kind, target_id
					from unnest(cast(:event as bigint[]), cast(:action as text[]), cast(:from as text[]), cast(:to as text[]),
					    cast(:actor as bigint[]), cast(:actorName as text[]), cast(:at as bigint[]), cast(:comment as text[]),
					    cast(:targetKind as text[]), cast(:targetId as bigint[]))
					    as f(event, action, from_status, to_status, actor, actor_name, at, comment, target_kind, target_id)
					order by at, event""")
			.param("event", event.toArray(Long[]::new))
			.param("action", steps.stream().map(Step::action).toArray(String[]::new))
			.param("from", steps.stream().map(Step::from).toArray(String[]::new))
			.param("to", steps.stream().map(Step::to).toArray(String[]::new))
			.param("actor", steps.stream().map(s -> s.actor().id()).toArray(Long[]::new))
			.param("actorName", steps.stream().map(s -> s.actor().name()).toArray(String[]::new))
			.param("at", steps.stream().map(s -> s.at().toEpochMilli()).toArray(Long[]::new))
			.param("comment", steps.stream().map(Step::comment).toArray(String[]::new))
			.param("targetKind", steps.stream().map(Step::targetKind).toArray(String[]::new))
			.param("targetId", steps.stream().map(Step::targetId).toArray(Long[]::new))
			.update();
	}

	/** The daily code sequences continue after the history's codes. */
	private void codes(List<HistoryEvent> events) {
		this.jdbc.sql("""
				insert into event_code_sequence (day, last)
				select to_date(substr(code, 3, 8), 'YYYYMMDD'), max(cast(substr(code, 11) as int))
				from unnest(cast(:code as text[])) as c(code) group by 1
				on conflict (day) do update set last = greatest(event_code_sequence.last, excluded.last)""")
			.param("code", texts(events, e -> e.code))
			.update();
	}

	/**
	 * The ledger as {@code performance.PointAwards} writes it: to the reporter, in the
	 * event's grid, at the step's time; worker rows for accounts scoped to a grid.
	 */
	private void points() {
		this.jdbc
			.sql("""
					with history as (
					    select e.id, e.code, e.reporter_id, e.grid_id, e.region_path, e.reported_at, e.closed_at, e.status,
					        e.self_handled, u.scope_path = e.region_path as worker
					    from event e join app_user u on u.id = e.reporter_id
					    where e.idempotency_key like :prefix and e.source = 'GRID_WORKER'),
					awards as (
					    select 'report' as rule, id, code, reporter_id, grid_id, region_path, worker, reported_at as at,
					        '上报事件 ' as reason from history
					    union all
					    select 'verified', id, code, reporter_id, grid_id, region_path, worker, closed_at, '事件核查属实 '
					    from history where status = 'CLOSED' and not self_handled
					    union all
					    select 'self-handled', id, code, reporter_id, grid_id, region_path, worker, closed_at, '自处置事件 '
					    from history where self_handled
					    union all
					    select 'rejected', id, code, reporter_id, grid_id, region_path, worker, closed_at, '上报事件不予受理 '
					    from history where status = 'REJECTED'),
					ruled as (
					    select a.*, r.id as version, r.points, r.daily_cap,
					        row_number() over (partition by a.rule, a.reporter_id,
					            (a.at at time zone 'Asia/Shanghai')::date order by a.at, a.id) as nth
					    from awards a join point_rule r on r.code = a.rule and r.effective_from <= a.at
					        and (r.effective_to is null or r.effective_to > a.at))
					insert into point_entry (user_id, grid_id, region_path, worker, rule_code, rule_version_id, points,
					    source_type, source_id, occurred_at, reason)
					select reporter_id, grid_id, region_path, worker, rule, version,
					    case when daily_cap is not null and nth > daily_cap then 0 else points end, 'EVENT', id, at, reason || code
					from ruled
					on conflict (rule_code, source_type, source_id, user_id) do nothing""")
			.param("prefix", KEY_PREFIX + "%")
			.update();
		this.jdbc.sql("""
				insert into point_month_total (user_id, month, grid_id, worker, region_path, points, entries)
				select p.user_id, date_trunc('month', p.occurred_at at time zone 'Asia/Shanghai')::date, p.grid_id,
				    p.worker, p.region_path, sum(p.points), count(*)
				from point_entry p join event e on e.id = p.source_id
				where p.source_type = 'EVENT' and e.idempotency_key like :prefix
				group by 1, 2, 3, 4, 5
				on conflict (user_id, month, grid_id, worker)
				do update set points = point_month_total.points + excluded.points,
				    entries = point_month_total.entries + excluded.entries""")
			.param("prefix", KEY_PREFIX + "%")
			.update();
	}

	private static String[] keys(List<HistoryEvent> events) {
		String[] keys = new String[events.size()];
		for (int i = 0; i < keys.length; i++) {
			keys[i] = KEY_PREFIX + i;
		}
		return keys;
	}

	private static String[] texts(List<HistoryEvent> events, Function<HistoryEvent, String> value) {
		return events.stream().map(value).toArray(String[]::new);
	}

	private static Long[] millis(List<HistoryEvent> events, Function<HistoryEvent, Instant> value) {
		return events.stream().map(value).map(i -> i == null ? null : i.toEpochMilli()).toArray(Long[]::new);
	}

}
