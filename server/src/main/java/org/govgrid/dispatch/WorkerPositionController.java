package org.govgrid.dispatch;

import java.util.List;

import jakarta.servlet.http.HttpServletResponse;
import org.govgrid.dispatch.WorkerPositionBoard.Query;
import org.govgrid.dispatch.WorkerPositionBoard.WorkerPosition;
import org.govgrid.platform.CurrentUser;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** Live positions of the on-duty workers (在岗人员实时位置) on the dispatch board. */
@RestController
@RequestMapping("/api/v1/dispatch/worker-positions")
class WorkerPositionController {

	static final String FRESHNESS_HEADER = "X-Position-Freshness-Seconds";

	private final WorkerPositionBoard board;

	private final PositionStreams streams;

	WorkerPositionController(WorkerPositionBoard board, PositionStreams streams) {
		this.board = board;
		this.streams = streams;
	}

	/**
	 * The on-duty workers of the caller's scope; {@code near=lon,lat} sorts by distance,
	 * {@code departmentId} or {@code regionId} (a grid or community) keeps one unit's
	 * people, {@code limit} cuts the list.
	 */
	@GetMapping
	@PreAuthorize("hasAuthority('dispatch:position:read')")
	List<WorkerPosition> list(@RequestParam(required = false) String near,
			@RequestParam(required = false) Long departmentId, @RequestParam(required = false) Long regionId,
			@RequestParam(required = false) Integer limit, HttpServletResponse response) {
		// the board says how old a position may be
		response.setHeader(FRESHNESS_HEADER, Long.toString(this.board.freshness().toSeconds()));
		return this.board.list(new Query(near, departmentId, regionId, limit), CurrentUser.require());
	}

	/** Event {@code positions} whenever a position in the caller's scope arrives. */
	@GetMapping(path = "/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	@PreAuthorize("hasAuthority('dispatch:position:read')")
	SseEmitter stream(HttpServletResponse response) {
		response.setHeader("X-Accel-Buffering", "no");
		return this.streams.open(CurrentUser.require().scope());
	}

}
