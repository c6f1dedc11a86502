package org.govgrid.event.model;

import java.time.Duration;
import java.util.Objects;

/**
 * One routing rule (自动流转): which events it matches (category, region, level; a null
 * criterion matches anything), where they go, their time limits, whether they are
 * dispatched without a person, and a priority that breaks ties between equally specific
 * rules.
 *
 * @param categoryCode a 小类 code ({@code CSGL-01}) or a 大类 code ({@code CSGL}) or null
 * @param regionPath a region path prefix ({@code 320500/320505/320505006}) or null
 */
public record RoutingRule(long id, String categoryCode, String regionPath, EventLevel level, RouteTarget target,
		Duration acceptanceLimit, Duration disposalLimit, boolean autoDispatch, int priority) {

	public RoutingRule {
		Objects.requireNonNull(target, "target");
		Objects.requireNonNull(acceptanceLimit, "acceptanceLimit");
		Objects.requireNonNull(disposalLimit, "disposalLimit");
	}

	boolean matches(EventFacts facts) {
		boolean category = this.categoryCode == null || this.categoryCode.equals(facts.categoryCode())
				|| this.categoryCode.equals(facts.parentCategoryCode());
		boolean region = this.regionPath == null || facts.gridPath().equals(this.regionPath)
				|| facts.gridPath().startsWith(this.regionPath + "/");
		boolean level = this.level == null || this.level == facts.level();
		return category && region && level;
	}

	/**
	 * How specific the rule is, compared in this order: category (小类 beats 大类 beats any),
	 * then region depth, then level.
	 */
	int[] specificity(EventFacts facts) {
		int category = this.categoryCode == null ? 0 : this.categoryCode.equals(facts.categoryCode()) ? 2 : 1;
		int region = this.regionPath == null ? 0 : this.regionPath.split("/").length;
		int level = this.level == null ? 0 : 1;
		return new int[] { category, region, level, this.priority };
	}

	/** What the event is, as routing sees it. */
	public record EventFacts(String categoryCode, String parentCategoryCode, String gridPath, EventLevel level) {
	}

	/**
	 * Where a rule sends events: relative to the event's place, or a fixed department.
	 */
	public record RouteTarget(Kind kind, Long departmentId) {

		public RouteTarget {
			if ((kind == Kind.DEPARTMENT) != (departmentId != null)) {
				throw new IllegalArgumentException("a department target, and only that, names a department");
			}
		}

		public static RouteTarget department(long departmentId) {
			return new RouteTarget(Kind.DEPARTMENT, departmentId);
		}

		public static RouteTarget of(Kind kind) {
			return new RouteTarget(kind, null);
		}

		/** Kinds of target. */
		public enum Kind {

			/** The grid the event is in. */
			OWN_GRID,
			/** The community of that grid. */
			OWN_COMMUNITY,
			/** The command centre of that grid's town (the default queue). */
			TOWN_CENTRE,
			/** A functional department. */
			DEPARTMENT

		}

	}

}
