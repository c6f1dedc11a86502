package org.govgrid.academy;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.govgrid.audit.AuditRecord;
import org.govgrid.audit.AuditTrail;
import org.govgrid.files.FileAttachments;
import org.govgrid.files.StoredFileView;
import org.govgrid.identity.Directory;
import org.govgrid.platform.ConflictException;
import org.govgrid.platform.FieldErrors;
import org.govgrid.platform.NotFoundException;
import org.govgrid.platform.PageQuery;
import org.govgrid.platform.PageResponse;
import org.govgrid.platform.ScopeFilter;
import org.govgrid.platform.ScopedPrincipal;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Courses. A course belongs to the region where it was made: it reaches everyone at,
 * above or below that region (a city course every town, a town's course only that town);
 * anything else is 404. Learners see published courses; those who may manage courses also
 * see, and edit, the unpublished ones made within their scope.
 */
@Service
class Courses {

	static final String OWNER_TYPE = "academy-course";

	private final NamedParameterJdbcTemplate jdbc;

	private final CourseQuizzes quizzes;

	private final FileAttachments attachments;

	private final Directory directory;

	private final AuditTrail audit;

	private final Clock clock;

	Courses(NamedParameterJdbcTemplate jdbc, CourseQuizzes quizzes, FileAttachments attachments, Directory directory,
			AuditTrail audit, Clock clock) {
		this.jdbc = jdbc;
		this.quizzes = quizzes;
		this.attachments = attachments;
		this.directory = directory;
		this.audit = audit;
		this.clock = clock;
	}

	record Filter(boolean requiredOnly, String keyword) {
	}

	@Transactional
	CourseView create(CourseCommand command, ScopedPrincipal caller) {
		CourseInput.Valid valid = validate(command, null, caller);
		long id = this.jdbc.queryForObject(
				"""
						insert into academy_course (title, summary, kind, file_id, body, duration_seconds, pages, required_roles,
						    points, published, region_path, created_by, created_at, updated_at)
						values (:title, :summary, :kind, :file, :body, :duration, :pages,
						    cast(string_to_array(:roles, ',') as varchar[]), :points, :published, :path,
						    :user, :now, :now)
						returning id""",
				params(valid).addValue("path", caller.scope().path()).addValue("user", caller.userId()), Long.class);
		if (valid.fileId() != null) {
			this.attachments.attach(List.of(valid.fileId()), OWNER_TYPE, id);
		}
		this.quizzes.replace(id, valid.quiz());
		this.audit.record(AuditRecord.success("COURSE_CREATE", "course", id, valid.kind() + " " + valid.title()));
		return view(id, caller);
	}

	@Transactional
	CourseView update(long id, CourseCommand command, ScopedPrincipal caller) {
		Row current = editable(id, caller);
		CourseInput.Valid valid = validate(command, current, caller);
		int updated = this.jdbc.update(
				"""
						update academy_course set title = :title, summary = :summary, kind = :kind, file_id = :file, body = :body,
						    duration_seconds = :duration, pages = :pages, required_roles = cast(string_to_array(:roles, ',') as varchar[]), points = :points,
						    published = :published, updated_at = :now, version = version + 1
						where id = :id and version = :version""",
				params(valid).addValue("id", id)
					.addValue("version", command.version() == null ? current.version() : command.version()));
		if (updated != 1) {
			throw new ConflictException("changed by someone else; reload / 数据已被他人修改，请刷新");
		}
		if (valid.fileId() != null && !valid.fileId().equals(current.fileId())) {
			this.attachments.attach(List.of(valid.fileId()), OWNER_TYPE, id);
		}
		this.quizzes.replace(id, valid.quiz());
		this.audit.record(AuditRecord.success("COURSE_UPDATE", "course", id, valid.kind() + " " + valid.title()));
		return view(id, caller);
	}

	@Transactional(readOnly = true)
	CourseView view(long id, ScopedPrincipal caller) {
		Row row = visible(id, caller);
		return describe(List.of(row), caller, true).get(0);
	}

	@Transactional(readOnly = true)
	PageResponse<CourseView> list(Filter filter, PageQuery paging, ScopedPrincipal caller) {
		Pageable page = paging.toPageable(Sort.unsorted());
		MapSqlParameterSource params = new MapSqlParameterSource();
		StringBuilder where = new StringBuilder(reach(caller, params));
		if (filter.keyword() != null && !filter.keyword().isBlank()) {
			where.append(" and (c.title like :q or c.summary like :q)");
			params.addValue("q",
					"%" + filter.keyword().strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
		}
		Set<String> roles = this.directory.roleCodes(caller.userId());
		params.addValue("roles", roles.isEmpty() ? "-" : String.join(",", roles));
		if (filter.requiredOnly()) {
			where.append(" and c.required_roles && cast(string_to_array(:roles, ',') as varchar[])");
		}
		Long total = this.jdbc.queryForObject("select count(*) from academy_course c where " + where, params,
				Long.class);
		params.addValue("limit", page.getPageSize()).addValue("offset", page.getOffset());
		// required for me first, then the newest
		List<Row> rows = this.jdbc.query("select c.* from academy_course c where " + where
				+ " order by (c.required_roles && cast(string_to_array(:roles, ',') as varchar[])) desc, c.updated_at desc, c.id desc"
				+ " limit :limit offset :offset", params, Courses::row);
		return new PageResponse<>(describe(rows, caller, false), total == null ? 0 : total, page.getPageNumber() + 1,
				page.getPageSize());
	}

	/** The course if the caller may see it, else 404. */
	Row visible(long id, ScopedPrincipal caller) {
		MapSqlParameterSource params = new MapSqlParameterSource("id", id);
		return this.jdbc
			.query("select c.* from academy_course c where c.id = :id and " + reach(caller, params), params,
					Courses::row)
			.stream()
			.findFirst()
			.orElseThrow(() -> new NotFoundException("course", id));
	}

	/** Whether {@code caller} may read the course (its files follow it). */
	boolean canRead(long id, ScopedPrincipal caller) {
		MapSqlParameterSource params = new MapSqlParameterSource("id", id);
		return !this.jdbc
			.queryForList("select c.id from academy_course c where c.id = :id and " + reach(caller, params), params,
					Long.class)
			.isEmpty();
	}

	private Row editable(long id, ScopedPrincipal caller) {
		Row row = visible(id, caller);
		if (!mayEdit(row, caller)) {
			throw new NotFoundException("course", id);
		}
		return row;
	}

	private static boolean mayEdit(Row row, ScopedPrincipal caller) {
		return caller.can(AcademyPermissions.MANAGE) && caller.scope().covers(row.regionPath());
	}

	/**
	 * Published courses made at, above or below the caller's region; for managers also
	 * their scope's unpublished ones.
	 */
	private static String reach(ScopedPrincipal caller, MapSqlParameterSource params) {
		String path = caller.scope().path();
		params.addValue("scopePath", path);
		String below = ScopeFilter.of(caller.scope(), "c.region_path").addTo(params);
		String above = "(c.region_path = '' or :scopePath = c.region_path or :scopePath like c.region_path || '/%')";
		String reachable = "(" + below + " or " + above + ")";
		if (caller.can(AcademyPermissions.MANAGE)) {
			return "(" + reachable + " and (c.published or " + below + "))";
		}
		return "(" + reachable + " and c.published)";
	}

	private CourseInput.Valid validate(CourseCommand command, Row current, ScopedPrincipal caller) {
		FieldErrors errors = new FieldErrors();
		CourseInput.Valid valid = CourseInput.check(command, errors);
		if (valid.fileId() != null && (current == null || !valid.fileId().equals(current.fileId()))) {
			errors.addAll(this.attachments.check(List.of(valid.fileId()), OWNER_TYPE, caller, "fileId")
				.list()
				.stream()
				.collect(FieldErrors::new, (e, p) -> e.add("fileId", p.message()), FieldErrors::addAll));
		}
		if (valid.fileId() != null && errors.list().stream().noneMatch(p -> p.field().equals("fileId"))) {
			StoredFileView file = this.attachments.describe(List.of(valid.fileId())).get(valid.fileId());
			String expected = valid.kind() == CourseKind.VIDEO ? "video/mp4" : "application/pdf";
			if (file == null || !expected.equals(file.contentType())) {
				errors.add("fileId", valid.kind() == CourseKind.VIDEO ? "must be an mp4 / 视频课程须为 mp4 文件"
						: "must be a pdf / 文档课程须为 pdf 文件");
			}
		}
		errors.throwIfAny();
		return valid;
	}

	private MapSqlParameterSource params(CourseInput.Valid v) {
		return new MapSqlParameterSource("title", v.title()).addValue("summary", v.summary())
			.addValue("kind", v.kind().name())
			.addValue("file", v.fileId())
			.addValue("body", v.body())
			.addValue("duration", v.durationSeconds())
			.addValue("pages", v.pages())
			.addValue("roles", String.join(",", v.requiredRoles()))
			.addValue("points", v.points())
			.addValue("published", v.published())
			.addValue("now", Timestamp.from(this.clock.instant()));
	}

	private List<CourseView> describe(List<Row> rows, ScopedPrincipal caller, boolean detail) {
		if (rows.isEmpty()) {
			return List.of();
		}
		List<Long> ids = rows.stream().map(Row::id).toList();
		Set<String> roles = this.directory.roleCodes(caller.userId());
		Map<Long, CourseView.Mine> mine = this.quizzes.mine(caller.userId(), ids);
		Map<Long, StoredFileView> files = this.attachments
			.describe(rows.stream().map(Row::fileId).filter(f -> f != null).toList());
		return rows.stream().map(row -> {
			boolean editable = mayEdit(row, caller);
			Optional<CourseView.QuizView> quiz = this.quizzes.of(row.id(), detail, editable);
			StoredFileView file = row.fileId() == null ? null : files.get(row.fileId());
			return new CourseView(row.id(), row.title(), row.summary(), row.kind(), file,
					file == null ? null : file.url(), detail ? row.body() : null, row.durationSeconds(), row.pages(),
					row.requiredRoles(), row.requiredRoles().stream().anyMatch(roles::contains), row.points(),
					row.published(), editable, mine.getOrDefault(row.id(), CourseQuizzes.NOTHING_YET),
					quiz.orElse(null), row.version(), row.createdAt(), row.updatedAt());
		}).toList();
	}

	record Row(long id, String title, String summary, String kind, Long fileId, String body, Integer durationSeconds,
			Integer pages, List<String> requiredRoles, java.math.BigDecimal points, boolean published,
			String regionPath, int version, java.time.Instant createdAt, java.time.Instant updatedAt) {
	}

	static Row row(ResultSet rs, int n) throws SQLException {
		Array roles = rs.getArray("required_roles");
		return new Row(rs.getLong("id"), rs.getString("title"), rs.getString("summary"), rs.getString("kind"),
				rs.getObject("file_id", Long.class), rs.getString("body"),
				rs.getObject("duration_seconds", Integer.class), rs.getObject("pages", Integer.class),
				List.of((String[]) roles.getArray()), rs.getBigDecimal("points"), rs.getBoolean("published"),
				rs.getString("region_path"), rs.getInt("version"), rs.getTimestamp("created_at").toInstant(),
				rs.getTimestamp("updated_at").toInstant());
	}

}
