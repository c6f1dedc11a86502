package org.govgrid.identity;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.govgrid.platform.IdentifierProtection;
import org.govgrid.platform.ScopeFilter;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who is who, for other modules: names of users and departments, the departments of a
 * place, the members of a department and the active users who may act at a region. Reads
 * regardless of the caller's scope; callers apply their own.
 */
@Service
@Transactional(readOnly = true)
public class Directory {

	private final NamedParameterJdbcTemplate jdbc;

	private final IdentifierProtection protection;

	Directory(NamedParameterJdbcTemplate jdbc, IdentifierProtection protection) {
		this.jdbc = jdbc;
		this.protection = protection;
	}

	public Map<Long, String> userNames(Collection<Long> ids) {
		return names("select id, display_name as name from app_user where id in (:ids)", ids);
	}

	/** Phone numbers of the users who have one, for text messages; never log them. */
	public Map<Long, String> phones(Collection<Long> ids) {
		Map<Long, String> phones = new java.util.LinkedHashMap<>();
		names("select id, phone as name from app_user where id in (:ids) and phone is not null and status = 'ACTIVE'",
				ids)
			.forEach((id, stored) -> phones.put(id,
					IdentifierProtection.isSealedText(stored) ? this.protection.openText(stored) : stored));
		return phones;
	}

	public Map<Long, String> departmentNames(Collection<Long> ids) {
		return names("select id, name from department where id in (:ids)", ids);
	}

	public Optional<Member> user(long id) {
		return this.jdbc
			.query(MEMBER_SELECT + " where u.id = :id", new MapSqlParameterSource("id", id), Directory::member)
			.stream()
			.findFirst();
	}

	public Optional<DepartmentSummary> department(long id) {
		return this.jdbc
			.query("select id, code, name, region_id, region_path from department where id = :id",
					new MapSqlParameterSource("id", id), Directory::department)
			.stream()
			.findFirst();
	}

	/**
	 * Departments placed at {@code path} or above it (a town's own departments and the
	 * district's), nearest first.
	 */
	public List<DepartmentSummary> departmentsServing(String path) {
		return this.jdbc.query("""
				select id, code, name, region_id, region_path from department
				where :path = region_path or :path like region_path || '/%'
				order by length(region_path) desc, code""", new MapSqlParameterSource("path", path),
				Directory::department);
	}

	/** Active members of departments, by department. */
	public List<Member> departmentMembers(Collection<Long> departmentIds) {
		if (departmentIds.isEmpty()) {
			return List.of();
		}
		return this.jdbc.query(
				MEMBER_SELECT + " where u.department_id in (:ids) and u.status = 'ACTIVE' order by u.display_name",
				new MapSqlParameterSource("ids", departmentIds), Directory::member);
	}

	/** Active users whose scope is exactly this region and who hold the permission. */
	public Set<Long> usersAt(long regionId, String permission) {
		return new LinkedHashSet<>(this.jdbc.queryForList("""
				select distinct u.id from app_user u
				join user_role ur on ur.user_id = u.id
				join role_permission rp on rp.role_id = ur.role_id
				where u.scope_region_id = :region and rp.permission_code = :permission and u.status = 'ACTIVE'
				order by u.id""", new MapSqlParameterSource("region", regionId).addValue("permission", permission),
				Long.class));
	}

	/** Active users working at or under {@code path} who hold the permission, by name. */
	public List<Member> usersWithin(String path, String permission) {
		MapSqlParameterSource params = new MapSqlParameterSource();
		return this.jdbc.query(MEMBER_SELECT + """
				 where u.status = 'ACTIVE' and %s
				   and exists (select 1 from user_role ur join role_permission rp on rp.role_id = ur.role_id
				               where ur.user_id = u.id and rp.permission_code = :permission)
				order by u.display_name, u.id""".formatted(ScopeFilter.at(path, "u.scope_path", "area").addTo(params)),
				params.addValue("permission", permission), Directory::member);
	}

	/** The codes of the user's roles. */
	public Set<String> roleCodes(long userId) {
		return roleCodes(List.of(userId)).getOrDefault(userId, Set.of());
	}

	/** The codes of each user's roles (users without roles are left out). */
	public Map<Long, Set<String>> roleCodes(Collection<Long> userIds) {
		Map<Long, Set<String>> roles = new HashMap<>();
		if (!userIds.isEmpty()) {
			this.jdbc.query("""
					select ur.user_id, r.code from user_role ur join role r on r.id = ur.role_id
					where ur.user_id = any(cast(string_to_array(:ids, ',') as bigint[]))""",
					new MapSqlParameterSource("ids",
							userIds.stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(","))),
					(RowCallbackHandler) rs -> roles.computeIfAbsent(rs.getLong("user_id"), id -> new LinkedHashSet<>())
						.add(rs.getString("code")));
		}
		return roles;
	}

	/** Whether the user is active and one of their roles grants the permission. */
	public boolean holds(long userId, String permission) {
		return Boolean.TRUE.equals(this.jdbc.queryForObject("""
				select exists (select 1 from app_user u
				    join user_role ur on ur.user_id = u.id
				    join role_permission rp on rp.role_id = ur.role_id
				    where u.id = :user and rp.permission_code = :permission and u.status = 'ACTIVE')""",
				new MapSqlParameterSource("user", userId).addValue("permission", permission), Boolean.class));
	}

	private Map<Long, String> names(String sql, Collection<Long> ids) {
		Map<Long, String> names = new HashMap<>();
		if (!ids.isEmpty()) {
			this.jdbc.query(sql, new MapSqlParameterSource("ids", Set.copyOf(ids)),
					(RowCallbackHandler) rs -> names.put(rs.getLong("id"), rs.getString("name")));
		}
		return names;
	}

	private static final String MEMBER_SELECT = """
			select u.id, u.display_name, u.department_id, u.scope_region_id, u.scope_path, u.status = 'ACTIVE' as active
			from app_user u""";

	private static Member member(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
		return new Member(rs.getLong("id"), rs.getString("display_name"), rs.getObject("department_id", Long.class),
				rs.getLong("scope_region_id"), rs.getString("scope_path"), rs.getBoolean("active"));
	}

	private static DepartmentSummary department(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
		return new DepartmentSummary(rs.getLong("id"), rs.getString("code"), rs.getString("name"),
				rs.getLong("region_id"), rs.getString("region_path"));
	}

	/** A user as other modules see them. */
	public record Member(long id, String name, Long departmentId, long scopeRegionId, String scopePath,
			boolean active) {
	}

	/** A department as other modules see it. */
	public record DepartmentSummary(long id, String code, String name, long regionId, String regionPath) {
	}

}
