package org.govgrid.basedata;

import java.time.LocalDate;

import org.govgrid.platform.CurrentUser;
import org.govgrid.platform.PageQuery;
import org.govgrid.platform.PageResponse;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.format.annotation.DateTimeFormat.ISO;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** 民情日志. */
@RestController
@RequestMapping("/api/v1/daily-notes")
class DailyNotesController {

	private final DailyNotes notes;

	DailyNotesController(DailyNotes notes) {
		this.notes = notes;
	}

	@GetMapping
	@PreAuthorize("hasAuthority('basedata:situation:read')")
	PageResponse<DailyNoteView> list(@RequestParam(required = false) Long gridId,
			@RequestParam(required = false) @DateTimeFormat(iso = ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = ISO.DATE) LocalDate to,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
		return this.notes.list(new DailyNotes.Filter(gridId, from, to), new PageQuery(page, size),
				CurrentUser.require());
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@PreAuthorize("hasAuthority('basedata:situation:write')")
	DailyNoteView create(@RequestBody DailyNoteCommand command) {
		return this.notes.create(command, CurrentUser.require());
	}

}
