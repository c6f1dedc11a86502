package org.govgrid.notice;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.govgrid.files.FileAttachments;
import org.govgrid.identity.Directory;
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
 * Reading notices. A recipient sees the published notices they received (the inbox); a
 * manager ({@code notice:notice:manage}) sees every notice written within their scope, in
 * any status, with its receipts. Anything else is 404.
 */
@Service
class NoticeQueries {

	private final NamedParameterJdbcTemplate jdbc;

	private final Directory directory;

	private final RegionService regions;

	private final FileAttachments files;

	NoticeQueries(NamedParameterJdbcTemplate jdbc, Directory directory, RegionService regions, FileAttachments files) {
		this.jdbc = jdbc;
		this.directory = directory;
		this.regions = regions;
		this.files = files;
	}

	record Filter(String box, String keyword, Boolean unread) {
	}

	@Transactional(readOnly = true)
	NoticeView view(long id, ScopedPrincipal caller) {
		StoredNotice notice = visible(id, caller);
		boolean manages = notice.isManagedBy(caller);
		Map<String, Object> receipt = this.jdbc
			.queryForList("select read_at from notice_recipient where notice_id = :id and user_id = :me",
					new MapSqlParameterSource("id", id).addValue("me", caller.userId()))
			.stream()
			.findFirst()
			.orElse(null);
		Integer[] counts = manages ? counts(id) : new Integer[] { null, null };
		List<Long> fileIds = this.jdbc.queryForList(
				"select file_id from notice_file where notice_id = :id and not inline order by position",
				new MapSqlParameterSource("id", id), Long.class);
		List<NoticeView.Target> targets = targets(id).stream()
			.map(r -> new NoticeView.Target(r.id(), r.name()))
			.toList();
		java.sql.Timestamp readAt = receipt == null ? null : (java.sql.Timestamp) receipt.get("read_at");
		return new NoticeView(notice.id(), notice.title(), notice.body(), notice.status().name(), notice.authorId(),
				this.directory.userNames(List.of(notice.authorId())).get(notice.authorId()), targets,
				notice.roleCodes(), List.copyOf(this.files.describe(fileIds).values()), notice.publishedAt(),
				notice.withdrawnAt(), notice.createdAt(), notice.updatedAt(), receipt == null ? null : readAt != null,
				readAt == null ? null : readAt.toInstant(), counts[0], counts[1], manages, notice.version());
	}

	/**
	 * The notice if the caller manages it or received it while it is published; else 404.
	 */
	@Transactional(readOnly = true)
	StoredNotice visible(long id, ScopedPrincipal caller) {
		StoredNotice notice = load(id, false);
		if (notice == null || !(notice.isManagedBy(caller) || isRecipient(notice, caller))) {
			throw new NotFoundException("notice", id);
		}
		return notice;
	}

	/** The notice if the caller manages it (locked for a write when asked); else 404. */
	StoredNotice managed(long id, ScopedPrincipal caller, boolean lock) {
		StoredNotice notice = load(id, lock);
		if (notice == null || !notice.isManagedBy(caller)) {
			throw new NotFoundException("notice", id);
		}
		return notice;
	}

	List<RegionSummary> targets(long id) {
		List<Long> ids = this.jdbc.queryForList(
				"select region_id from notice_region where notice_id = :id order by position",
				new MapSqlParameterSource("id", id), Long.class);
		return ids.stream().map(this.regions::find).flatMap(java.util.Optional::stream).toList();
	}

	@Transactional(readOnly = true)
	PageResponse<NoticeSummary> list(Filter filter, PageQuery paging, ScopedPrincipal caller) {
		FieldErrors errors = new FieldErrors();
		String box = filter.box() == null || filter.box().isBlank() ? "inbox" : filter.box().strip();
		if (!box.equals("inbox") && !box.equals("managed")) {
			errors.add("box", "inbox or managed / 须为 inbox 或 managed");
		}
		else if (box.equals("managed") && !caller.can(StoredNotice.MANAGE)) {
			errors.add("box", "you manage no notices / 您没有管理通知的权限");
		}
		Pageable page = paging.toPageable(Sort.unsorted());
		errors.throwIfAny();
		MapSqlParameterSource params = new MapSqlParameterSource("me", caller.userId())
			.addValue("limit", page.getPageSize())
			.addValue("offset", page.getOffset());
		StringBuilder where = new StringBuilder();
		String order;
		if (box.equals("inbox")) {
			where.append("r.user_id = :me and n.status = 'PUBLISHED'");
			if (Boolean.TRUE.equals(filter.unread())) {
				where.append(" and r.read_at is null");
			}
			order = "(r.read_at is null) desc, n.published_at desc, n.id desc";
		}
		else {
			where.append(ScopeFilter.of(caller.scope(), "n.scope_path").addTo(params));
			order = "n.updated_at desc, n.id desc";
		}
		if (filter.keyword() != null && !filter.keyword().isBlank()) {
			where.append(" and n.title like :keyword");
			params.addValue("keyword",
					"%" + filter.keyword().strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
		}
		String from = box.equals("inbox") ? "notice n join notice_recipient r on r.notice_id = n.id"
				: "notice n left join notice_recipient r on r.notice_id = n.id and r.user_id = :me";
		Long total = this.jdbc.queryForObject("select count(*) from " + from + " where " + where, params, Long.class);
		boolean managed = box.equals("managed");
		List<Map<String, Object>> rows = this.jdbc.queryForList("""
				select n.id, n.title, n.status, n.author_id, n.published_at, n.updated_at, r.user_id as receipt,
				       r.read_at,
				       (select count(*) from notice_recipient x where x.notice_id = n.id) as recipients,
				       (select count(*) from notice_recipient x where x.notice_id = n.id and x.read_at is not null)
				           as readers
				from """ + " " + from + " where " + where + " order by " + order + " limit :limit offset :offset",
				params);
		Map<Long, String> authors = this.directory
			.userNames(rows.stream().map(r -> ((Number) r.get("author_id")).longValue()).toList());
		List<NoticeSummary> items = new ArrayList<>();
		for (Map<String, Object> r : rows) {
			java.sql.Timestamp readAt = (java.sql.Timestamp) r.get("read_at");
			java.sql.Timestamp publishedAt = (java.sql.Timestamp) r.get("published_at");
			items.add(new NoticeSummary(((Number) r.get("id")).longValue(), (String) r.get("title"),
					(String) r.get("status"), authors.get(((Number) r.get("author_id")).longValue()),
					publishedAt == null ? null : publishedAt.toInstant(),
					((java.sql.Timestamp) r.get("updated_at")).toInstant(),
					r.get("receipt") == null ? null : readAt != null, readAt == null ? null : readAt.toInstant(),
					managed ? ((Number) r.get("recipients")).intValue() : null,
					managed ? ((Number) r.get("readers")).intValue() : null));
		}
		return new PageResponse<>(items, total == null ? 0 : total, page.getPageNumber() + 1, page.getPageSize());
	}

	@Transactional(readOnly = true)
	long unreadCount(ScopedPrincipal caller) {
		Long count = this.jdbc.queryForObject("""
				select count(*) from notice_recipient r join notice n on n.id = r.notice_id
				where r.user_id = :me and r.read_at is null and n.status = 'PUBLISHED'""",
				new MapSqlParameterSource("me", caller.userId()), Long.class);
		return count == null ? 0 : count;
	}

	@Transactional(readOnly = true)
	NoticeReceipts receipts(long id, ScopedPrincipal caller) {
		managed(id, caller, false);
		List<Map<String, Object>> rows = this.jdbc.queryForList("""
				select user_id, region_id, region_path, read_at from notice_recipient where notice_id = :id
				order by read_at is not null, region_path, user_id""", new MapSqlParameterSource("id", id));
		Set<Long> userIds = new java.util.HashSet<>();
		Set<Long> regionIds = new java.util.HashSet<>();
		rows.forEach(r -> {
			userIds.add(((Number) r.get("user_id")).longValue());
			regionIds.add(((Number) r.get("region_id")).longValue());
		});
		Map<Long, String> names = this.directory.userNames(userIds);
		Map<Long, String> regionNames = this.regions.namesOf(regionIds);
		Map<String, long[]> tallies = new java.util.TreeMap<>();
		Map<String, Long> regionOfPath = new HashMap<>();
		List<NoticeReceipts.Receipt> users = new ArrayList<>();
		int read = 0;
		for (Map<String, Object> r : rows) {
			long user = ((Number) r.get("user_id")).longValue();
			long region = ((Number) r.get("region_id")).longValue();
			String path = (String) r.get("region_path");
			java.sql.Timestamp readAt = (java.sql.Timestamp) r.get("read_at");
			long[] tally = tallies.computeIfAbsent(path, p -> new long[2]);
			regionOfPath.put(path, region);
			tally[0]++;
			if (readAt != null) {
				tally[1]++;
				read++;
			}
			users.add(new NoticeReceipts.Receipt(user, names.get(user), regionNames.get(region), readAt != null,
					readAt == null ? null : readAt.toInstant()));
		}
		Map<String, NoticeReceipts.RegionTally> byRegion = new LinkedHashMap<>();
		tallies.forEach((path, tally) -> byRegion.put(path, new NoticeReceipts.RegionTally(regionOfPath.get(path),
				regionNames.get(regionOfPath.get(path)), (int) tally[0], (int) tally[1])));
		return new NoticeReceipts(rows.size(), read, rows.size() - read, List.copyOf(byRegion.values()), users);
	}

	private Integer[] counts(long id) {
		Map<String, Object> row = this.jdbc.queryForMap("""
				select count(*) as total, count(read_at) as read from notice_recipient where notice_id = :id""",
				new MapSqlParameterSource("id", id));
		return new Integer[] { ((Number) row.get("total")).intValue(), ((Number) row.get("read")).intValue() };
	}

	private boolean isRecipient(StoredNotice notice, ScopedPrincipal caller) {
		return notice.lifecycle().isReadable() && caller.can(Recipients.READ)
				&& Boolean.TRUE.equals(this.jdbc.queryForObject(
						"select exists (select 1 from notice_recipient where notice_id = :id and user_id = :me)",
						new MapSqlParameterSource("id", notice.id()).addValue("me", caller.userId()), Boolean.class));
	}

	private StoredNotice load(long id, boolean lock) {
		return this.jdbc
			.query("select * from notice where id = :id" + (lock ? " for update" : ""),
					new MapSqlParameterSource("id", id), StoredNotice::row)
			.stream()
			.findFirst()
			.orElse(null);
	}

}
