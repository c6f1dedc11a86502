package org.govgrid.notice;

import java.util.Map;

import org.govgrid.platform.CurrentUser;
import org.govgrid.platform.PageQuery;
import org.govgrid.platform.PageResponse;
import org.springframework.http.HttpStatus;
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

/** Notices: the inbox, the managed box, one notice, its receipts, and writing them. */
@RestController
@RequestMapping("/api/v1/notices")
class NoticeController {

	private final Notices notices;

	private final NoticeQueries queries;

	NoticeController(Notices notices, NoticeQueries queries) {
		this.notices = notices;
		this.queries = queries;
	}

	@GetMapping
	@PreAuthorize("hasAuthority('notice:notice:read') or hasAuthority('notice:notice:manage')")
	PageResponse<NoticeSummary> list(@RequestParam(required = false) String box,
			@RequestParam(required = false) String keyword, @RequestParam(required = false) Boolean unread,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
		return this.queries.list(new NoticeQueries.Filter(box, keyword, unread), new PageQuery(page, size),
				CurrentUser.require());
	}

	@GetMapping("/unread-count")
	@PreAuthorize("hasAuthority('notice:notice:read')")
	Map<String, Long> unreadCount() {
		return Map.of("count", this.queries.unreadCount(CurrentUser.require()));
	}

	@GetMapping("/{id}")
	@PreAuthorize("hasAuthority('notice:notice:read') or hasAuthority('notice:notice:manage')")
	NoticeView get(@PathVariable long id) {
		return this.queries.view(id, CurrentUser.require());
	}

	@PostMapping("/{id}/read")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@PreAuthorize("hasAuthority('notice:notice:read')")
	void read(@PathVariable long id) {
		this.notices.markRead(id, CurrentUser.require());
	}

	@GetMapping("/{id}/receipts")
	@PreAuthorize("hasAuthority('notice:notice:manage')")
	NoticeReceipts receipts(@PathVariable long id) {
		return this.queries.receipts(id, CurrentUser.require());
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@PreAuthorize("hasAuthority('notice:notice:manage')")
	NoticeView create(@RequestBody NoticeCommand command) {
		return this.notices.create(command, CurrentUser.require());
	}

	@PutMapping("/{id}")
	@PreAuthorize("hasAuthority('notice:notice:manage')")
	NoticeView update(@PathVariable long id, @RequestBody NoticeCommand command) {
		return this.notices.update(id, command, CurrentUser.require());
	}

	@PostMapping("/{id}/publish")
	@PreAuthorize("hasAuthority('notice:notice:manage')")
	NoticeView publish(@PathVariable long id) {
		return this.notices.publish(id, CurrentUser.require());
	}

	@PostMapping("/{id}/withdraw")
	@PreAuthorize("hasAuthority('notice:notice:manage')")
	NoticeView withdraw(@PathVariable long id) {
		return this.notices.withdraw(id, CurrentUser.require());
	}

}
