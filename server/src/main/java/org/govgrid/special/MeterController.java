package org.govgrid.special;

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
 * 水电煤气: the meter registry, readings ingest and a meter's daily series
 * (docs/api/special-utility.md).
 */
@RestController
@RequestMapping("/api/v1/special")
class MeterController {

	private final Meters meters;

	private final MeterReadings readings;

	private final ReadingsIngest ingest;

	MeterController(Meters meters, MeterReadings readings, ReadingsIngest ingest) {
		this.meters = meters;
		this.readings = readings;
		this.ingest = ingest;
	}

	@GetMapping("/meters")
	@PreAuthorize("hasAuthority('special:utility:read')")
	PageResponse<MeterView> list(@RequestParam(required = false) String kind,
			@RequestParam(required = false) Long regionId, @RequestParam(required = false) Long gridId,
			@RequestParam(required = false) String keyword, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size) {
		return this.meters.list(new Meters.Filter(kind, regionId, gridId, keyword), new PageQuery(page, size),
				CurrentUser.require());
	}

	@GetMapping("/meters/{id}")
	@PreAuthorize("hasAuthority('special:utility:read')")
	MeterView get(@PathVariable long id) {
		return this.meters.view(id, CurrentUser.require());
	}

	@PostMapping("/meters")
	@ResponseStatus(HttpStatus.CREATED)
	@PreAuthorize("hasAuthority('special:utility:write')")
	MeterView create(@RequestBody MeterCommand command) {
		return this.meters.create(command, CurrentUser.require());
	}

	@PutMapping("/meters/{id}")
	@PreAuthorize("hasAuthority('special:utility:write')")
	MeterView update(@PathVariable long id, @RequestBody MeterCommand command) {
		return this.meters.update(id, command, CurrentUser.require());
	}

	@GetMapping("/meters/{id}/readings")
	@PreAuthorize("hasAuthority('special:utility:read')")
	DailySeries daily(@PathVariable long id, @RequestParam(required = false) String from,
			@RequestParam(required = false) String to) {
		return this.readings.daily(id, from, to, CurrentUser.require());
	}

	@PostMapping("/utility-readings")
	@PreAuthorize("hasAuthority('special:utility:write')")
	IngestReport ingest(@RequestBody UtilityReadingsCommand command) {
		return this.ingest.ingest(command, CurrentUser.require());
	}

}
