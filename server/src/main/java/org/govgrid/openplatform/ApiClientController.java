package org.govgrid.openplatform;

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

/**
 * API clients and the token signing keys, for the system admin
 * ({@code docs/api/openplatform.md}).
 */
@RestController
@RequestMapping("/api/v1/open")
class ApiClientController {

	private final ApiClients clients;

	private final SigningKeys keys;

	ApiClientController(ApiClients clients, SigningKeys keys) {
		this.clients = clients;
		this.keys = keys;
	}

	@GetMapping("/clients")
	@PreAuthorize("hasAuthority('open:client:manage')")
	PageResponse<ApiClientView> list(@RequestParam(required = false) String keyword,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
		return this.clients.list(keyword, new PageQuery(page, size), CurrentUser.require());
	}

	@PostMapping("/clients")
	@ResponseStatus(HttpStatus.CREATED)
	@PreAuthorize("hasAuthority('open:client:manage')")
	ApiClientView create(@RequestBody ApiClientCommand command) {
		return this.clients.create(command, CurrentUser.require());
	}

	@GetMapping("/clients/{id}")
	@PreAuthorize("hasAuthority('open:client:manage')")
	ApiClientView get(@PathVariable long id) {
		return this.clients.view(id, CurrentUser.require());
	}

	@PutMapping("/clients/{id}")
	@PreAuthorize("hasAuthority('open:client:manage')")
	ApiClientView update(@PathVariable long id, @RequestBody ApiClientCommand command) {
		return this.clients.update(id, command, CurrentUser.require());
	}

	@PostMapping("/clients/{id}/rotate-secret")
	@PreAuthorize("hasAuthority('open:client:manage')")
	ApiClientView rotateSecret(@PathVariable long id) {
		return this.clients.rotateSecret(id, CurrentUser.require());
	}

	@PostMapping("/clients/{id}/disable")
	@PreAuthorize("hasAuthority('open:client:manage')")
	ApiClientView disable(@PathVariable long id) {
		return this.clients.setEnabled(id, false, CurrentUser.require());
	}

	@PostMapping("/clients/{id}/enable")
	@PreAuthorize("hasAuthority('open:client:manage')")
	ApiClientView enable(@PathVariable long id) {
		return this.clients.setEnabled(id, true, CurrentUser.require());
	}

	/** A new active signing key; the old one keeps verifying until its tokens expire. */
	@PostMapping("/keys/rotate")
	@PreAuthorize("hasAuthority('open:key:rotate')")
	Map<String, String> rotateKeys() {
		return Map.of("activeKeyId", this.keys.rotate());
	}

}
