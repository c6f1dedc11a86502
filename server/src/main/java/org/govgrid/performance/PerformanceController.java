package org.govgrid.performance;

import java.util.List;

import org.govgrid.platform.CurrentUser;
import org.govgrid.platform.FieldErrors;
import org.govgrid.platform.PageQuery;
import org.govgrid.platform.ScopedPrincipal;
import org.govgrid.region.RegionSummary;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Point rules, rankings and ledgers (标准 7.2.8). Query parameters are read as text so that
 * one 400 names every bad one.
 */
@RestController
class PerformanceController {

	private final PointRules rules;

	private final Rankings rankings;

	PerformanceController(PointRules rules, Rankings rankings) {
		this.rules = rules;
		this.rankings = rankings;
	}

	@GetMapping("/api/v1/point-rules")
	@PreAuthorize("hasAnyAuthority('performance:ranking:read', 'performance:rule:write')")
	List<PointRules.RuleView> rules() {
		return this.rules.list();
	}

	@PutMapping("/api/v1/point-rules/{code}")
	@PreAuthorize("hasAuthority('performance:rule:write')")
	PointRules.RuleView change(@PathVariable String code, @RequestBody(required = false) PointRules.RuleChange change) {
		return this.rules.change(code, change, CurrentUser.require());
	}

	@GetMapping("/api/v1/rankings/workers")
	@PreAuthorize("hasAuthority('performance:ranking:read')")
	Rankings.WorkerRanking workers(@RequestParam(required = false) String period,
			@RequestParam(required = false) String regionId, @RequestParam(required = false) String page,
			@RequestParam(required = false) String size) {
		Query query = Query.parse(period, regionId, page, size, this.rankings);
		return this.rankings.workers(query.period(), query.area(CurrentUser.require(), this.rankings), query.page(),
				query.size());
	}

	@GetMapping("/api/v1/rankings/grids")
	@PreAuthorize("hasAuthority('performance:ranking:read')")
	Rankings.GridRanking grids(@RequestParam(required = false) String period,
			@RequestParam(required = false) String regionId, @RequestParam(required = false) String page,
			@RequestParam(required = false) String size) {
		Query query = Query.parse(period, regionId, page, size, this.rankings);
		return this.rankings.grids(query.period(), query.area(CurrentUser.require(), this.rankings), query.page(),
				query.size());
	}

	@GetMapping("/api/v1/points/me")
	@PreAuthorize("hasAuthority('performance:ranking:read')")
	Rankings.Mine mine() {
		return this.rankings.mine(CurrentUser.require());
	}

	@GetMapping("/api/v1/points/{userId}")
	@PreAuthorize("hasAuthority('performance:ranking:read')")
	Rankings.Ledger ledger(@PathVariable long userId, @RequestParam(required = false) String period,
			@RequestParam(required = false) String page, @RequestParam(required = false) String size) {
		Query query = Query.parse(period, null, page, size, this.rankings);
		return this.rankings.ledger(userId, query.period(), query.page(), query.size(), CurrentUser.require());
	}

	/** The common parameters, every bad one named at once. */
	record Query(Period period, Long regionId, int page, int size) {

		static final int DEFAULT_SIZE = 50;

		static Query parse(String period, String regionId, String page, String size, Rankings rankings) {
			FieldErrors errors = new FieldErrors();
			Period parsed = Period.parse(period, "period", rankings.today(), errors);
			Long region = null;
			if (regionId != null && !regionId.isBlank()) {
				try {
					region = Long.valueOf(regionId.strip());
				}
				catch (NumberFormatException ex) {
					errors.add("regionId", "a region id / 区域编号应为数字");
				}
			}
			int p = number(page, "page", 1, 1, Integer.MAX_VALUE, "must be ≥ 1 / 页码须 ≥ 1", errors);
			int s = number(size, "size", DEFAULT_SIZE, 1, PageQuery.MAX_SIZE,
					"must be between 1 and 200 / 每页条数须在 1–200 之间", errors);
			errors.throwIfAny();
			return new Query(parsed, region, p, s);
		}

		RegionSummary area(ScopedPrincipal caller, Rankings rankings) {
			return rankings.area(this.regionId, caller);
		}

		private static int number(String value, String field, int fallback, int min, int max, String message,
				FieldErrors errors) {
			if (value == null || value.isBlank()) {
				return fallback;
			}
			try {
				int n = Integer.parseInt(value.strip());
				if (n >= min && n <= max) {
					return n;
				}
			}
			catch (NumberFormatException ex) {
				// named below
			}
			errors.add(field, message);
			return fallback;
		}

	}

}
