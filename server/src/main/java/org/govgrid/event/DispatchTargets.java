package org.govgrid.event;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.govgrid.identity.Directory;
import org.govgrid.platform.ScopedPrincipal;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The units a dispatcher can send events to from their scope: the departments serving it
 * (its own and those above) with their members, then its communities and grids with the
 * people working there.
 */
@Component
class DispatchTargets {

	private final Directory directory;

	private final NamedParameterJdbcTemplate jdbc;

	DispatchTargets(Directory directory, NamedParameterJdbcTemplate jdbc) {
		this.directory = directory;
		this.jdbc = jdbc;
	}

	@Transactional(readOnly = true)
	List<Target> of(ScopedPrincipal caller) {
		String path = caller.scope().path();
		List<Target> targets = new ArrayList<>();
		List<Directory.DepartmentSummary> departments = this.directory.departmentsServing(path);
		Map<Long, List<Person>> members = this.directory
			.departmentMembers(departments.stream().map(Directory.DepartmentSummary::id).toList())
			.stream()
			.collect(Collectors.groupingBy(Directory.Member::departmentId,
					Collectors.mapping(m -> new Person(m.id(), m.name()), Collectors.toList())));
		departments.forEach(
				d -> targets.add(new Target("DEPARTMENT", d.id(), d.name(), members.getOrDefault(d.id(), List.of()))));
		MapSqlParameterSource params = new MapSqlParameterSource("descendants", caller.scope().descendantsPattern());
		Map<Long, List<Person>> people = this.jdbc
			.query("""
					select u.id, u.display_name, u.scope_region_id from app_user u
					where u.status = 'ACTIVE' and u.department_id is null and u.scope_path like :descendants
					order by u.display_name""", params,
					(rs, n) -> new Object[] { rs.getLong("scope_region_id"),
							new Person(rs.getLong("id"), rs.getString("display_name")) })
			.stream()
			.collect(Collectors.groupingBy(row -> (Long) row[0],
					Collectors.mapping(row -> (Person) row[1], Collectors.toList())));
		this.jdbc.query("""
				select id, name, level from region where path like :descendants and level in ('COMMUNITY', 'GRID')
				order by path""", params, rs -> {
			long id = rs.getLong("id");
			targets
				.add(new Target(rs.getString("level"), id, rs.getString("name"), people.getOrDefault(id, List.of())));
		});
		return targets;
	}

	record Person(long id, String name) {
	}

	record Target(String kind, long id, String name, List<Person> members) {
	}

}
