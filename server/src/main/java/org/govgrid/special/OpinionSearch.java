package org.govgrid.special;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.govgrid.platform.DataScope;
import org.govgrid.platform.FieldErrors;
import org.govgrid.platform.NotFoundException;
import org.govgrid.platform.PageQuery;
import org.govgrid.platform.PageResponse;
import org.govgrid.platform.ScopeFilter;
import org.govgrid.platform.ScopedPrincipal;
import org.govgrid.region.RegionService;
import org.govgrid.region.RegionSummary;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Lists and searches opinion items per region. An item is visible when one of the regions
 * it was matched to lies in the caller's area (a grid worker sees the items about their
 * grid, the centre those about its town); an item matched only outside it is 404. Only
 * the matched regions inside the caller's area are shown.
 */
@Service
class OpinionSearch {

	private final NamedParameterJdbcTemplate jdbc;

	private final RegionService regions;

	OpinionSearch(NamedParameterJdbcTemplate jdbc, RegionService regions) {
		this.jdbc = jdbc;
		this.regions = regions;
	}

	record Filter(Long regionId, String q, String sentiment, String from, String to) {
	}

	@Transactional(readOnly = true)
	PageResponse<OpinionView> list(Filter filter, PageQuery paging, ScopedPrincipal caller) {
		FieldErrors errors = new FieldErrors();
		Pageable page = paging.toPageable(Sort.unsorted());
		DataScope area = area(filter.regionId(), caller);
		MapSqlParameterSource params = new MapSqlParameterSource();
		StringBuilder where = new StringBuilder(visibleIn(area, params));
		if (filter.q() != null && !filter.q().isBlank()) {
			where.append(" and (o.title ilike :q or o.body ilike :q or o.keywords ilike :q)");
			params.addValue("q",
					"%" + filter.q().strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
		}
		if (filter.sentiment() != null && !filter.sentiment().isBlank()) {
			OpinionTone tone = OpinionTone.parse(filter.sentiment());
			if (tone == null) {
				errors.add("sentiment", "NEGATIVE, NEUTRAL or POSITIVE / 情感倾向须为负面、中性或正面");
			}
			else {
				where.append(switch (tone) {
					case NEGATIVE -> " and o.sentiment <= " + OpinionTone.NEGATIVE_AT_MOST;
					case POSITIVE -> " and o.sentiment >= " + OpinionTone.POSITIVE_AT_LEAST;
					case NEUTRAL -> " and o.sentiment > " + OpinionTone.NEGATIVE_AT_MOST + " and o.sentiment < "
							+ OpinionTone.POSITIVE_AT_LEAST;
				});
			}
		}
		Instant from = instant(filter.from(), "from", errors);
		Instant to = instant(filter.to(), "to", errors);
		if (from != null && to != null && from.isAfter(to)) {
			errors.add("to", "must not be before from / 结束时间不能早于开始时间");
		}
		errors.throwIfAny();
		if (from != null) {
			where.append(" and o.published_at >= :from");
			params.addValue("from", Timestamp.from(from));
		}
		if (to != null) {
			where.append(" and o.published_at < :to");
			params.addValue("to", Timestamp.from(to));
		}
		Long total = this.jdbc.queryForObject("select count(*) from opinion_item o where " + where, params, Long.class);
		params.addValue("limit", page.getPageSize()).addValue("offset", page.getOffset());
		List<Row> rows = this.jdbc.query(
				"select o.* from opinion_item o where " + where
						+ " order by o.published_at desc, o.id desc limit :limit offset :offset",
				params, OpinionSearch::row);
		return new PageResponse<>(views(rows, caller.scope()), total == null ? 0 : total, page.getPageNumber() + 1,
				page.getPageSize());
	}

	@Transactional(readOnly = true)
	OpinionView view(long id, ScopedPrincipal caller) {
		MapSqlParameterSource params = new MapSqlParameterSource("id", id);
		List<Row> rows = this.jdbc.query(
				"select o.* from opinion_item o where o.id = :id and " + visibleIn(caller.scope(), params), params,
				OpinionSearch::row);
		if (rows.isEmpty()) {
			throw new NotFoundException("opinion item", id);
		}
		return views(rows, caller.scope()).get(0);
	}

	private static String visibleIn(DataScope area, MapSqlParameterSource params) {
		return "exists (select 1 from opinion_match m where m.item_id = o.id and "
				+ ScopeFilter.of(area, "m.region_path").addTo(params) + ")";
	}

	/** The named region if the caller may see it (else 404), or the caller's own area. */
	private DataScope area(Long regionId, ScopedPrincipal caller) {
		if (regionId == null) {
			return caller.scope();
		}
		RegionSummary region = this.regions.find(regionId)
			.filter(r -> caller.scope().covers(r.path()))
			.orElseThrow(() -> new NotFoundException("region", regionId));
		return new DataScope(region.id(), region.path());
	}

	private List<OpinionView> views(List<Row> rows, DataScope scope) {
		Map<Long, List<OpinionView.MatchedRegion>> matched = new HashMap<>();
		if (!rows.isEmpty()) {
			MapSqlParameterSource params = new MapSqlParameterSource("ids", rows.stream().map(Row::id).toList());
			this.jdbc.query(
					"""
							select m.item_id, m.region_id, m.region_path, m.term, r.name from opinion_match m
							join region r on r.id = m.region_id where m.item_id in (:ids) and
							""" + ScopeFilter.of(scope, "m.region_path").addTo(params)
							+ " order by length(m.region_path) desc, m.region_id",
					params,
					(org.springframework.jdbc.core.RowCallbackHandler) rs -> matched
						.computeIfAbsent(rs.getLong("item_id"), k -> new ArrayList<>())
						.add(new OpinionView.MatchedRegion(rs.getLong("region_id"), rs.getString("name"),
								rs.getString("region_path"), rs.getString("term"))));
		}
		return rows.stream().map(r -> {
			List<OpinionView.MatchedRegion> regions = matched.getOrDefault(r.id(), List.of());
			OpinionView.MatchedRegion primary = regions.stream()
				.filter(m -> m.id() == (r.regionId() == null ? -1 : r.regionId()))
				.findFirst()
				.orElse(regions.isEmpty() ? null : regions.get(0));
			return new OpinionView(r.id(), r.source(), r.url(), r.title(), r.text(), r.publishedAt(), r.sentiment(),
					OpinionTone.of(r.sentiment()).name(), r.keywords(), primary == null ? null : primary.id(),
					primary == null ? null : primary.name(), regions, r.receivedAt());
		}).toList();
	}

	private static Instant instant(String value, String field, FieldErrors errors) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return Instant.parse(value.strip());
		}
		catch (DateTimeParseException ex) {
			errors.add(field, "an ISO-8601 time / 时间格式错误");
			return null;
		}
	}

	private record Row(long id, String source, String url, String title, String text, Instant publishedAt,
			double sentiment, List<String> keywords, Long regionId, Instant receivedAt) {
	}

	private static Row row(ResultSet rs, int n) throws SQLException {
		String keywords = rs.getString("keywords");
		return new Row(rs.getLong("id"), rs.getString("source"), rs.getString("url"), rs.getString("title"),
				rs.getString("body"), rs.getTimestamp("published_at").toInstant(), rs.getDouble("sentiment"),
				keywords == null || keywords.isEmpty() ? List.of() : Arrays.asList(keywords.split(",")),
				rs.getObject("region_id", Long.class), rs.getTimestamp("received_at").toInstant());
	}

}
