package org.govgrid.openplatform;

import jakarta.servlet.http.HttpServletRequest;
import org.govgrid.platform.CurrentUser;
import org.govgrid.platform.ScopedPrincipal;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import tools.jackson.databind.node.ObjectNode;

/**
 * The OpenAPI document as one credential sees it (issue 16 item 9): for the system admin,
 * a client's document by its scopes (the developer page hands it to the other system's
 * developers); for any caller, a bearer client above all, the operations its own codes
 * allow.
 */
@RestController
@RequestMapping("/api/v1/open")
class ApiDocsController {

	private final ScopedApiDocs docs;

	private final ApiClients clients;

	ApiDocsController(ScopedApiDocs docs, ApiClients clients) {
		this.docs = docs;
		this.clients = clients;
	}

	@GetMapping("/clients/{id}/openapi.json")
	@PreAuthorize("hasAuthority('open:client:manage')")
	ObjectNode forClient(@PathVariable long id, HttpServletRequest request) {
		ApiClientView client = this.clients.view(id, CurrentUser.require());
		return this.docs.allowedBy(OpenScope.permissionsOf(client.scopes()), "GovGrid API — " + client.name(), request);
	}

	@GetMapping("/openapi.json")
	ObjectNode forCaller(HttpServletRequest request) {
		ScopedPrincipal caller = CurrentUser.require();
		var codes = SecurityContextHolder.getContext()
			.getAuthentication()
			.getAuthorities()
			.stream()
			.map(GrantedAuthority::getAuthority)
			.toList();
		return this.docs.allowedBy(codes, "GovGrid API — " + caller.username(), request);
	}

}
