package org.govgrid.collection;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import org.govgrid.audit.AuditRecord;
import org.govgrid.audit.AuditTrail;
import org.govgrid.identity.Directory;
import org.govgrid.platform.FieldErrors;
import org.govgrid.platform.ScopedPrincipal;
import org.govgrid.region.RegionService;
import org.govgrid.region.RegionSummary;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Campaigns (采集任务): a form to collect in an area by a due date, for every worker of the
 * area or for the workers it names.
 */
@Service
class Campaigns {

	static final String COLLECT = "collection:record:write";

	private final NamedParameterJdbcTemplate jdbc;

	private final Forms forms;

	private final RegionService regions;

	private final Directory directory;

	private final AuditTrail audit;

	private final Clock clock;

	Campaigns(NamedParameterJdbcTemplate jdbc, Forms forms, RegionService regions, Directory directory,
			AuditTrail audit, Clock clock) {
		this.jdbc = jdbc;
		this.forms = forms;
		this.regions = regions;
		this.directory = directory;
		this.audit = audit;
		this.clock = clock;
	}

	@Transactional
	CampaignView create(CampaignCommand command, ScopedPrincipal author) {
		FieldErrors errors = new FieldErrors();
		if (command.formId() == null || this.forms.find(command.formId()).isEmpty()) {
			errors.add("formId", "no such form / 表单不存在");
		}
		if (command.name() == null || command.name().isBlank() || command.name().length() > 100) {
			errors.add("name", "1–100 characters / 名称必填");
		}
		RegionSummary region = command.regionId() == null ? null
				: this.regions.find(command.regionId()).filter(r -> author.scope().covers(r.path())).orElse(null);
		if (region == null) {
			errors.add("regionId", "an area inside yours / 请选择辖区内的区域");
		}
		if (command.dueDate() == null || command.dueDate().isBefore(LocalDate.now(this.clock))) {
			errors.add("dueDate", "today or later / 截止日期不能早于今天");
		}
		List<Long> workers = command.workerIds() == null ? List.of()
				: List.copyOf(new LinkedHashSet<>(command.workerIds()));
		for (int i = 0; i < workers.size(); i++) {
			if (region == null || !collectsIn(workers.get(i), region)) {
				errors.add("workerIds[" + i + "]", "a grid worker of this area / 请选择该区域的网格员");
			}
		}
		errors.throwIfAny();
		Long id = this.jdbc.queryForObject("""
				insert into collection_campaign (form_id, name, region_id, region_path, due_date, created_by)
				values (:form, :name, :region, :path, :due, :author) returning id""",
				new MapSqlParameterSource("form", command.formId()).addValue("name", command.name().strip())
					.addValue("region", region.id())
					.addValue("path", region.path())
					.addValue("due", command.dueDate())
					.addValue("author", author.userId()),
				Long.class);
		for (Long worker : workers) {
			this.jdbc.update("insert into collection_campaign_worker (campaign_id, user_id) values (:id, :user)",
					new MapSqlParameterSource("id", id).addValue("user", worker));
		}
		this.audit.record(
				AuditRecord.success("COLLECTION_CAMPAIGN_CREATE", "collection_campaign", id, command.name().strip()));
		return list(author).stream().filter(c -> c.id() == id).findFirst().orElseThrow();
	}

	/**
	 * Active collectors working inside the region (which must lie in the caller's scope).
	 */
	List<Worker> workers(long regionId, ScopedPrincipal caller) {
		RegionSummary region = this.regions.find(regionId)
			.filter(r -> caller.scope().covers(r.path()))
			.orElseThrow(() -> new org.govgrid.platform.NotFoundException("region", regionId));
		return this.directory.usersWithin(region.path(), COLLECT)
			.stream()
			.map(member -> new Worker(member.id(), member.name()))
			.toList();
	}

	private boolean collectsIn(long userId, RegionSummary region) {
		return this.directory.user(userId)
			.filter(member -> member.active()
					&& (member.scopePath().equals(region.path()) || member.scopePath().startsWith(region.path() + "/")))
			.isPresent() && this.directory.holds(userId, COLLECT);
	}

	/**
	 * Campaigns for the caller's area: those placed in it and those placed above it; a
	 * collector sees only those for everyone or naming them.
	 */
	@Transactional(readOnly = true)
	List<CampaignView> list(ScopedPrincipal caller) {
		Map<Long, List<Worker>> named = new HashMap<>();
		this.jdbc.query("""
				select w.campaign_id, u.id, u.display_name from collection_campaign_worker w
				join app_user u on u.id = w.user_id order by u.display_name""", rs -> {
			named.computeIfAbsent(rs.getLong("campaign_id"), k -> new ArrayList<>())
				.add(new Worker(rs.getLong("id"), rs.getString("display_name")));
		});
		boolean collector = caller.can(COLLECT);
		return this.jdbc
			.query("""
					select c.*, f.name as form_name, r.name as region_name,
					    (select count(*) from collection_record x where x.campaign_id = c.id) as records
					from collection_campaign c join collection_form f on f.id = c.form_id join region r on r.id = c.region_id
					order by c.due_date, c.id""",
					(rs, n) -> new CampaignView(rs.getLong("id"), rs.getLong("form_id"), rs.getString("form_name"),
							rs.getString("name"), rs.getLong("region_id"), rs.getString("region_name"),
							rs.getString("region_path"), rs.getDate("due_date").toLocalDate(), rs.getLong("records"),
							named.getOrDefault(rs.getLong("id"), List.of())))
			.stream()
			.filter(c -> caller.scope().covers(c.regionPath()) || caller.scope().isUnder(c.regionPath()))
			.filter(c -> !collector || c.workers().isEmpty()
					|| c.workers().stream().anyMatch(w -> w.id() == caller.userId()))
			.toList();
	}

	record CampaignCommand(Long formId, String name, Long regionId, LocalDate dueDate, List<Long> workerIds) {
	}

	record Worker(long id, String name) {
	}

	record CampaignView(long id, long formId, String formName, String name, long regionId, String regionName,
			String regionPath, LocalDate dueDate, long records, List<Worker> workers) {
	}

}
