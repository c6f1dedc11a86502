package org.govgrid.academy;

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

/** 网格学院: courses, learning progress, quiz attempts and learning records. */
@RestController
@RequestMapping("/api/v1/academy")
class AcademyController {

	private final Courses courses;

	private final Learning learning;

	private final LearningRecords records;

	AcademyController(Courses courses, Learning learning, LearningRecords records) {
		this.courses = courses;
		this.learning = learning;
		this.records = records;
	}

	@GetMapping("/courses")
	@PreAuthorize("hasAuthority('academy:course:read')")
	PageResponse<CourseView> list(@RequestParam(required = false) Boolean required,
			@RequestParam(required = false) String keyword, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size) {
		return this.courses.list(new Courses.Filter(Boolean.TRUE.equals(required), keyword), new PageQuery(page, size),
				CurrentUser.require());
	}

	@GetMapping("/courses/{id}")
	@PreAuthorize("hasAuthority('academy:course:read')")
	CourseView get(@PathVariable long id) {
		return this.courses.view(id, CurrentUser.require());
	}

	@PostMapping("/courses")
	@ResponseStatus(HttpStatus.CREATED)
	@PreAuthorize("hasAuthority('academy:course:manage')")
	CourseView create(@RequestBody CourseCommand command) {
		return this.courses.create(command, CurrentUser.require());
	}

	@PutMapping("/courses/{id}")
	@PreAuthorize("hasAuthority('academy:course:manage')")
	CourseView update(@PathVariable long id, @RequestBody CourseCommand command) {
		return this.courses.update(id, command, CurrentUser.require());
	}

	@PostMapping("/courses/{id}/progress")
	@PreAuthorize("hasAuthority('academy:course:read')")
	Learning.ProgressView progress(@PathVariable long id, @RequestBody Learning.ProgressCommand command) {
		return this.learning.progress(id, command, CurrentUser.require());
	}

	@PostMapping("/quizzes/{id}/attempts")
	@PreAuthorize("hasAuthority('academy:course:read')")
	Learning.AttemptView attempt(@PathVariable long id, @RequestBody Learning.AttemptCommand command) {
		return this.learning.attempt(id, command, CurrentUser.require());
	}

	@GetMapping("/records")
	@PreAuthorize("hasAuthority('academy:course:read')")
	PageResponse<LearningRecords.RecordView> records(@RequestParam(required = false) Long userId,
			@RequestParam(required = false) Long regionId, @RequestParam(required = false) Long courseId,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
		return this.records.list(new LearningRecords.Filter(userId, regionId, courseId), new PageQuery(page, size),
				CurrentUser.require());
	}

}
