package org.govgrid.event;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.govgrid.event.model.EventLevel;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The two-level category tree (大类/小类) with each category's default level and time limits;
 * categories are city-wide reference data, the same for every scope.
 */
@RestController
class EventCategoryController {

	private final JdbcTemplate jdbc;

	EventCategoryController(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	@GetMapping("/api/v1/event-categories")
	@PreAuthorize("hasAuthority('event:category:read')")
	List<CategoryNode> tree() {
		Map<String, CategoryNode> byCode = new LinkedHashMap<>();
		List<CategoryNode> roots = new ArrayList<>();
		this.jdbc.query("""
				select code, parent_code, name, default_level, acceptance_minutes, disposal_minutes from event_category
				where enabled order by parent_code nulls first, sort_order""", rs -> {
			CategoryNode node = new CategoryNode(rs.getString("code"), rs.getString("name"),
					EventLevel.valueOf(rs.getString("default_level")), rs.getInt("acceptance_minutes") / 60.0,
					rs.getInt("disposal_minutes") / 60.0, new ArrayList<>());
			byCode.put(node.code(), node);
			CategoryNode parent = byCode.get(rs.getString("parent_code"));
			if (parent == null) {
				roots.add(node);
			}
			else {
				parent.children().add(node);
			}
		});
		return roots;
	}

	record CategoryNode(String code, String name, EventLevel defaultLevel, double acceptanceHours, double disposalHours,
			List<CategoryNode> children) {
	}

}
