package org.govgrid.video;

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

/** The camera registry and its map layer. */
@RestController
@RequestMapping("/api/v1/video")
class CameraController {

	private final Cameras cameras;

	CameraController(Cameras cameras) {
		this.cameras = cameras;
	}

	@GetMapping("/cameras")
	@PreAuthorize("hasAuthority('video:camera:read')")
	PageResponse<CameraView> list(@RequestParam(required = false) Long regionId,
			@RequestParam(required = false) Long gridId, @RequestParam(required = false) String keyword,
			@RequestParam(required = false) String status, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size) {
		return this.cameras.list(new Cameras.Filter(regionId, gridId, keyword, status), new PageQuery(page, size),
				CurrentUser.require());
	}

	@GetMapping("/cameras/{id}")
	@PreAuthorize("hasAuthority('video:camera:read')")
	CameraView get(@PathVariable long id) {
		return this.cameras.view(id, CurrentUser.require());
	}

	@PostMapping("/cameras")
	@ResponseStatus(HttpStatus.CREATED)
	@PreAuthorize("hasAuthority('video:camera:manage')")
	CameraView create(@RequestBody CameraCommand command) {
		return this.cameras.create(command, CurrentUser.require());
	}

	@PutMapping("/cameras/{id}")
	@PreAuthorize("hasAuthority('video:camera:manage')")
	CameraView update(@PathVariable long id, @RequestBody CameraCommand command) {
		return this.cameras.update(id, command, CurrentUser.require());
	}

}
