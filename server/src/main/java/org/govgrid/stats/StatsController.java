package org.govgrid.stats;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.govgrid.platform.CurrentUser;
import org.govgrid.platform.FieldErrors;
import org.govgrid.platform.NotFoundException;
import org.govgrid.platform.ScopedPrincipal;
import org.govgrid.region.RegionService;
import org.govgrid.region.RegionSummary;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Statistics for the caller's area (标准 7.2.2b, 7.2.9). */
@RestController
class StatsController {

	/** About three years: the dashboard is for operations, not archaeology. */
	static final long MAX_DAYS = 1100;

	private final Dashboards dashboards;

	private final StatsQuery query;

	private final DashboardLayouts layouts;

	private final PersonnelReport personnel;

	private final org.govgrid.dispatch.TaskSummaries tasks;

	private final AssessmentReport assessment;

	private final RegionService regions;

	private final java.time.Clock clock;

	StatsController(Dashboards dashboards, StatsQuery query, DashboardLayouts layouts, PersonnelReport personnel,
			org.govgrid.dispatch.TaskSummaries tasks, AssessmentReport assessment, RegionService regions,
			java.time.Clock clock) {
		this.assessment = assessment;
		this.personnel = personnel;
		this.tasks = tasks;
		this.dashboards = dashboards;
		this.query = query;
		this.layouts = layouts;
		this.regions = regions;
		this.clock = clock;
	}

	/**
	 * {@code from}/{@code to}: local dates, both included; by default this year up to
	 * today.
	 */
	@GetMapping("/api/v1/stats/dashboard")
	@PreAuthorize("hasAuthority('stats:dashboard:read')")
	Dashboards.Dashboard dashboard(@RequestParam(required = false) Long regionId,
			@RequestParam(required = false) String from, @RequestParam(required = false) String to) {
		ScopedPrincipal caller = CurrentUser.require();
		FieldErrors errors = new FieldErrors();
		Range range = Range.parse(from, to, LocalDate.now(this.clock.withZone(EventFact.LOCAL)), errors);
		errors.throwIfAny();
		RegionSummary region = area(regionId, caller);
		return this.dashboards.of(region, range.from(), range.to());
	}

	/**
	 * 多维度统计: {@code dimensions} (up to three of town, community, grid, category,
	 * topCategory, source, level, status, day, week, month), {@code measures} (count,
	 * closed, onTimeRate, avgHandlingHours, satisfaction, overdue), optional filters.
	 */
	@GetMapping("/api/v1/stats/query")
	@PreAuthorize("hasAuthority('stats:dashboard:read')")
	StatsQuery.Result query(@RequestParam(required = false) Long regionId, @RequestParam(required = false) String from,
			@RequestParam(required = false) String to, @RequestParam(required = false) List<String> dimensions,
			@RequestParam(required = false) List<String> measures, @RequestParam(required = false) String categoryCode,
			@RequestParam(required = false) String level, @RequestParam(required = false) String source,
			@RequestParam(required = false) String status) {
		ScopedPrincipal caller = CurrentUser.require();
		FieldErrors errors = new FieldErrors();
		Range range = Range.parse(from, to, LocalDate.now(this.clock.withZone(EventFact.LOCAL)), errors);
		java.util.Map<String, String> filters = new java.util.HashMap<>();
		filters.put("categoryCode", categoryCode);
		filters.put("level", level);
		filters.put("source", source);
		filters.put("status", status);
		StatsQuery.Request request = StatsQuery.request(dimensions, measures, filters, errors);
		errors.throwIfAny();
		return this.query.run(area(regionId, caller), range.from(), range.to(), request);
	}

	/** 人员统计: what each grid worker of the area did in the range. */
	@GetMapping("/api/v1/stats/personnel")
	@PreAuthorize("hasAuthority('stats:dashboard:read')")
	List<PersonnelReport.Row> personnel(@RequestParam(required = false) Long regionId,
			@RequestParam(required = false) String from, @RequestParam(required = false) String to) {
		ScopedPrincipal caller = CurrentUser.require();
		FieldErrors errors = new FieldErrors();
		Range range = Range.parse(from, to, LocalDate.now(this.clock.withZone(EventFact.LOCAL)), errors);
		errors.throwIfAny();
		return this.personnel.of(area(regionId, caller), range.from(), range.to());
	}

	@GetMapping("/api/v1/stats/personnel.xlsx")
	@PreAuthorize("hasAuthority('stats:dashboard:read')")
	org.springframework.http.ResponseEntity<org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody> personnelXlsx(
			@RequestParam(required = false) Long regionId, @RequestParam(required = false) String from,
			@RequestParam(required = false) String to) {
		List<PersonnelReport.Row> rows = personnel(regionId, from, to);
		return xlsx("personnel", "人员统计", List.of("姓名", "上报事件", "巡查次数", "巡查时长(小时)", "巡查里程(公里)", "采集记录", "采集通过"),
				rows.stream()
					.map(r -> List.<Object>of(r.name(), r.reports(), r.patrols(), r.patrolHours(), r.patrolKm(),
							r.records(), r.recordsApproved()))
					.toList());
	}

	@GetMapping("/api/v1/stats/query.xlsx")
	@PreAuthorize("hasAuthority('stats:dashboard:read')")
	org.springframework.http.ResponseEntity<org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody> queryXlsx(
			@RequestParam(required = false) Long regionId, @RequestParam(required = false) String from,
			@RequestParam(required = false) String to, @RequestParam(required = false) List<String> dimensions,
			@RequestParam(required = false) List<String> measures, @RequestParam(required = false) String categoryCode,
			@RequestParam(required = false) String level, @RequestParam(required = false) String source,
			@RequestParam(required = false) String status) {
		StatsQuery.Result result = query(regionId, from, to, dimensions, measures, categoryCode, level, source, status);
		List<String> header = new java.util.ArrayList<>(result.dimensions());
		header.addAll(result.measures());
		List<List<Object>> rows = result.rows().stream().map(row -> {
			List<Object> cells = new java.util.ArrayList<>();
			row.keys().forEach(key -> cells.add(key.name()));
			result.measures().forEach(m -> cells.add(row.values().get(m)));
			return cells;
		}).toList();
		return xlsx("statistics", "多维统计", header, rows);
	}

	private static org.springframework.http.ResponseEntity<org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody> xlsx(
			String file, String sheet, List<String> header, List<List<Object>> rows) {
		return org.springframework.http.ResponseEntity.ok()
			.contentType(org.springframework.http.MediaType
				.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
			.header("Content-Disposition", "attachment; filename=\"" + file + "-" + LocalDate.now() + ".xlsx\"")
			.body(out -> Xlsx.write(out, sheet, header, rows));
	}

	/** 任务统计: tasks given in the area in the range, per assignee. */
	@GetMapping("/api/v1/stats/tasks")
	@PreAuthorize("hasAuthority('stats:dashboard:read')")
	List<org.govgrid.dispatch.TaskSummaries.Totals> tasks(@RequestParam(required = false) Long regionId,
			@RequestParam(required = false) String from, @RequestParam(required = false) String to) {
		ScopedPrincipal caller = CurrentUser.require();
		FieldErrors errors = new FieldErrors();
		Range range = Range.parse(from, to, LocalDate.now(this.clock.withZone(EventFact.LOCAL)), errors);
		errors.throwIfAny();
		RegionSummary region = area(regionId, caller);
		return this.tasks.byAssignee(region.path(), range.from().atStartOfDay(EventFact.LOCAL).toInstant(),
				range.to().plusDays(1).atStartOfDay(EventFact.LOCAL).toInstant(), this.clock.instant());
	}

	@GetMapping("/api/v1/stats/tasks.xlsx")
	@PreAuthorize("hasAuthority('stats:dashboard:read')")
	org.springframework.http.ResponseEntity<org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody> tasksXlsx(
			@RequestParam(required = false) Long regionId, @RequestParam(required = false) String from,
			@RequestParam(required = false) String to) {
		return xlsx("tasks", "任务统计", List.of("承办人", "任务数", "已完成", "按期完成", "办理中", "已取消", "已超期"),
				tasks(regionId, from, to).stream()
					.map(t -> List.<Object>of(t.assigneeName(), t.tasks(), t.done(), t.doneOnTime(), t.open(),
							t.cancelled(), t.overdue()))
					.toList());
	}

	/**
	 * 考核统计: per grid, how its events went and how much its workers patrolled and
	 * collected.
	 */
	@GetMapping("/api/v1/stats/assessment")
	@PreAuthorize("hasAuthority('stats:dashboard:read')")
	List<AssessmentReport.Row> assessment(@RequestParam(required = false) Long regionId,
			@RequestParam(required = false) String from, @RequestParam(required = false) String to) {
		ScopedPrincipal caller = CurrentUser.require();
		FieldErrors errors = new FieldErrors();
		Range range = Range.parse(from, to, LocalDate.now(this.clock.withZone(EventFact.LOCAL)), errors);
		errors.throwIfAny();
		return this.assessment.of(area(regionId, caller), range.from(), range.to());
	}

	@GetMapping("/api/v1/stats/assessment.xlsx")
	@PreAuthorize("hasAuthority('stats:dashboard:read')")
	org.springframework.http.ResponseEntity<org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody> assessmentXlsx(
			@RequestParam(required = false) Long regionId, @RequestParam(required = false) String from,
			@RequestParam(required = false) String to) {
		return xlsx("assessment", "考核统计",
				List.of("网格", "上报事件", "已结案", "按期办结率", "平均办理时长(小时)", "满意度", "超期", "巡查次数", "巡查时长(小时)", "采集记录", "采集通过"),
				assessment(regionId, from, to).stream()
					.map(r -> java.util.Arrays.<Object>asList(r.gridName(), r.events(), r.closed(), r.onTimeRate(),
							r.avgHandlingHours(), r.satisfaction(), r.overdue(), r.patrols(), r.patrolHours(),
							r.records(), r.recordsApproved()))
					.toList());
	}

	/** The caller's own widget arrangement (the default until they save one). */
	@GetMapping("/api/v1/stats/dashboard-layout")
	@PreAuthorize("hasAuthority('stats:dashboard:read')")
	DashboardLayouts.Layout layout() {
		return this.layouts.of(CurrentUser.require().userId());
	}

	@PutMapping("/api/v1/stats/dashboard-layout")
	@PreAuthorize("hasAuthority('stats:dashboard:read')")
	DashboardLayouts.Layout saveLayout(@RequestBody DashboardLayouts.Layout layout) {
		return this.layouts.save(CurrentUser.require().userId(), layout);
	}

	@DeleteMapping("/api/v1/stats/dashboard-layout")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@PreAuthorize("hasAuthority('stats:dashboard:read')")
	void resetLayout() {
		this.layouts.reset(CurrentUser.require().userId());
	}

	/** The caller's own area by default; another area must lie inside it (else 404). */
	RegionSummary area(Long regionId, ScopedPrincipal caller) {
		long id = regionId != null ? regionId : caller.scope().regionId();
		return this.regions.find(id)
			.filter(r -> caller.scope().covers(r.path()))
			.orElseThrow(() -> new NotFoundException("region", id));
	}

	/** A range of local days, both ends included. */
	record Range(LocalDate from, LocalDate to) {

		/** Adds what is wrong to {@code errors}; the range is null then. */
		static Range parse(String from, String to, LocalDate today, FieldErrors errors) {
			LocalDate start = date(from, "from", today.withDayOfYear(1), errors);
			LocalDate end = date(to, "to", today, errors);
			if (start != null && end != null) {
				if (end.isBefore(start)) {
					errors.add("to", "not before from / 结束日期不能早于开始日期");
				}
				else if (ChronoUnit.DAYS.between(start, end) > MAX_DAYS) {
					errors.add("from", "at most about three years / 时间跨度不能超过三年");
				}
			}
			return start == null || end == null ? null : new Range(start, end);
		}

		private static LocalDate date(String value, String field, LocalDate fallback, FieldErrors errors) {
			if (value == null || value.isBlank()) {
				return fallback;
			}
			try {
				return LocalDate.parse(value.strip());
			}
			catch (DateTimeParseException ex) {
				errors.add(field, "a date like 2026-11-24 / 日期格式应为2026-11-24");
				return null;
			}
		}

	}

}
