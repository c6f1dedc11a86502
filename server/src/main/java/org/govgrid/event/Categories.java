package org.govgrid.event;

import java.util.Optional;

import org.govgrid.event.model.EventLevel;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Reads one category with what a report takes from it. */
@Component
class Categories {

	private final JdbcTemplate jdbc;

	Categories(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** An enabled 小类 (reports are filed under a 小类, never a 大类). */
	Optional<Category> leaf(String code) {
		return this.jdbc
			.query("""
					select c.code, c.parent_code, c.name, c.default_level, c.acceptance_minutes, c.disposal_minutes
					from event_category c
					where c.code = ? and c.enabled and c.parent_code is not null
					  and not exists (select 1 from event_category child where child.parent_code = c.code)""",
					(rs, n) -> new Category(rs.getString("code"), rs.getString("parent_code"), rs.getString("name"),
							EventLevel.valueOf(rs.getString("default_level")), rs.getInt("acceptance_minutes"),
							rs.getInt("disposal_minutes")),
					code)
			.stream()
			.findFirst();
	}

	record Category(String code, String parentCode, String name, EventLevel defaultLevel, int acceptanceMinutes,
			int disposalMinutes) {
	}

}
