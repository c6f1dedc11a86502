package org.govgrid.identity;

import java.util.List;

import org.govgrid.identity.PasswordResets.ResetRequestView;
import org.govgrid.platform.CurrentUser;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The second admin's side of a separated admin's password reset (三员分立): the pending
 * requests in scope and their approval. Requests are opened by {@code POST
 * /api/v1/users/{id}/password-reset}.
 */
@RestController
@RequestMapping("/api/v1/password-resets")
class PasswordResetController {

	private final PasswordResets resets;

	PasswordResetController(PasswordResets resets) {
		this.resets = resets;
	}

	@GetMapping
	@PreAuthorize("hasAuthority('identity:password-reset:approve')")
	List<ResetRequestView> pending() {
		return this.resets.pending(CurrentUser.scope());
	}

	@PostMapping("/{id}/approve")
	@PreAuthorize("hasAuthority('identity:password-reset:approve')")
	ResetRequestView approve(@PathVariable long id) {
		return this.resets.approve(id, CurrentUser.scope(), CurrentUser.require().userId());
	}

}
