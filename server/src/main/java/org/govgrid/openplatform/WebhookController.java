package org.govgrid.openplatform;

import java.util.List;

import org.govgrid.platform.CurrentUser;
import org.govgrid.platform.PageQuery;
import org.govgrid.platform.PageResponse;

import org.springframework.http.HttpStatus;
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

/**
 * Webhooks of API clients and their delivery log, for the system admin (the permission of
 * the clients; {@code docs/api/openplatform.md}).
 */
@RestController
@RequestMapping("/api/v1/open")
class WebhookController {

	private final Webhooks webhooks;

	private final DeliveryLog deliveries;

	WebhookController(Webhooks webhooks, DeliveryLog deliveries) {
		this.webhooks = webhooks;
		this.deliveries = deliveries;
	}

	@GetMapping("/clients/{id}/webhooks")
	@PreAuthorize("hasAuthority('open:client:manage')")
	List<WebhookView> list(@PathVariable long id) {
		return this.webhooks.list(id, CurrentUser.require());
	}

	@PostMapping("/clients/{id}/webhooks")
	@ResponseStatus(HttpStatus.CREATED)
	@PreAuthorize("hasAuthority('open:client:manage')")
	WebhookView create(@PathVariable long id, @RequestBody WebhookCommand command) {
		return this.webhooks.create(id, command, CurrentUser.require());
	}

	@PutMapping("/clients/{id}/webhooks/{webhookId}")
	@PreAuthorize("hasAuthority('open:client:manage')")
	WebhookView update(@PathVariable long id, @PathVariable long webhookId, @RequestBody WebhookCommand command) {
		return this.webhooks.update(id, webhookId, command, CurrentUser.require());
	}

	@DeleteMapping("/clients/{id}/webhooks/{webhookId}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@PreAuthorize("hasAuthority('open:client:manage')")
	void delete(@PathVariable long id, @PathVariable long webhookId) {
		this.webhooks.delete(id, webhookId, CurrentUser.require());
	}

	@GetMapping("/webhook-deliveries")
	@PreAuthorize("hasAuthority('open:client:manage')")
	PageResponse<DeliveryView> deliveries(@RequestParam(required = false) Long clientId,
			@RequestParam(required = false) Long webhookId, @RequestParam(required = false) String status,
			@RequestParam(required = false) String type, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size) {
		return this.deliveries.list(new DeliveryLog.Filter(clientId, webhookId, status, type),
				new PageQuery(page, size), CurrentUser.require());
	}

	@PostMapping("/webhook-deliveries/{id}/replay")
	@ResponseStatus(HttpStatus.ACCEPTED)
	@PreAuthorize("hasAuthority('open:client:manage')")
	void replay(@PathVariable long id) {
		this.webhooks.replay(id, CurrentUser.require());
	}

}
