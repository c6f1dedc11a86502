package org.govgrid.dispatch;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.govgrid.event.EventDispatch;
import org.govgrid.event.EventDispatch.Assignment;
import org.govgrid.event.EventDispatch.BoardFilter;
import org.govgrid.event.EventDispatch.BoardRow;
import org.govgrid.platform.CurrentUser;
import org.govgrid.platform.PageQuery;
import org.govgrid.platform.PageResponse;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The board of collaborative events and batch assignment. */
@RestController
@RequestMapping("/api/v1/dispatch")
class DispatchController {

	private final EventDispatch events;

	DispatchController(EventDispatch events) {
		this.events = events;
	}

	@GetMapping("/collaborative-events")
	@PreAuthorize("hasAuthority('dispatch:board:read')")
	PageResponse<BoardRow> board(@RequestParam(required = false) List<String> status,
			@RequestParam(required = false) String source, @RequestParam(required = false) String flag,
			@RequestParam(required = false) String keyword,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size,
			@RequestParam(required = false) String sort) {
		return this.events.board(new BoardFilter(status, source, flag, keyword, from, to), new PageQuery(page, size),
				sort, CurrentUser.require());
	}

	/** 统一任务分派: all the events go, or none does. */
	@PostMapping("/assignments")
	@PreAuthorize("hasAuthority('event:case:dispatch')")
	Map<String, Object> assign(@RequestBody Assignment assignment) {
		this.events.assignAll(assignment, CurrentUser.require());
		return Map.of("assigned", assignment.eventIds().size(), "eventIds", assignment.eventIds());
	}

}
