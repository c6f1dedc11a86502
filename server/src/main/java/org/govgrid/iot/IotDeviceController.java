package org.govgrid.iot;

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

/** The device registry, a device's message log and the alarm list. */
@RestController
@RequestMapping("/api/v1/iot")
class IotDeviceController {

	private final Devices devices;

	private final Logs logs;

	IotDeviceController(Devices devices, Logs logs) {
		this.devices = devices;
		this.logs = logs;
	}

	@GetMapping("/devices")
	@PreAuthorize("hasAuthority('iot:device:read')")
	PageResponse<DeviceView> list(@RequestParam(required = false) Long regionId,
			@RequestParam(required = false) String kind, @RequestParam(required = false) String state,
			@RequestParam(required = false) String keyword, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size) {
		return this.devices.list(new Devices.Filter(regionId, kind, state, keyword), new PageQuery(page, size),
				CurrentUser.require());
	}

	@GetMapping("/devices/{id}")
	@PreAuthorize("hasAuthority('iot:device:read')")
	DeviceView get(@PathVariable long id) {
		return this.devices.view(id, CurrentUser.require());
	}

	@PostMapping("/devices")
	@ResponseStatus(HttpStatus.CREATED)
	@PreAuthorize("hasAuthority('iot:device:write')")
	DeviceView create(@RequestBody DeviceCommand command) {
		return this.devices.create(command, CurrentUser.require());
	}

	@PutMapping("/devices/{id}")
	@PreAuthorize("hasAuthority('iot:device:write')")
	DeviceView update(@PathVariable long id, @RequestBody DeviceCommand command) {
		return this.devices.update(id, command, CurrentUser.require());
	}

	@GetMapping("/devices/{id}/messages")
	@PreAuthorize("hasAuthority('iot:device:read')")
	PageResponse<Logs.MessageView> messages(@PathVariable long id, @RequestParam(required = false) String type,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
		return this.logs.messages(id, type, new PageQuery(page, size), CurrentUser.require());
	}

	@GetMapping("/alarms")
	@PreAuthorize("hasAuthority('iot:device:read')")
	PageResponse<Logs.AlarmView> alarms(@RequestParam(required = false) Long regionId,
			@RequestParam(required = false) Boolean open, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size) {
		return this.logs.alarms(regionId, open, new PageQuery(page, size), CurrentUser.require());
	}

}
