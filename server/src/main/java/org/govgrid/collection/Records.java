package org.govgrid.collection;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.govgrid.audit.AuditRecord;
import org.govgrid.audit.AuditTrail;
import org.govgrid.files.FileAttachments;
import org.govgrid.platform.ConflictException;
import org.govgrid.platform.FieldErrors;
import org.govgrid.platform.IdentifierProtection;
import org.govgrid.platform.InvalidInputException;
import org.govgrid.platform.NotFoundException;
import org.govgrid.platform.PageQuery;
import org.govgrid.platform.PageResponse;
import org.govgrid.platform.ScopeFilter;
import org.govgrid.platform.ScopedPrincipal;
import org.govgrid.region.RegionService;
import org.govgrid.region.RegionSummary;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;

/**
 * Collected records: checked against the form version they were filled in, placed in the
 * collector's grid, idempotent by the phone's key, reviewed by the community (approve /
 * send back, the collector resubmits). A worker sees their own records, a chief their
 * community's, the centre and leaders their town's; anything else is 404.
 */
@Service
class Records {

	private static final int COMMUNITY_DEPTH = 4;

	private final NamedParameterJdbcTemplate jdbc;

	private final Forms forms;

	private final Campaigns campaigns;

	private final RegionService regions;

	private final FileAttachments files;

	private final AuditTrail audit;

	private final Clock clock;

	private final ApplicationEventPublisher publisher;

	private final IdentifierProtection protection;

	Records(NamedParameterJdbcTemplate jdbc, Forms forms, Campaigns campaigns, RegionService regions,
			FileAttachments files, AuditTrail audit, Clock clock, ApplicationEventPublisher publisher,
			IdentifierProtection protection) {
		this.protection = protection;
		this.jdbc = jdbc;
		this.forms = forms;
		this.campaigns = campaigns;
		this.regions = regions;
		this.files = files;
		this.audit = audit;
		this.clock = clock;
		this.publisher = publisher;
	}

	/** The record's id and whether this call created it (false for a retried key). */
	@Transactional
	Submitted submit(RecordCommand command, String idempotencyKey, ScopedPrincipal collector) {
		if (idempotencyKey != null && (idempotencyKey.isBlank() || idempotencyKey.length() > 100)) {
			throw new InvalidInputException("Idempotency-Key", "1–100 characters / 幂等键长度须为1–100");
		}
		if (idempotencyKey != null) {
			Optional<Long> earlier = this.jdbc
				.queryForList("select id from collection_record where collector_id = :me and idempotency_key = :key",
						new MapSqlParameterSource("me", collector.userId()).addValue("key", idempotencyKey), Long.class)
				.stream()
				.findFirst();
			if (earlier.isPresent()) {
				return new Submitted(earlier.get(), false);
			}
		}
		FieldErrors errors = new FieldErrors();
		Forms.FormView form = command.formId() == null ? null : this.forms.find(command.formId()).orElse(null);
		if (form == null) {
			errors.add("formId", "no such form / 表单不存在");
		}
		if (command.campaignId() != null && this.campaigns.list(collector)
			.stream()
			.noneMatch(c -> c.id() == command.campaignId() && form != null && c.formId() == form.id())) {
			errors.add("campaignId", "no such campaign of this form for you / 采集任务不存在");
		}
		RegionSummary grid = null;
		if (command.lon() == null || command.lat() == null) {
			errors.add("lon", "a position is required / 请提供采集位置");
		}
		else {
			grid = this.regions.gridAt(command.lon(), command.lat())
				.filter(g -> collector.scope().covers(g.path()))
				.orElse(null);
			if (grid == null) {
				errors.add("lon", "the position is outside your grids / 采集位置不在您的网格内");
			}
		}
		Map<String, Object> answers = command.answers() == null ? Map.of() : command.answers();
		List<Long> fileIds = List.of();
		if (form != null) {
			FormDefinition definition = new FormDefinition(form.fields());
			errors.addAll(definition.validate(answers));
			fileIds = definition.fileIds(answers);
			errors.addAll(this.files.check(fileIds, "collection", collector, "answers.files"));
		}
		errors.throwIfAny();
		Instant now = this.clock.instant();
		List<Long> inserted = this.jdbc.queryForList("""
				insert into collection_record (form_id, form_version, campaign_id, collector_id, grid_id, region_path,
				    lon, lat, answers, status, idempotency_key, collected_at)
				values (:form, :version, :campaign, :me, :grid, :path, :lon, :lat, cast(:answers as jsonb), 'SUBMITTED',
				    :key, :now)
				on conflict (collector_id, idempotency_key) where idempotency_key is not null do nothing
				returning id""", new MapSqlParameterSource("form", form.id()).addValue("version", form.version())
			.addValue("campaign", command.campaignId())
			.addValue("me", collector.userId())
			.addValue("grid", grid.id())
			.addValue("path", grid.path())
			.addValue("lon", command.lon())
			.addValue("lat", command.lat())
			.addValue("answers",
					Forms.JSON.writeValueAsString(new FormDefinition(form.fields()).sealed(answers, this.protection)))
			.addValue("key", idempotencyKey)
			.addValue("now", java.sql.Timestamp.from(now)), Long.class);
		if (inserted.isEmpty()) {
			throw new ConflictException("the same record is being sent twice; retry / 重复提交，请重试");
		}
		long id = inserted.get(0);
		this.files.attach(fileIds, "collection", id);
		step(id, "SUBMIT", collector, null, now);
		this.audit.record(AuditRecord.success("COLLECTION_SUBMIT", "collection_record", id, form.code()));
		return new Submitted(id, true);
	}

	@Transactional
	void act(long id, String action, ActionCommand command, ScopedPrincipal caller) {
		RecordView record = view(id, caller);
		String comment = command == null ? null : command.comment();
		Instant now = this.clock.instant();
		switch (action) {
			case "approve", "return" -> {
				if (!caller.can("collection:record:review")) {
					throw new org.springframework.security.access.AccessDeniedException("reviewers only");
				}
				if (!record.status().equals("SUBMITTED")) {
					throw new ConflictException("only a submitted record can be reviewed / 只能审核已提交的记录");
				}
				if (action.equals("return") && (comment == null || comment.isBlank())) {
					throw new InvalidInputException("comment", "say what to correct / 请填写退回原因");
				}
				update(id, record.version(), action.equals("approve") ? "APPROVED" : "RETURNED", null);
				step(id, action.equals("approve") ? "APPROVE" : "RETURN", caller, comment, now);
				if (action.equals("approve")) {
					this.publisher.publishEvent(new RecordApproved(id, record.collectorId(), record.gridId(),
							this.jdbc.queryForObject("select region_path from collection_record where id = :id",
									new MapSqlParameterSource("id", id), String.class),
							record.formId(), now));
				}
			}
			case "resubmit" -> {
				if (record.collectorId() != caller.userId()) {
					throw new NotFoundException("collection record", id);
				}
				if (!record.status().equals("RETURNED")) {
					throw new ConflictException("only a returned record is resubmitted / 只有被退回的记录可以重新提交");
				}
				Map<String, Object> answers = command == null || command.answers() == null ? Map.of()
						: command.answers();
				FormDefinition definition = this.forms.version(record.formId(), record.formVersion()).orElseThrow();
				definition.validate(answers).throwIfAny();
				update(id, record.version(), "SUBMITTED",
						Forms.JSON.writeValueAsString(definition.sealed(answers, this.protection)));
				step(id, "RESUBMIT", caller, comment, now);
			}
			default -> throw new NotFoundException("record action", action);
		}
		this.audit.record(AuditRecord.success("COLLECTION_" + action.toUpperCase(java.util.Locale.ROOT),
				"collection_record", id, record.status()));
	}

	@Transactional(readOnly = true)
	RecordView view(long id, ScopedPrincipal caller) {
		MapSqlParameterSource params = new MapSqlParameterSource("id", id);
		String visible = visibleTo(caller, params);
		RecordView record = this.jdbc.query(SELECT + " where r.id = :id and " + visible, params, Records::row)
			.stream()
			.findFirst()
			.orElseThrow(() -> new NotFoundException("collection record", id));
		List<Step> steps = this.jdbc.query(
				"select action, actor_name, comment, at from collection_review where record_id = :id order by id",
				new MapSqlParameterSource("id", id), (rs, n) -> new Step(rs.getString("action"),
						rs.getString("actor_name"), rs.getString("comment"), rs.getTimestamp("at").toInstant()));
		return record.withSteps(steps);
	}

	@Transactional(readOnly = true)
	PageResponse<RecordView> list(Filter filter, PageQuery paging, ScopedPrincipal caller) {
		Pageable page = paging.toPageable(Sort.unsorted());
		MapSqlParameterSource params = new MapSqlParameterSource();
		String where = where(filter, caller, params);
		Long total = this.jdbc.queryForObject("select count(*) from collection_record r where " + where, params,
				Long.class);
		params.addValue("limit", page.getPageSize()).addValue("offset", page.getOffset());
		List<RecordView> items = this.jdbc.query(
				SELECT + " where " + where + " order by r.collected_at desc, r.id desc limit :limit offset :offset",
				params, Records::row);
		return new PageResponse<>(items, total == null ? 0 : total, page.getPageNumber() + 1, page.getPageSize());
	}

	/** Per collector in the caller's scope, most records first. */
	@Transactional(readOnly = true)
	List<CollectorTally> collectors(Filter filter, ScopedPrincipal caller) {
		MapSqlParameterSource params = new MapSqlParameterSource();
		return this.jdbc.query("""
				select r.collector_id, u.display_name, count(*) as total,
				       count(*) filter (where r.status = 'SUBMITTED') as submitted,
				       count(*) filter (where r.status = 'RETURNED') as returned,
				       count(*) filter (where r.status = 'APPROVED') as approved,
				       max(r.collected_at) as last_collected_at
				from collection_record r join app_user u on u.id = r.collector_id
				where %s
				group by r.collector_id, u.display_name
				order by total desc, u.display_name""".formatted(where(filter, caller, params)), params,
				(rs, n) -> new CollectorTally(rs.getLong("collector_id"), rs.getString("display_name"),
						rs.getLong("total"), rs.getLong("submitted"), rs.getLong("returned"), rs.getLong("approved"),
						rs.getTimestamp("last_collected_at").toInstant()));
	}

	private static String where(Filter filter, ScopedPrincipal caller, MapSqlParameterSource params) {
		StringBuilder where = new StringBuilder(visibleTo(caller, params));
		if (filter.formId() != null) {
			where.append(" and r.form_id = :formId");
			params.addValue("formId", filter.formId());
		}
		if (filter.campaignId() != null) {
			where.append(" and r.campaign_id = :campaignId");
			params.addValue("campaignId", filter.campaignId());
		}
		if (filter.status() != null && !filter.status().isBlank()) {
			if (!List.of("SUBMITTED", "APPROVED", "RETURNED").contains(filter.status())) {
				throw new InvalidInputException("status", "SUBMITTED, APPROVED or RETURNED / 状态无效");
			}
			where.append(" and r.status = :status");
			params.addValue("status", filter.status());
		}
		if (filter.collectorId() != null) {
			where.append(" and r.collector_id = :collector");
			params.addValue("collector", filter.collectorId());
		}
		return where.toString();
	}

	private void update(long id, long version, String status, String answers) {
		int updated = this.jdbc.update("""
				update collection_record set status = :status, answers = coalesce(cast(:answers as jsonb), answers),
				    version = version + 1
				where id = :id and version = :version""",
				new MapSqlParameterSource("status", status).addValue("answers", answers)
					.addValue("id", id)
					.addValue("version", version));
		if (updated != 1) {
			throw new ConflictException("the record was changed by someone else / 记录已被他人修改，请刷新");
		}
	}

	private void step(long id, String action, ScopedPrincipal actor, String comment, Instant at) {
		this.jdbc.update("""
				insert into collection_review (record_id, action, actor_id, actor_name, comment, at)
				values (:id, :action, :actor, :name, :comment, :at)""",
				new MapSqlParameterSource("id", id).addValue("action", action)
					.addValue("actor", actor.userId())
					.addValue("name", actor.displayName())
					.addValue("comment", comment)
					.addValue("at", java.sql.Timestamp.from(at)));
	}

	private static String visibleTo(ScopedPrincipal caller, MapSqlParameterSource params) {
		params.addValue("me", caller.userId());
		String path = caller.scope().path();
		int depth = path.isEmpty() ? 0 : path.split("/").length;
		if (depth > COMMUNITY_DEPTH) {
			return "r.collector_id = :me";
		}
		if (path.isEmpty()) {
			return "true";
		}
		return "(r.collector_id = :me or " + ScopeFilter.of(caller.scope(), "r.region_path").addTo(params) + ")";
	}

	private static final String SELECT = """
			select r.*, f.code as form_code, f.name as form_name, u.display_name as collector_name, g.name as grid_name
			from collection_record r join collection_form f on f.id = r.form_id join app_user u on u.id = r.collector_id
			join region g on g.id = r.grid_id""";

	private static RecordView row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
		return new RecordView(rs.getLong("id"), rs.getLong("form_id"), rs.getString("form_code"),
				rs.getString("form_name"), rs.getInt("form_version"), rs.getObject("campaign_id", Long.class),
				rs.getLong("collector_id"), rs.getString("collector_name"), rs.getLong("grid_id"),
				rs.getString("grid_name"), rs.getDouble("lon"), rs.getDouble("lat"),
				Forms.JSON.readValue(rs.getString("answers"), new TypeReference<Map<String, Object>>() {
				}), rs.getString("status"), rs.getTimestamp("collected_at").toInstant(), rs.getLong("version"),
				List.of());
	}

	/**
	 * The record as {@code reader} may see it: the collector sees what they entered,
	 * everyone else ID numbers and phones masked.
	 */
	RecordView forReader(RecordView record, ScopedPrincipal reader) {
		FormDefinition definition = this.forms.version(record.formId(), record.formVersion())
			.orElse(new FormDefinition(List.of()));
		return record.withAnswers(record.collectorId() == reader.userId()
				? definition.opened(record.answers(), this.protection) : definition.masked(record.answers()));
	}

	record Filter(Long formId, Long campaignId, String status, Long collectorId) {
	}

	record CollectorTally(long collectorId, String collectorName, long total, long submitted, long returned,
			long approved, Instant lastCollectedAt) {
	}

	record RecordCommand(Long formId, Long campaignId, Double lon, Double lat, Map<String, Object> answers) {
	}

	record ActionCommand(String comment, Map<String, Object> answers) {
	}

	record Submitted(long id, boolean created) {
	}

	record Step(String action, String actorName, String comment, Instant at) {
	}

	record RecordView(long id, long formId, String formCode, String formName, int formVersion, Long campaignId,
			long collectorId, String collectorName, long gridId, String gridName, double lon, double lat,
			Map<String, Object> answers, String status, Instant collectedAt, long version, List<Step> steps) {

		RecordView withAnswers(Map<String, Object> answers) {
			return new RecordView(this.id, this.formId, this.formCode, this.formName, this.formVersion, this.campaignId,
					this.collectorId, this.collectorName, this.gridId, this.gridName, this.lon, this.lat, answers,
					this.status, this.collectedAt, this.version, this.steps);
		}

		RecordView withSteps(List<Step> steps) {
			return new RecordView(this.id, this.formId, this.formCode, this.formName, this.formVersion, this.campaignId,
					this.collectorId, this.collectorName, this.gridId, this.gridName, this.lon, this.lat, this.answers,
					this.status, this.collectedAt, this.version, steps);
		}

	}

}
