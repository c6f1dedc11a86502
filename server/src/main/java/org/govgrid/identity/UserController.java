package org.govgrid.identity;

import org.govgrid.identity.UserViews.CreatedUser;
import org.govgrid.identity.UserViews.TemporaryPassword;
import org.govgrid.identity.UserViews.UserForm;
import org.govgrid.identity.UserViews.UserView;
import org.govgrid.platform.CurrentUser;
import org.govgrid.platform.PageQuery;
import org.govgrid.platform.PageResponse;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/users")
class UserController {

	private final UserAdministration users;

	UserController(UserAdministration users) {
		this.users = users;
	}

	@GetMapping
	@PreAuthorize("hasAuthority('identity:user:read')")
	PageResponse<UserView> list(@RequestParam(required = false) String q, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size) {
		return this.users.list(q, new PageQuery(page, size), CurrentUser.scope());
	}

	@GetMapping("/{id}")
	@PreAuthorize("hasAuthority('identity:user:read')")
	UserView get(@PathVariable long id) {
		return this.users.get(id, CurrentUser.scope());
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@PreAuthorize("hasAuthority('identity:user:write')")
	CreatedUser create(@RequestBody UserForm form) {
		return this.users.create(form, CurrentUser.scope(), CurrentUser.require().userId());
	}

	@PutMapping("/{id}")
	@PreAuthorize("hasAuthority('identity:user:write')")
	UserView update(@PathVariable long id, @RequestBody UserForm form) {
		return this.users.update(id, form, CurrentUser.scope(), CurrentUser.require().userId());
	}

	@PostMapping("/{id}/disable")
	@PreAuthorize("hasAuthority('identity:user:write')")
	UserView disable(@PathVariable long id) {
		return this.users.disable(id, CurrentUser.scope(), CurrentUser.require().userId());
	}

	@PostMapping("/{id}/enable")
	@PreAuthorize("hasAuthority('identity:user:write')")
	UserView enable(@PathVariable long id) {
		return this.users.enable(id, CurrentUser.scope(), CurrentUser.require().userId());
	}

	@PostMapping("/{id}/unlock")
	@PreAuthorize("hasAuthority('identity:user:unlock')")
	UserView unlock(@PathVariable long id) {
		return this.users.unlock(id, CurrentUser.scope());
	}

	@PostMapping("/{id}/password-reset")
	@PreAuthorize("hasAuthority('identity:user:reset-password')")
	ResponseEntity<Object> resetPassword(@PathVariable long id) {
		Object result = this.users.resetPassword(id, CurrentUser.scope(), CurrentUser.require().userId());
		// a separated admin's reset waits for a second admin: accepted, not done
		return result instanceof TemporaryPassword ? ResponseEntity.ok(result)
				: ResponseEntity.status(HttpStatus.ACCEPTED).body(result);
	}

	@DeleteMapping("/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@PreAuthorize("hasAuthority('identity:user:write')")
	void cancel(@PathVariable long id) {
		this.users.cancel(id, CurrentUser.scope(), CurrentUser.require().userId());
	}

}
