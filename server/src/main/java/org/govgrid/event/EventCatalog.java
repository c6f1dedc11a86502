package org.govgrid.event;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/** The category tree as other modules read it: names and each 小类's 大类. */
@Service
public class EventCatalog {

	private final JdbcTemplate jdbc;

	EventCatalog(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** Every category, disabled ones too (old events keep them), in display order. */
	public Map<String, CategoryName> categories() {
		Map<String, CategoryName> categories = new LinkedHashMap<>();
		this.jdbc.query("""
				select c.code, c.name, c.parent_code from event_category c
				left join event_category p on p.code = c.parent_code
				order by coalesce(p.sort_order, c.sort_order), c.parent_code nulls first, c.sort_order""", rs -> {
			categories.put(rs.getString("code"),
					new CategoryName(rs.getString("code"), rs.getString("name"), rs.getString("parent_code")));
		});
		return categories;
	}

	/** A category's name and, for a 小类, its 大类. */
	public record CategoryName(String code, String name, String parentCode) {

		/** The 大类 this category falls under (itself for a 大类). */
		public String topCode() {
			return this.parentCode == null ? this.code : this.parentCode;
		}

	}

}
