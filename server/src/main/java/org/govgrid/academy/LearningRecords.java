package org.govgrid.academy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.govgrid.identity.Directory;
import org.govgrid.platform.DataScope;
import org.govgrid.platform.NotFoundException;
import org.govgrid.platform.PageQuery;
import org.govgrid.platform.PageResponse;
import org.govgrid.platform.ScopedPrincipal;
import org.govgrid.region.RegionService;
import org.govgrid.region.RegionSummary;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Learning records (学习记录), one row per learner: the published courses required for their
 * roles that reach them, how many they completed, quizzes passed and the academy points
 * those earned. Learners see their own row only; holders of {@code academy:record:read}
 * see everyone who studies within their scope (a {@code userId} or {@code regionId}
 * outside it is 404).
 */
@Service
class LearningRecords {

	private final NamedParameterJdbcTemplate jdbc;

	private final Directory directory;

	private final RegionService regions;

	LearningRecords(NamedParameterJdbcTemplate jdbc, Directory directory, RegionService regions) {
		this.jdbc = jdbc;
		this.directory = directory;
		this.regions = regions;
	}

	record Filter(Long userId, Long regionId, Long courseId) {
	}

	record RecordView(long userId, String name, long regionId, String regionPath, List<String> roles, int requiredTotal,
			int requiredDone, int completed, int quizzesPassed, BigDecimal points, Instant lastStudiedAt,
			List<CourseRecord> courses) {
	}

	record CourseRecord(long courseId, String title, boolean required, BigDecimal percent, Instant completedAt,
			boolean quizPassed) {
	}

	private record Published(long id, String title, String path, List<String> roles, BigDecimal points,
			BigDecimal quizPoints) {
	}

	private record Progress(BigDecimal percent, Instant completedAt, Instant updatedAt) {
	}

	@Transactional(readOnly = true)
	PageResponse<RecordView> list(Filter filter, PageQuery paging, ScopedPrincipal caller) {
		Pageable page = paging.toPageable(Sort.unsorted());
		DataScope area = area(filter.regionId(), caller);
		List<Directory.Member> people;
		if (!caller.can(AcademyPermissions.RECORDS)) {
			if (filter.userId() != null && filter.userId() != caller.userId()) {
				throw new NotFoundException("user", filter.userId());
			}
			people = this.directory.user(caller.userId()).stream().toList();
		}
		else if (filter.userId() != null) {
			people = this.directory.user(filter.userId())
				.filter(m -> area.covers(m.scopePath()) && this.directory.holds(m.id(), AcademyPermissions.READ))
				.map(List::of)
				.orElseThrow(() -> new NotFoundException("user", filter.userId()));
		}
		else {
			people = this.directory.usersWithin(area.path(), AcademyPermissions.READ);
		}
		List<Published> courses = published(filter.courseId());
		// whoever studied last comes first, then those who never did, by name
		List<RecordView> all = new ArrayList<>(describe(people, courses));
		all.sort(Comparator.comparing(RecordView::lastStudiedAt, Comparator.nullsLast(Comparator.reverseOrder())));
		int from = (int) Math.min(all.size(), page.getOffset());
		int to = Math.min(all.size(), from + page.getPageSize());
		return new PageResponse<>(List.copyOf(all.subList(from, to)), all.size(), page.getPageNumber() + 1,
				page.getPageSize());
	}

	private List<RecordView> describe(List<Directory.Member> people, List<Published> courses) {
		if (people.isEmpty()) {
			return List.of();
		}
		List<Long> ids = people.stream().map(Directory.Member::id).toList();
		Map<Long, Set<String>> roles = this.directory.roleCodes(ids);
		Map<Long, Map<Long, Progress>> progress = new HashMap<>();
		Map<Long, Set<Long>> passed = new HashMap<>();
		// one array parameter, however many people a city holds
		MapSqlParameterSource params = new MapSqlParameterSource("users",
				ids.stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(",")));
		this.jdbc.query(
				"select user_id, course_id, percent, completed_at, updated_at from academy_progress"
						+ " where user_id = any(cast(string_to_array(:users, ',') as bigint[]))",
				params, (RowCallbackHandler) rs -> {
					java.sql.Timestamp done = rs.getTimestamp("completed_at");
					progress.computeIfAbsent(rs.getLong("user_id"), u -> new HashMap<>())
						.put(rs.getLong("course_id"), new Progress(rs.getBigDecimal("percent"),
								done == null ? null : done.toInstant(), rs.getTimestamp("updated_at").toInstant()));
				});
		this.jdbc.query("""
				select distinct a.user_id, q.course_id from academy_attempt a join academy_quiz q on q.id = a.quiz_id
				where a.user_id = any(cast(string_to_array(:users, ',') as bigint[])) and a.passed""", params,
				(RowCallbackHandler) rs -> passed.computeIfAbsent(rs.getLong("user_id"), u -> new java.util.HashSet<>())
					.add(rs.getLong("course_id")));
		List<RecordView> items = new ArrayList<>();
		for (Directory.Member person : people) {
			Set<String> own = roles.getOrDefault(person.id(), Set.of());
			Map<Long, Progress> mine = progress.getOrDefault(person.id(), Map.of());
			Set<Long> passes = passed.getOrDefault(person.id(), Set.of());
			List<CourseRecord> rows = new ArrayList<>();
			int requiredTotal = 0;
			int requiredDone = 0;
			int completed = 0;
			BigDecimal points = BigDecimal.ZERO;
			Instant last = null;
			for (Published course : courses) {
				if (!reaches(course.path(), person.scopePath())) {
					continue;
				}
				boolean required = course.roles().stream().anyMatch(own::contains);
				Progress p = mine.get(course.id());
				boolean quizPassed = passes.contains(course.id());
				if (required) {
					requiredTotal++;
				}
				if (p != null && p.completedAt() != null) {
					completed++;
					requiredDone += required ? 1 : 0;
					points = points.add(course.points());
				}
				if (quizPassed) {
					points = points.add(course.quizPoints());
				}
				if (p != null && (last == null || p.updatedAt().isAfter(last))) {
					last = p.updatedAt();
				}
				if (required || p != null) {
					rows.add(new CourseRecord(course.id(), course.title(), required,
							p == null ? BigDecimal.ZERO : p.percent(), p == null ? null : p.completedAt(), quizPassed));
				}
			}
			items.add(new RecordView(person.id(), person.name(), person.scopeRegionId(), person.scopePath(),
					own.stream().sorted().toList(), requiredTotal, requiredDone, completed,
					(int) passes.stream().filter(id -> courses.stream().anyMatch(c -> c.id() == id)).count(), points,
					last, rows));
		}
		return items;
	}

	/** A course made at {@code coursePath} reaches people at, above and below it. */
	private static boolean reaches(String coursePath, String personPath) {
		DataScope course = new DataScope(0, coursePath);
		return course.covers(personPath) || course.isUnder(personPath);
	}

	private List<Published> published(Long courseId) {
		MapSqlParameterSource params = new MapSqlParameterSource("course", courseId);
		List<Published> courses = this.jdbc.query("""
				select c.id, c.title, c.region_path, c.required_roles, c.points, coalesce(q.points, 0) as quiz_points
				from academy_course c left join academy_quiz q on q.course_id = c.id
				where c.published and (cast(:course as bigint) is null or c.id = :course)
				order by c.id""", params,
				(rs, n) -> new Published(rs.getLong("id"), rs.getString("title"), rs.getString("region_path"),
						List.of((String[]) rs.getArray("required_roles").getArray()), rs.getBigDecimal("points"),
						rs.getBigDecimal("quiz_points")));
		if (courseId != null && courses.isEmpty()) {
			throw new NotFoundException("course", courseId);
		}
		return courses.stream().sorted(Comparator.comparingLong(Published::id)).toList();
	}

	private DataScope area(Long regionId, ScopedPrincipal caller) {
		if (regionId == null) {
			return caller.scope();
		}
		RegionSummary region = this.regions.find(regionId)
			.filter(r -> caller.scope().covers(r.path()))
			.orElseThrow(() -> new NotFoundException("region", regionId));
		return new DataScope(region.id(), region.path());
	}

}
