package org.govgrid.collection;

import java.net.URI;
import java.util.List;

import org.govgrid.collection.Campaigns.CampaignCommand;
import org.govgrid.collection.Campaigns.CampaignView;
import org.govgrid.collection.Forms.FormCommand;
import org.govgrid.collection.Forms.FormView;
import org.govgrid.collection.Records.ActionCommand;
import org.govgrid.collection.Records.RecordCommand;
import org.govgrid.collection.Records.RecordView;
import org.govgrid.platform.CurrentUser;
import org.govgrid.platform.NotFoundException;
import org.govgrid.platform.PageQuery;
import org.govgrid.platform.PageResponse;
import org.govgrid.platform.ScopedPrincipal;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** 信息采集: forms, campaigns, records and their review. */
@RestController
@RequestMapping("/api/v1/collection")
class CollectionController {

	private final Forms forms;

	private final Campaigns campaigns;

	private final Records records;

	CollectionController(Forms forms, Campaigns campaigns, Records records) {
		this.forms = forms;
		this.campaigns = campaigns;
		this.records = records;
	}

	@GetMapping("/forms")
	@PreAuthorize("hasAuthority('collection:form:read')")
	List<FormView> forms() {
		return this.forms.list();
	}

	@GetMapping("/forms/{id}")
	@PreAuthorize("hasAuthority('collection:form:read')")
	FormView form(@PathVariable long id) {
		return this.forms.find(id).orElseThrow(() -> new NotFoundException("collection form", id));
	}

	@PostMapping("/forms")
	@ResponseStatus(HttpStatus.CREATED)
	@PreAuthorize("hasAuthority('collection:form:write')")
	FormView createForm(@RequestBody FormCommand command) {
		return this.forms.create(command, CurrentUser.require());
	}

	/** Publishes a new version of the form's fields. */
	@PostMapping("/forms/{id}/versions")
	@ResponseStatus(HttpStatus.CREATED)
	@PreAuthorize("hasAuthority('collection:form:write')")
	FormView revise(@PathVariable long id, @RequestBody FormCommand command) {
		return this.forms.revise(id, command.fields(), CurrentUser.require());
	}

	/** A form as it was at one version (records keep the version they were filled in). */
	@GetMapping("/forms/{id}/versions/{version}")
	@PreAuthorize("hasAuthority('collection:form:read')")
	FormView formVersion(@PathVariable long id, @PathVariable int version) {
		FormView form = this.forms.find(id).orElseThrow(() -> new NotFoundException("collection form", id));
		return this.forms.version(id, version)
			.map(definition -> new FormView(form.id(), form.code(), form.name(), version, definition.fields()))
			.orElseThrow(() -> new NotFoundException("collection form version", version));
	}

	/** The grid workers a campaign for this area may name. */
	@GetMapping("/campaign-workers")
	@PreAuthorize("hasAuthority('collection:form:write')")
	List<Campaigns.Worker> campaignWorkers(@RequestParam long regionId) {
		return this.campaigns.workers(regionId, CurrentUser.require());
	}

	@GetMapping("/campaigns")
	@PreAuthorize("hasAuthority('collection:form:read')")
	List<CampaignView> campaigns() {
		return this.campaigns.list(CurrentUser.require());
	}

	@PostMapping("/campaigns")
	@ResponseStatus(HttpStatus.CREATED)
	@PreAuthorize("hasAuthority('collection:form:write')")
	CampaignView campaign(@RequestBody CampaignCommand command) {
		return this.campaigns.create(command, CurrentUser.require());
	}

	/**
	 * 201 with the record, or 200 with the one an earlier request with this key created.
	 */
	@PostMapping("/records")
	@PreAuthorize("hasAuthority('collection:record:write')")
	ResponseEntity<RecordView> submit(@RequestBody RecordCommand command,
			@RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
		ScopedPrincipal caller = CurrentUser.require();
		Records.Submitted submitted = this.records.submit(command, idempotencyKey, caller);
		RecordView record = this.records.view(submitted.id(), caller);
		return submitted.created()
				? ResponseEntity.created(URI.create("/api/v1/collection/records/" + submitted.id())).body(record)
				: ResponseEntity.ok(record);
	}

	@GetMapping("/records")
	@PreAuthorize("hasAuthority('collection:record:read')")
	PageResponse<RecordView> list(@RequestParam(required = false) Long formId,
			@RequestParam(required = false) Long campaignId, @RequestParam(required = false) String status,
			@RequestParam(required = false) Long collectorId, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size) {
		ScopedPrincipal caller = CurrentUser.require();
		PageResponse<RecordView> found = this.records.list(new Records.Filter(formId, campaignId, status, collectorId),
				new PageQuery(page, size), caller);
		return new PageResponse<>(found.items().stream().map(r -> this.records.forReader(r, caller)).toList(),
				found.total(), found.page(), found.size());
	}

	/** 网格员采集记录: per collector, how many records and in which state. */
	@GetMapping("/collectors")
	@PreAuthorize("hasAuthority('collection:record:read')")
	List<Records.CollectorTally> collectors(@RequestParam(required = false) Long formId,
			@RequestParam(required = false) Long campaignId) {
		return this.records.collectors(new Records.Filter(formId, campaignId, null, null), CurrentUser.require());
	}

	@GetMapping("/records/{id}")
	@PreAuthorize("hasAuthority('collection:record:read')")
	RecordView record(@PathVariable long id) {
		ScopedPrincipal caller = CurrentUser.require();
		return this.records.forReader(this.records.view(id, caller), caller);
	}

	/** approve / return (reviewers), resubmit (the collector). */
	@PostMapping("/records/{id}/{action}")
	@PreAuthorize("hasAuthority('collection:record:read')")
	RecordView act(@PathVariable long id, @PathVariable String action,
			@RequestBody(required = false) ActionCommand command) {
		ScopedPrincipal caller = CurrentUser.require();
		this.records.act(id, action, command, caller);
		return this.records.forReader(this.records.view(id, caller), caller);
	}

}
