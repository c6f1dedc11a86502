package org.govgrid.event;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;

import org.govgrid.event.model.EventSource;
import org.govgrid.event.model.EventStatus;
import org.govgrid.event.model.Unit;
import org.govgrid.identity.Directory;
import org.govgrid.region.RegionService;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The ledger's rows from a database cursor (a fetch size inside the export's read-only
 * transaction, so PostgreSQL does not send the whole result at once), named a batch at a
 * time: regions, units, assignees and source numbers in a few queries per batch.
 */
@Component
class LedgerRows {

	private static final int FETCH_SIZE = 500;

	private static final String SELECT = """
			select e.id, e.code, e.title, e.source, c.name as category_name, c.parent_code,
			    (select p.name from event_category p where p.code = c.parent_code) as parent_name,
			    e.grid_id, e.community_id, e.town_id, e.address, e.reporter_name, e.reported_at, e.unit_kind,
			    e.unit_id, e.assignee_id, e.status, e.disposal_deadline, e.closed_at, e.score, e.evaluation,
			    e.result, (e.flag = 'RED' or (e.closed_at is not null and e.disposal_deadline is not null
			        and e.closed_at > e.disposal_deadline)) as overdue
			from event e join event_category c on c.code = e.category_code""";

	private final NamedParameterJdbcTemplate jdbc;

	private final RegionService regions;

	private final Units units;

	private final Directory directory;

	private final List<EventSourceNumbers> sourceNumbers;

	LedgerRows(NamedParameterJdbcTemplate jdbc, RegionService regions, Units units, Directory directory,
			List<EventSourceNumbers> sourceNumbers) {
		this.jdbc = jdbc;
		this.regions = regions;
		this.units = units;
		this.directory = directory;
		this.sourceNumbers = sourceNumbers;
	}

	void stream(String where, MapSqlParameterSource params, Consumer<List<Object>> cells) {
		JdbcTemplate streaming = new JdbcTemplate(Objects.requireNonNull(this.jdbc.getJdbcTemplate().getDataSource()));
		streaming.setFetchSize(FETCH_SIZE);
		Map<Long, String> regionNames = new HashMap<>();
		List<Row> batch = new ArrayList<>(FETCH_SIZE);
		new NamedParameterJdbcTemplate(streaming).query(
				SELECT + " where " + where + " order by e.reported_at desc, e.id desc", params,
				(RowCallbackHandler) rs -> {
					batch.add(row(rs));
					if (batch.size() == FETCH_SIZE) {
						emit(batch, regionNames, cells);
					}
				});
		emit(batch, regionNames, cells);
	}

	private void emit(List<Row> batch, Map<Long, String> regionNames, Consumer<List<Object>> cells) {
		if (batch.isEmpty()) {
			return;
		}
		Set<Long> regionIds = new HashSet<>();
		batch.forEach(r -> regionIds.addAll(List.of(r.gridId(), r.communityId(), r.townId())));
		regionIds.removeAll(regionNames.keySet());
		// a town's regions are few: their names are kept for the whole export
		regionNames.putAll(this.regions.namesOf(regionIds));
		Map<Unit, String> unitNames = this.units.names(batch.stream().map(Row::unit).toList());
		Map<Long, String> people = this.directory
			.userNames(batch.stream().map(Row::assigneeId).filter(Objects::nonNull).toList());
		Map<Long, String> numbers = new HashMap<>();
		for (EventSourceNumbers source : this.sourceNumbers) {
			List<Long> ids = batch.stream().filter(r -> r.source().equals(source.source())).map(Row::id).toList();
			numbers.putAll(source.numbersOf(ids));
		}
		for (Row r : batch) {
			boolean sub = r.parentCode() != null;
			cells.accept(Arrays.asList(r.code(), r.title(), EventSource.valueOf(r.source()).label(),
					numbers.get(r.id()), sub ? r.parentName() : r.categoryName(), sub ? r.categoryName() : null,
					regionNames.get(r.gridId()), regionNames.get(r.communityId()), regionNames.get(r.townId()),
					r.address(), r.reporterName(), shown(r.reportedAt()), unitNames.get(r.unit()),
					r.assigneeId() == null ? null : people.get(r.assigneeId()), EventStatus.valueOf(r.status()).label(),
					shown(r.deadline()), r.overdue(), shown(r.closedAt()), r.score() == null ? null : r.score() + "分",
					r.evaluation(), r.result()));
		}
		batch.clear();
	}

	private static String shown(Instant at) {
		return at == null ? null : EventLedgerSheet.SHOWN.format(at);
	}

	private static Row row(ResultSet rs) throws SQLException {
		return new Row(rs.getLong("id"), rs.getString("code"), rs.getString("title"), rs.getString("source"),
				rs.getString("category_name"), rs.getString("parent_code"), rs.getString("parent_name"),
				rs.getLong("grid_id"), rs.getLong("community_id"), rs.getLong("town_id"), rs.getString("address"),
				rs.getString("reporter_name"), EventRepository.instant(rs, "reported_at"),
				new Unit(Unit.Kind.valueOf(rs.getString("unit_kind")), rs.getLong("unit_id")),
				rs.getObject("assignee_id", Long.class), rs.getString("status"),
				EventRepository.instant(rs, "disposal_deadline"), EventRepository.instant(rs, "closed_at"),
				rs.getObject("score", Integer.class), rs.getString("evaluation"), rs.getString("result"),
				rs.getBoolean("overdue"));
	}

	private record Row(long id, String code, String title, String source, String categoryName, String parentCode,
			String parentName, long gridId, long communityId, long townId, String address, String reporterName,
			Instant reportedAt, Unit unit, Long assigneeId, String status, Instant deadline, Instant closedAt,
			Integer score, String evaluation, String result, boolean overdue) {
	}

}
