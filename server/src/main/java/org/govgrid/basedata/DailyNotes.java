package org.govgrid.basedata;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.govgrid.audit.AuditRecord;
import org.govgrid.audit.AuditTrail;
import org.govgrid.platform.FieldErrors;
import org.govgrid.platform.PageQuery;
import org.govgrid.platform.PageResponse;
import org.govgrid.platform.ScopeFilter;
import org.govgrid.platform.ScopedPrincipal;
import org.govgrid.region.RegionLevel;
import org.govgrid.region.RegionService;
import org.govgrid.region.RegionSummary;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 民情日志: what a grid worker saw and heard today, written by the caller and read within the
 * caller's scope. Notes are a diary: they are added, not edited.
 */
@Service
public class DailyNotes {

	/** The topics (a free code list of the platform, not a national table). */
	static final Map<String, String> TOPICS = topics();

	private final NamedParameterJdbcTemplate jdbc;

	private final Placement placement;

	private final RegionService regions;

	private final AuditTrail audit;

	private final Clock clock;

	DailyNotes(NamedParameterJdbcTemplate jdbc, Placement placement, RegionService regions, AuditTrail audit,
			Clock clock) {
		this.jdbc = jdbc;
		this.placement = placement;
		this.regions = regions;
		this.audit = audit;
		this.clock = clock;
	}

	public record Filter(Long gridId, LocalDate from, LocalDate to) {
	}

	@Transactional
	public DailyNoteView create(DailyNoteCommand command, ScopedPrincipal caller) {
		FieldErrors errors = new FieldErrors();
		if (command.notedOn() == null) {
			errors.add("notedOn", "required / 必填");
		}
		else if (command.notedOn().isAfter(LocalDate.now(this.clock))) {
			errors.add("notedOn", "in the future / 日期不能晚于今天");
		}
		if (command.topic() == null || !TOPICS.containsKey(command.topic())) {
			errors.add("topic", "VISIT, MOOD, SAFETY or OTHER / 主题无效");
		}
		Checks.required(errors, "content", command.content(), 4000);
		Long gridId = command.gridId() != null ? command.gridId() : ownGrid(caller);
		RegionSummary grid = this.placement.grid(gridId, null, null, null, caller, errors);
		errors.throwIfAny();
		long id = this.jdbc.queryForObject("""
				insert into bd_daily_note (author_id, author_name, grid_id, region_path, noted_on, topic, content,
				    created_at)
				values (:author, :authorName, :grid, :path, :notedOn, :topic, :content, :now)
				returning id""",
				new MapSqlParameterSource("author", caller.userId()).addValue("authorName", caller.displayName())
					.addValue("grid", grid.id())
					.addValue("path", grid.path())
					.addValue("notedOn", command.notedOn())
					.addValue("topic", command.topic())
					.addValue("content", command.content().strip())
					.addValue("now", Timestamp.from(this.clock.instant())),
				Long.class);
		this.audit.record(AuditRecord.success("DAILY_NOTE_CREATE", "daily-note", id, grid.code()));
		MapSqlParameterSource params = new MapSqlParameterSource("id", id);
		return this.jdbc.queryForObject(select() + " where n.id = :id", params, DailyNotes::row);
	}

	@Transactional(readOnly = true)
	public PageResponse<DailyNoteView> list(Filter filter, PageQuery paging, ScopedPrincipal caller) {
		Pageable page = paging.toPageable(Sort.unsorted());
		FieldErrors errors = new FieldErrors();
		MapSqlParameterSource params = new MapSqlParameterSource();
		StringBuilder where = new StringBuilder(ScopeFilter.of(caller.scope(), "n.region_path").addTo(params));
		if (filter.gridId() != null) {
			where.append(" and n.grid_id = :grid");
			params.addValue("grid", filter.gridId());
		}
		if (filter.from() != null) {
			where.append(" and n.noted_on >= :from");
			params.addValue("from", filter.from());
		}
		if (filter.to() != null) {
			where.append(" and n.noted_on <= :to");
			params.addValue("to", filter.to());
		}
		if (filter.from() != null && filter.to() != null && filter.to().isBefore(filter.from())) {
			errors.add("to", "before from / 结束日期早于开始日期");
		}
		errors.throwIfAny();
		Long total = this.jdbc.queryForObject("select count(*) from bd_daily_note n where " + where, params,
				Long.class);
		params.addValue("limit", page.getPageSize()).addValue("offset", page.getOffset());
		List<DailyNoteView> items = this.jdbc.query(
				select() + " where " + where + " order by n.noted_on desc, n.id desc limit :limit offset :offset",
				params, DailyNotes::row);
		return new PageResponse<>(items, total == null ? 0 : total, page.getPageNumber() + 1, page.getPageSize());
	}

	/** The caller's own grid, if their scope is one. */
	private Long ownGrid(ScopedPrincipal caller) {
		return this.regions.find(caller.scope().regionId())
			.filter(region -> region.level() == RegionLevel.GRID)
			.map(RegionSummary::id)
			.orElse(null);
	}

	private static String select() {
		return "select n.*, g.name as grid_name from bd_daily_note n join region g on g.id = n.grid_id";
	}

	private static DailyNoteView row(ResultSet rs, int n) throws SQLException {
		String topic = rs.getString("topic");
		return new DailyNoteView(rs.getLong("id"), rs.getLong("grid_id"), rs.getString("grid_name"),
				rs.getLong("author_id"), rs.getString("author_name"), rs.getObject("noted_on", LocalDate.class), topic,
				TOPICS.getOrDefault(topic, topic), rs.getString("content"), rs.getTimestamp("created_at").toInstant());
	}

	private static Map<String, String> topics() {
		Map<String, String> topics = new LinkedHashMap<>();
		topics.put("VISIT", "走访入户");
		topics.put("MOOD", "群众情绪");
		topics.put("SAFETY", "安全隐患");
		topics.put("OTHER", "其他");
		return java.util.Collections.unmodifiableMap(topics);
	}

}
