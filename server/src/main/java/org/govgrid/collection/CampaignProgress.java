package org.govgrid.collection;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.govgrid.platform.ScopeFilter;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * How far a campaign got, for dashboards: which campaign of a form concerns an area, and
 * per grid how many distinct households its records (not returned ones) cover.
 */
@Service
public class CampaignProgress {

	private static final String SELECT = """
			select c.id, c.name, c.region_id, c.region_path, c.due_date from collection_campaign c
			join collection_form f on f.id = c.form_id""";

	private final NamedParameterJdbcTemplate jdbc;

	CampaignProgress(NamedParameterJdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The newest campaign of the form that covers {@code path} or lies inside it (a
	 * town's campaign for one of its grids, or a grid's for its town).
	 */
	@Transactional(readOnly = true)
	public Optional<Campaign> latest(String formCode, String path) {
		return this.jdbc
			.query(SELECT + """
					 where f.code = :form and (%s or :path like c.region_path || '/%%')
					order by c.created_at desc, c.id desc limit 1"""
				.formatted(ScopeFilter.at(path, "c.region_path", "area").sql()),
					new MapSqlParameterSource("form", formCode).addValue("path", path)
						.addValues(ScopeFilter.at(path, "c.region_path", "area").parameters()),
					CampaignProgress::campaign)
			.stream()
			.findFirst();
	}

	@Transactional(readOnly = true)
	public Optional<Campaign> find(long campaignId) {
		return this.jdbc
			.query(SELECT + " where c.id = :id", new MapSqlParameterSource("id", campaignId),
					CampaignProgress::campaign)
			.stream()
			.findFirst();
	}

	/**
	 * Distinct households per grid at or under {@code path} among the campaign's records
	 * that were not returned: the answer {@code field}, trimmed, without inner spaces.
	 */
	@Transactional(readOnly = true)
	public Map<Long, Long> householdsByGrid(long campaignId, String field, String path) {
		Map<Long, Long> counts = new HashMap<>();
		this.jdbc.query("""
				select grid_id, count(distinct regexp_replace(answers ->> :field, '\\s', '', 'g'))
				from collection_record
				where campaign_id = :campaign and status <> 'RETURNED' and answers ->> :field is not null
				  and %s
				group by grid_id""".formatted(ScopeFilter.at(path, "region_path", "area").sql()),
				new MapSqlParameterSource("field", field).addValue("campaign", campaignId)
					.addValues(ScopeFilter.at(path, "region_path", "area").parameters()),
				(RowCallbackHandler) rs -> counts.put(rs.getLong(1), rs.getLong(2)));
		return counts;
	}

	private static Campaign campaign(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
		return new Campaign(rs.getLong("id"), rs.getString("name"), rs.getLong("region_id"),
				rs.getString("region_path"), rs.getObject("due_date", LocalDate.class));
	}

	/** A campaign: its name, area and due date. */
	public record Campaign(long id, String name, long regionId, String regionPath, LocalDate dueDate) {
	}

}
