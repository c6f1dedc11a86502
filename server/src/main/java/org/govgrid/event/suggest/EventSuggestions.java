package org.govgrid.event.suggest;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.govgrid.event.suggest.KeywordRules.Leaf;
import org.govgrid.identity.Directory;
import org.govgrid.platform.FieldErrors;
import org.govgrid.platform.ScopeFilter;
import org.govgrid.platform.ScopedPrincipal;
import org.govgrid.region.RegionLevel;
import org.govgrid.region.RegionService;
import org.govgrid.region.RegionSummary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 智能分拨: the likeliest 小类 and handling units for a report's text, learnt from the closed
 * events ({@link ClosedEventIndex}) and the keyword rules. Units are only those the
 * caller's report could be routed to: the grid at the point (when it lies in the caller's
 * scope) with its community and town centre, else the units in and above the caller's
 * scope, and the departments serving that area. Nothing is written.
 */
@Service
class EventSuggestions {

	static final int MAX_DESCRIPTION = 2000;

	static final int MAX_TITLE = 200;

	/** Neighbours asked for each vote. */
	static final int NEIGHBOURS = 25;

	static final int TOP = 3;

	private final ClosedEventIndex index;

	private final KeywordRules keywords;

	private final RegionService regions;

	private final Directory directory;

	private final JdbcClient jdbc;

	EventSuggestions(ClosedEventIndex index, KeywordRules keywords, RegionService regions, Directory directory,
			JdbcClient jdbc) {
		this.index = index;
		this.keywords = keywords;
		this.regions = regions;
		this.directory = directory;
		this.jdbc = jdbc;
	}

	record SuggestCommand(String description, String title, Double lon, Double lat) {
	}

	record Suggestion(List<CategorySuggestion> categories, List<UnitSuggestion> units) {
	}

	record CategorySuggestion(String code, String name, String parentCode, double score) {
	}

	record UnitSuggestion(String kind, long id, String name, double score) {
	}

	@Transactional(readOnly = true)
	Suggestion suggest(SuggestCommand command, ScopedPrincipal caller) {
		validate(command);
		String text = ClosedEventLearning.text(command.title(), command.description());
		int history = this.index.size();
		Map<String, Leaf> leaves = this.keywords.leaves();
		Map<String, Double> learnt = SuggestionScores
			.votes(this.index.nearest(text, ClosedEventIndex.CATEGORY, null, NEIGHBOURS));
		Map<String, Double> matched = SuggestionScores.keywords(text, this.keywords.all(),
				leaves.values().stream().collect(Collectors.toMap(Leaf::code, Leaf::name)));
		Map<String, Double> categories = SuggestionScores.blend(learnt, matched, history);
		categories.keySet().retainAll(leaves.keySet());
		List<CategorySuggestion> topCategories = SuggestionScores.top(categories, TOP).entrySet().stream().map(e -> {
			Leaf leaf = leaves.get(e.getKey());
			return new CategorySuggestion(leaf.code(), leaf.name(), leaf.parentCode(), e.getValue());
		}).toList();
		Map<String, Double> units = SuggestionScores
			.votes(this.index.nearest(text, ClosedEventIndex.UNIT, reachableUnits(command, caller), NEIGHBOURS));
		return new Suggestion(topCategories, unitViews(SuggestionScores.top(units, TOP)));
	}

	private static void validate(SuggestCommand command) {
		FieldErrors errors = new FieldErrors();
		if (command == null) {
			errors.add("description", "a description is required / 请填写事件描述").throwIfAny();
		}
		if (command.description() == null || command.description().isBlank()) {
			errors.add("description", "a description is required / 请填写事件描述");
		}
		else if (command.description().length() > MAX_DESCRIPTION) {
			errors.add("description", "at most 2000 characters / 描述最多2000个字");
		}
		if (command.title() != null && command.title().length() > MAX_TITLE) {
			errors.add("title", "at most 200 characters / 标题最多200个字");
		}
		if ((command.lon() == null) != (command.lat() == null)) {
			errors.add(command.lon() == null ? "lon" : "lat", "give both lon and lat, or neither / 经纬度须同时提供");
		}
		if (command.lon() != null && !(command.lon() >= -180 && command.lon() <= 180)) {
			errors.add("lon", "between -180 and 180 / 经度须在-180到180之间");
		}
		if (command.lat() != null && !(command.lat() >= -90 && command.lat() <= 90)) {
			errors.add("lat", "between -90 and 90 / 纬度须在-90到90之间");
		}
		errors.throwIfAny();
	}

	/**
	 * The unit keys a report of the caller could go to (null: any, for the system scope
	 * without a point). A point outside every grid or outside the scope is not used (and
	 * not revealed): the scope decides then.
	 */
	private Set<String> reachableUnits(SuggestCommand command, ScopedPrincipal caller) {
		String scopePath = caller.scope().path();
		Optional<RegionSummary> grid = command.lon() == null ? Optional.empty()
				: this.regions.gridAt(command.lon(), command.lat()).filter(g -> caller.scope().covers(g.path()));
		if (grid.isEmpty() && scopePath.isEmpty()) {
			return null;
		}
		String area = grid.map(RegionSummary::path).orElse(scopePath);
		Set<String> keys = new HashSet<>();
		this.directory.departmentsServing(area)
			.forEach(d -> keys.add(ClosedEventLearning.unitKey("DEPARTMENT", d.id())));
		for (RegionSummary region : this.regions.lineage(area)) {
			add(keys, region.level(), region.id());
		}
		if (grid.isEmpty()) {
			// the units below the caller's scope: its communities and grids
			ScopeFilter inScope = ScopeFilter.of(caller.scope(), "path");
			this.jdbc.sql("select id, level from region where " + inScope.sql() + " and level in ('COMMUNITY', 'GRID')")
				.params(inScope.parameters())
				.query(rs -> {
					add(keys, RegionLevel.valueOf(rs.getString("level")), rs.getLong("id"));
				});
		}
		return keys;
	}

	private static void add(Set<String> keys, RegionLevel level, long id) {
		switch (level) {
			case GRID -> keys.add(ClosedEventLearning.unitKey("GRID", id));
			case COMMUNITY -> keys.add(ClosedEventLearning.unitKey("COMMUNITY", id));
			case TOWN -> keys.add(ClosedEventLearning.unitKey("TOWN_CENTRE", id));
			default -> {
			}
		}
	}

	private List<UnitSuggestion> unitViews(Map<String, Double> top) {
		Set<Long> regionIds = new HashSet<>();
		Set<Long> departmentIds = new HashSet<>();
		top.keySet().forEach(key -> {
			String[] parts = key.split(":");
			(parts[0].equals("DEPARTMENT") ? departmentIds : regionIds).add(Long.parseLong(parts[1]));
		});
		Map<Long, String> regionNames = this.regions.namesOf(regionIds);
		Map<Long, String> departmentNames = this.directory.departmentNames(departmentIds);
		return top.entrySet().stream().map(e -> {
			String[] parts = e.getKey().split(":");
			long id = Long.parseLong(parts[1]);
			String name = switch (parts[0]) {
				case "DEPARTMENT" -> departmentNames.get(id);
				case "TOWN_CENTRE" -> regionNames.get(id) == null ? null : regionNames.get(id) + "指挥中心";
				default -> regionNames.get(id);
			};
			return new UnitSuggestion(parts[0], id, name, e.getValue());
		}).toList();
	}

}
