package org.govgrid.notice;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.govgrid.audit.AuditRecord;
import org.govgrid.audit.AuditTrail;
import org.govgrid.files.FileAttachments;
import org.govgrid.messaging.Notice;
import org.govgrid.messaging.Notifications;
import org.govgrid.notice.model.NoticeLifecycle;
import org.govgrid.platform.FieldErrors;
import org.govgrid.platform.InvalidInputException;
import org.govgrid.platform.ScopedPrincipal;
import org.govgrid.region.RegionService;
import org.govgrid.region.RegionSummary;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writing notices: drafts, publishing (recipients fixed, each notified), withdrawing and
 * read receipts. A manager acts on the notices of their scope; anything else is 404.
 * Every command is one transaction: bad input (400, every field named) writes nothing.
 */
@Service
class Notices {

	/** The business roles a notice may target (三员 roles receive no notices). */
	static final Set<String> TARGET_ROLES = Set.of("TOWN_LEADER", "CENTER_STAFF", "DEPT_HANDLER", "GRID_CHIEF",
			"GRID_WORKER");

	private final NamedParameterJdbcTemplate jdbc;

	private final NoticeQueries queries;

	private final RegionService regions;

	private final FileAttachments attachments;

	private final Recipients recipients;

	private final Notifications notifications;

	private final AuditTrail audit;

	private final Clock clock;

	Notices(NamedParameterJdbcTemplate jdbc, NoticeQueries queries, RegionService regions, FileAttachments attachments,
			Recipients recipients, Notifications notifications, AuditTrail audit, Clock clock) {
		this.jdbc = jdbc;
		this.queries = queries;
		this.regions = regions;
		this.attachments = attachments;
		this.recipients = recipients;
		this.notifications = notifications;
		this.audit = audit;
		this.clock = clock;
	}

	@Transactional
	NoticeView create(NoticeCommand command, ScopedPrincipal caller) {
		Valid valid = validate(command, caller, null);
		Instant now = this.clock.instant();
		long id = this.jdbc.queryForObject("""
				insert into notice (title, body, status, author_id, scope_path, role_codes, created_at, updated_at)
				values (:title, :body, 'DRAFT', :author, :scope, :roles, :now, :now) returning id""",
				new MapSqlParameterSource("title", valid.title()).addValue("body", valid.body().html())
					.addValue("author", caller.userId())
					.addValue("scope", caller.scope().path())
					.addValue("roles", valid.roleCodes().toArray(String[]::new))
					.addValue("now", Timestamp.from(now)),
				Long.class);
		writeTargetsAndFiles(id, valid, List.of());
		this.audit.record(AuditRecord.success("NOTICE_CREATE", "notice", id, valid.title()));
		if (Boolean.TRUE.equals(command.publish())) {
			publish(id, caller);
		}
		return this.queries.view(id, caller);
	}

	@Transactional
	NoticeView update(long id, NoticeCommand command, ScopedPrincipal caller) {
		StoredNotice current = this.queries.managed(id, caller, true);
		current.lifecycle().edit();
		Valid valid = validate(command, caller, id);
		this.jdbc.update("""
				update notice set title = :title, body = :body, role_codes = :roles, updated_at = :now,
				    version = version + 1 where id = :id""",
				new MapSqlParameterSource("id", id).addValue("title", valid.title())
					.addValue("body", valid.body().html())
					.addValue("roles", valid.roleCodes().toArray(String[]::new))
					.addValue("now", Timestamp.from(this.clock.instant())));
		List<Long> kept = this.jdbc.queryForList("select file_id from notice_file where notice_id = :id",
				new MapSqlParameterSource("id", id), Long.class);
		this.jdbc.update("delete from notice_region where notice_id = :id", new MapSqlParameterSource("id", id));
		this.jdbc.update("delete from notice_file where notice_id = :id", new MapSqlParameterSource("id", id));
		writeTargetsAndFiles(id, valid, kept);
		this.audit.record(AuditRecord.success("NOTICE_UPDATE", "notice", id, valid.title()));
		return this.queries.view(id, caller);
	}

	@Transactional
	NoticeView publish(long id, ScopedPrincipal caller) {
		StoredNotice notice = this.queries.managed(id, caller, true);
		NoticeLifecycle lifecycle = notice.lifecycle();
		Instant now = this.clock.instant();
		lifecycle.publish(now);
		List<RegionSummary> targets = this.queries.targets(id);
		List<Recipients.Recipient> resolved = this.recipients.resolve(notice.authorId(), notice.scopePath(), targets,
				notice.roleCodes());
		if (resolved.isEmpty()) {
			throw new InvalidInputException(List.of(
					new InvalidInputException.FieldProblem("regionIds",
							"nobody in these regions would receive it / 所选区域内没有可接收的人员"),
					new InvalidInputException.FieldProblem("roleCodes",
							"nobody with these roles would receive it / 所选角色没有可接收的人员")));
		}
		this.jdbc.update("""
				update notice set status = :status, published_at = :now, updated_at = :now, version = version + 1
				where id = :id""", new MapSqlParameterSource("id", id).addValue("status", lifecycle.status().name())
			.addValue("now", Timestamp.from(now)));
		this.jdbc.batchUpdate("""
				insert into notice_recipient (notice_id, user_id, region_id, region_path)
				values (:id, :user, :region, :path)""",
				resolved.stream()
					.map(r -> new MapSqlParameterSource("id", id).addValue("user", r.userId())
						.addValue("region", r.regionId())
						.addValue("path", r.regionPath()))
					.toArray(MapSqlParameterSource[]::new));
		this.notifications.send(resolved.stream().map(Recipients.Recipient::userId).toList(),
				new Notice(Notice.NOTICE_PUBLISHED, notice.title(), NoticeBodies.excerpt(notice.body(), 120),
						"/notices/" + id, "NOTICE", id));
		this.audit.record(AuditRecord.success("NOTICE_PUBLISH", "notice", id, resolved.size() + " recipients"));
		return this.queries.view(id, caller);
	}

	@Transactional
	NoticeView withdraw(long id, ScopedPrincipal caller) {
		StoredNotice notice = this.queries.managed(id, caller, true);
		NoticeLifecycle lifecycle = notice.lifecycle();
		Instant now = this.clock.instant();
		lifecycle.withdraw(now);
		this.jdbc.update("""
				update notice set status = :status, withdrawn_at = :now, updated_at = :now, version = version + 1
				where id = :id""", new MapSqlParameterSource("id", id).addValue("status", lifecycle.status().name())
			.addValue("now", Timestamp.from(now)));
		this.audit.record(AuditRecord.success("NOTICE_WITHDRAW", "notice", id, notice.title()));
		return this.queries.view(id, caller);
	}

	/**
	 * Idempotent: the first read counts. A manager who is no recipient leaves no receipt.
	 */
	@Transactional
	void markRead(long id, ScopedPrincipal caller) {
		this.queries.visible(id, caller);
		this.jdbc.update("""
				update notice_recipient r set read_at = :now from notice n
				where r.notice_id = :id and r.user_id = :me and r.read_at is null
				  and n.id = r.notice_id and n.status = 'PUBLISHED'""",
				new MapSqlParameterSource("id", id).addValue("me", caller.userId())
					.addValue("now", Timestamp.from(this.clock.instant())));
		// the bell's notification about it is read too
		this.notifications.markRead(caller.userId(), "NOTICE", id);
	}

	private void writeTargetsAndFiles(long id, Valid valid, List<Long> alreadyAttached) {
		List<MapSqlParameterSource> regionRows = new ArrayList<>();
		for (int i = 0; i < valid.regions().size(); i++) {
			regionRows.add(new MapSqlParameterSource("id", id).addValue("region", valid.regions().get(i).id())
				.addValue("position", i));
		}
		this.jdbc.batchUpdate(
				"insert into notice_region (notice_id, region_id, position) values (:id, :region, :position)",
				regionRows.toArray(MapSqlParameterSource[]::new));
		List<MapSqlParameterSource> fileRows = new ArrayList<>();
		int position = 0;
		for (Long file : valid.fileIds()) {
			fileRows.add(new MapSqlParameterSource("id", id).addValue("file", file)
				.addValue("position", position++)
				.addValue("inline", false));
		}
		for (Long image : valid.body().imageFileIds()) {
			if (!valid.fileIds().contains(image)) {
				fileRows.add(new MapSqlParameterSource("id", id).addValue("file", image)
					.addValue("position", position++)
					.addValue("inline", true));
			}
		}
		this.jdbc.batchUpdate("""
				insert into notice_file (notice_id, file_id, position, inline)
				values (:id, :file, :position, :inline)""", fileRows.toArray(MapSqlParameterSource[]::new));
		Set<Long> newFiles = new LinkedHashSet<>(valid.fileIds());
		newFiles.addAll(valid.body().imageFileIds());
		newFiles.removeAll(alreadyAttached);
		this.attachments.attach(newFiles, NoticeFiles.OWNER_TYPE, id);
	}

	private Valid validate(NoticeCommand c, ScopedPrincipal caller, Long noticeId) {
		FieldErrors errors = new FieldErrors();
		String title = c.title() == null ? "" : c.title().strip();
		if (title.isEmpty()) {
			errors.add("title", "required / 请填写标题");
		}
		else if (title.codePointCount(0, title.length()) > 100) {
			errors.add("title", "at most 100 characters / 标题最多100个字符");
		}
		NoticeBodies.Clean body = NoticeBodies.clean(c.body());
		if (body.isEmpty()) {
			errors.add("body", "required / 请填写正文");
		}
		else if (body.html().length() > 50_000) {
			errors.add("body", "too long / 正文过长");
		}
		List<RegionSummary> regions = regions(c.regionIds(), caller, errors);
		List<String> roles = new ArrayList<>();
		for (String code : c.roleCodes() == null ? List.<String>of() : c.roleCodes()) {
			if (code == null || !TARGET_ROLES.contains(code)) {
				errors.add("roleCodes", "unknown role " + code + " / 角色无效");
			}
			else if (!roles.contains(code)) {
				roles.add(code);
			}
		}
		List<Long> fileIds = c.fileIds() == null ? List.of() : c.fileIds();
		List<Long> attached = noticeId == null ? List.of()
				: this.jdbc.queryForList("select file_id from notice_file where notice_id = :id",
						new MapSqlParameterSource("id", noticeId), Long.class);
		List<Long> fresh = fileIds.stream().filter(f -> f == null || !attached.contains(f)).toList();
		errors.addAll(this.attachments.check(fresh, NoticeFiles.OWNER_TYPE, caller, "fileIds"));
		List<Long> images = body.imageFileIds()
			.stream()
			.filter(f -> !attached.contains(f) && !fileIds.contains(f))
			.toList();
		if (!this.attachments.check(images, NoticeFiles.OWNER_TYPE, caller, "body").isEmpty()) {
			errors.add("body", "an image is not a file of yours / 正文图片须为本人上传的图片");
		}
		errors.throwIfAny();
		return new Valid(title, body, regions, roles, List.copyOf(new LinkedHashSet<>(fileIds)));
	}

	private List<RegionSummary> regions(List<Long> ids, ScopedPrincipal caller, FieldErrors errors) {
		List<RegionSummary> found = new ArrayList<>();
		if (ids == null || ids.isEmpty()) {
			errors.add("regionIds", "choose at least one region / 请选择发送区域");
			return found;
		}
		for (Long id : ids) {
			RegionSummary region = id == null ? null
					: this.regions.find(id).filter(r -> caller.scope().covers(r.path())).orElse(null);
			if (region == null) {
				errors.add("regionIds", "region " + id + " is not in your area / 区域不存在或不在您的辖区");
			}
			else if (found.stream().noneMatch(r -> r.id() == region.id())) {
				found.add(region);
			}
		}
		return found;
	}

	private record Valid(String title, NoticeBodies.Clean body, List<RegionSummary> regions, List<String> roleCodes,
			List<Long> fileIds) {
	}

}
