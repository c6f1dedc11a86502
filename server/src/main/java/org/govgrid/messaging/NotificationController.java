package org.govgrid.messaging;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.govgrid.messaging.NotificationInbox.NotificationPage;
import org.govgrid.platform.CurrentUser;
import org.govgrid.platform.PageQuery;

import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** The caller's own notifications; nobody, whatever their role, sees another's. */
@RestController
@RequestMapping("/api/v1/notifications")
class NotificationController {

	private final NotificationInbox inbox;

	private final NotificationStreams streams;

	NotificationController(NotificationInbox inbox, NotificationStreams streams) {
		this.inbox = inbox;
		this.streams = streams;
	}

	@GetMapping
	@PreAuthorize("hasAuthority('messaging:notification:read')")
	NotificationPage list(@RequestParam(defaultValue = "false") boolean unread,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
		return this.inbox.list(CurrentUser.require().userId(), unread, new PageQuery(page, size));
	}

	@PostMapping("/{id}/read")
	@PreAuthorize("hasAuthority('messaging:notification:read')")
	NotificationView read(@PathVariable long id) {
		return this.inbox.markRead(CurrentUser.require().userId(), id);
	}

	@PostMapping("/read-all")
	@PreAuthorize("hasAuthority('messaging:notification:read')")
	Map<String, Integer> readAll() {
		return Map.of("marked", this.inbox.markAllRead(CurrentUser.require().userId()));
	}

	/**
	 * New notifications as they arrive: event {@code notification}, data one item. Ends
	 * with the session that opened it.
	 */
	@GetMapping(path = "/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	@PreAuthorize("hasAuthority('messaging:notification:read')")
	SseEmitter stream(HttpServletRequest request, HttpServletResponse response) {
		HttpSession session = request.getSession(false);
		// a buffering reverse proxy (nginx) would hold events back
		response.setHeader("X-Accel-Buffering", "no");
		return this.streams.open(CurrentUser.require().userId(), session == null ? null : session.getId());
	}

}
