package org.govgrid.hotline;

import java.time.LocalDate;
import java.util.List;

import org.govgrid.platform.CurrentUser;
import org.govgrid.platform.PageQuery;
import org.govgrid.platform.PageResponse;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** 12345 work orders, their extensions and return calls, and the working-day calendar. */
@RestController
@RequestMapping("/api/v1/hotline")
class HotlineController {

	private final OrderIntake intake;

	private final Orders orders;

	private final OrderWork work;

	private final WorkingCalendar calendar;

	HotlineController(OrderIntake intake, Orders orders, OrderWork work, WorkingCalendar calendar) {
		this.intake = intake;
		this.orders = orders;
		this.work = work;
		this.calendar = calendar;
	}

	/** 201 for a new order, 200 with the same order for a number already taken in. */
	@PostMapping("/orders")
	@PreAuthorize("hasAuthority('hotline:order:write')")
	ResponseEntity<OrderView> create(@RequestBody OrderCommand command) {
		OrderIntake.Outcome outcome = this.intake.take(command, CurrentUser.require());
		return ResponseEntity.status(outcome.created() ? HttpStatus.CREATED : HttpStatus.OK).body(outcome.order());
	}

	@GetMapping("/orders")
	@PreAuthorize("hasAuthority('hotline:order:read')")
	PageResponse<OrderView> list(@RequestParam(required = false) String status,
			@RequestParam(required = false) String appealType, @RequestParam(required = false) Boolean overdue,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(required = false) String keyword, @RequestParam(required = false) List<Long> eventId,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
		return this.orders.list(new Orders.Filter(status, appealType, overdue, from, to, keyword, eventId),
				new PageQuery(page, size), CurrentUser.require());
	}

	@GetMapping("/orders/{id}")
	@PreAuthorize("hasAuthority('hotline:order:read')")
	OrderView get(@PathVariable long id) {
		return this.orders.view(id, CurrentUser.require());
	}

	@PostMapping("/orders/{id}/extensions")
	@ResponseStatus(HttpStatus.CREATED)
	@PreAuthorize("hasAuthority('hotline:extension:request')")
	ExtensionView requestExtension(@PathVariable long id, @RequestBody OrderWork.ExtensionCommand command) {
		return this.work.requestExtension(id, command, CurrentUser.require());
	}

	@PostMapping("/extensions/{id}/approve")
	@PreAuthorize("hasAuthority('hotline:extension:approve')")
	ExtensionView approve(@PathVariable long id, @RequestBody(required = false) OrderWork.DecisionCommand command) {
		return this.work.decide(id, true, command, CurrentUser.require());
	}

	@PostMapping("/extensions/{id}/refuse")
	@PreAuthorize("hasAuthority('hotline:extension:approve')")
	ExtensionView refuse(@PathVariable long id, @RequestBody(required = false) OrderWork.DecisionCommand command) {
		return this.work.decide(id, false, command, CurrentUser.require());
	}

	@PostMapping("/orders/{id}/return-visit")
	@PreAuthorize("hasAuthority('hotline:order:write')")
	OrderView returnVisit(@PathVariable long id, @RequestBody OrderWork.VisitCommand command) {
		return this.work.returnVisit(id, command, CurrentUser.require());
	}

	@GetMapping("/calendar")
	@PreAuthorize("hasAuthority('hotline:order:read')")
	List<WorkingCalendar.Day> calendar(@RequestParam(required = false) Integer year) {
		return this.calendar.year(year);
	}

	/** {@code date} is read as text so that a bad one is a 400 naming it. */
	@PutMapping("/calendar/{date}")
	@PreAuthorize("hasAuthority('hotline:calendar:write')")
	WorkingCalendar.Day setDay(@PathVariable String date, @RequestBody WorkingCalendar.DayCommand command) {
		return this.calendar.set(date, command, CurrentUser.require());
	}

}
