package org.govgrid.party;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.govgrid.files.FileAttachments;
import org.govgrid.files.StoredFileView;
import org.govgrid.platform.FieldErrors;
import org.govgrid.platform.ScopedPrincipal;
import org.govgrid.region.RegionService;
import org.govgrid.region.RegionSummary;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * Checks an activity report whole: the organisation visible to the reporter, the point
 * inside a grid of their scope, the participants members of the organisation or of one
 * below it, the attachments the reporter's own unattached jpg photos and mp4 videos.
 */
final class ActivityRules {

	private static final Set<String> MEDIA = Set.of("image/jpeg", "video/mp4");

	private final NamedParameterJdbcTemplate jdbc;

	private final PartyOrganizations organizations;

	private final RegionService regions;

	private final FileAttachments files;

	private final Clock clock;

	ActivityRules(NamedParameterJdbcTemplate jdbc, PartyOrganizations organizations, RegionService regions,
			FileAttachments files, Clock clock) {
		this.jdbc = jdbc;
		this.organizations = organizations;
		this.regions = regions;
		this.files = files;
		this.clock = clock;
	}

	record Valid(ActivityCommand command, ActivityType type, RegionSummary grid, List<Long> participants) {
	}

	Valid check(ActivityCommand c, ScopedPrincipal caller) {
		FieldErrors errors = new FieldErrors();
		boolean organizationOk = c.organizationId() != null
				&& this.organizations.find(c.organizationId(), caller.scope()).isPresent();
		if (!organizationOk) {
			errors.add("organizationId", "no such organisation in your area / 党组织不存在或不在您的辖区");
		}
		ActivityType type = ActivityType.parse(c.type()).orElse(null);
		if (type == null) {
			errors.add("type", ActivityType.CHOICES);
		}
		if (c.title() == null || c.title().isBlank() || c.title().strip().length() > 100) {
			errors.add("title", "1–100 characters / 标题须为1–100个字");
		}
		if (c.heldAt() == null) {
			errors.add("heldAt", "required / 必填");
		}
		else if (c.heldAt().toInstant().isAfter(this.clock.instant().plus(Duration.ofDays(1)))) {
			errors.add("heldAt", "in the future / 活动时间不能晚于当前时间");
		}
		if (c.place() != null && c.place().strip().length() > 200) {
			errors.add("place", "at most 200 characters / 最多200个字");
		}
		if (c.content() != null && c.content().length() > 4000) {
			errors.add("content", "at most 4000 characters / 最多4000个字");
		}
		RegionSummary grid = grid(c, caller, errors);
		List<Long> participants = c.participantIds() == null ? List.of() : c.participantIds();
		if (organizationOk) {
			participants(c.organizationId(), participants, errors);
		}
		errors.addAll(this.files.check(c.fileIds(), PartyActivities.OWNER_TYPE, caller, "fileIds"));
		if (c.fileIds() != null && !c.fileIds().isEmpty()) {
			var described = this.files.describe(c.fileIds().stream().filter(java.util.Objects::nonNull).toList());
			for (int i = 0; i < c.fileIds().size(); i++) {
				StoredFileView file = described.get(c.fileIds().get(i));
				if (file != null && !MEDIA.contains(file.contentType())) {
					errors.add("fileIds[" + i + "]", "a jpg photo or an mp4 video / 附件须为jpg照片或mp4视频");
				}
			}
		}
		errors.throwIfAny();
		return new Valid(c, type, grid, participants.stream().distinct().toList());
	}

	private RegionSummary grid(ActivityCommand c, ScopedPrincipal caller, FieldErrors errors) {
		boolean lonOk = c.lon() != null && c.lon() >= 73 && c.lon() <= 136;
		boolean latOk = c.lat() != null && c.lat() >= 3 && c.lat() <= 54;
		if (!lonOk) {
			errors.add("lon", "a longitude in China is required / 请提供有效经度");
		}
		if (!latOk) {
			errors.add("lat", "a latitude in China is required / 请提供有效纬度");
		}
		if (!lonOk || !latOk) {
			return null;
		}
		RegionSummary grid = this.regions.gridAt(c.lon(), c.lat())
			.filter(g -> caller.scope().covers(g.path()))
			.orElse(null);
		if (grid == null) {
			errors.add("lon", "the location is in none of your grids / 位置不在您辖区的网格内");
			errors.add("lat", "the location is in none of your grids / 位置不在您辖区的网格内");
		}
		return grid;
	}

	/** Each participant a member of the organisation or of one under it. */
	private void participants(long organizationId, List<Long> ids, FieldErrors errors) {
		if (ids.isEmpty()) {
			return;
		}
		if (ids.size() > 500) {
			errors.add("participantIds", "at most 500 participants / 参与人数最多500");
			return;
		}
		Set<Long> members = Set.copyOf(this.jdbc.queryForList("""
				with recursive tree as (
				    select id from party_organization where id = :organization
				    union all
				    select o.id from party_organization o join tree on o.parent_id = tree.id)
				select m.id from party_member m where m.organization_id in (select id from tree) and m.id in (:ids)""",
				new MapSqlParameterSource("organization", organizationId).addValue("ids",
						ids.stream().map(id -> id == null ? -1L : id).toList()),
				Long.class));
		for (int i = 0; i < ids.size(); i++) {
			if (ids.get(i) == null || !members.contains(ids.get(i))) {
				errors.add("participantIds[" + i + "]", "not a member of the organisation / 不是该党组织的党员");
			}
		}
	}

}
