package org.govgrid.identity;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import org.govgrid.audit.AuditRecord;
import org.govgrid.audit.AuditTrail;
import org.govgrid.platform.CurrentUser;
import org.govgrid.platform.DataScope;
import org.govgrid.platform.FieldErrors;
import org.govgrid.platform.NotFoundException;
import org.govgrid.platform.PageQuery;
import org.govgrid.platform.PageResponse;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Sort;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.transaction.annotation.Transactional;
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
 * Terminal devices bound to users. A device is visible when unbound or bound to a user in
 * the caller's scope; it can only be bound to such a user.
 */
@RestController
@RequestMapping("/api/v1/devices")
class DeviceController {

	private final DeviceRepository devices;

	private final UserAccountRepository users;

	private final AuditTrail audit;

	DeviceController(DeviceRepository devices, UserAccountRepository users, AuditTrail audit) {
		this.devices = devices;
		this.users = users;
		this.audit = audit;
	}

	@GetMapping
	@PreAuthorize("hasAuthority('identity:device:read')")
	@Transactional(readOnly = true)
	PageResponse<DeviceView> list(@RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size) {
		DataScope scope = CurrentUser.scope();
		Page<Device> found = this.devices.findInScope(scope.path(), scope.descendantsPattern(),
				new PageQuery(page, size).toPageable(Sort.by("deviceCode")));
		Map<Long, String> usernames = usernamesOf(found.getContent());
		return PageResponse.of(found, d -> view(d, usernames));
	}

	@GetMapping("/{id}")
	@PreAuthorize("hasAuthority('identity:device:read')")
	@Transactional(readOnly = true)
	DeviceView get(@PathVariable long id) {
		return view(visible(id));
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@PreAuthorize("hasAuthority('identity:device:write')")
	@Transactional
	DeviceView create(@RequestBody DeviceForm form) {
		validate(form, null);
		Device device = new Device(form.deviceCode().trim());
		device.describe(form.deviceCode().trim(), form.name().trim(), form.type(), form.userId(),
				form.enabled() == null || form.enabled());
		this.devices.save(device);
		this.audit.record(AuditRecord.success("DEVICE_CREATE", "device", device.getId(), device.getDeviceCode()));
		return view(device);
	}

	@PutMapping("/{id}")
	@PreAuthorize("hasAuthority('identity:device:write')")
	@Transactional
	DeviceView update(@PathVariable long id, @RequestBody DeviceForm form) {
		Device device = visible(id);
		validate(form, device);
		device.describe(form.deviceCode().trim(), form.name().trim(), form.type(), form.userId(),
				form.enabled() == null || form.enabled());
		this.audit.record(AuditRecord.success("DEVICE_UPDATE", "device", device.getId(), device.getDeviceCode()));
		return view(device);
	}

	@DeleteMapping("/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@PreAuthorize("hasAuthority('identity:device:write')")
	@Transactional
	void delete(@PathVariable long id) {
		Device device = visible(id);
		this.devices.delete(device);
		this.audit.record(AuditRecord.success("DEVICE_DELETE", "device", id, device.getDeviceCode()));
	}

	private Device visible(long id) {
		DataScope scope = CurrentUser.scope();
		return this.devices.findById(id)
			.filter(d -> d.getUserId() == null || userInScope(d.getUserId(), scope))
			.orElseThrow(() -> new NotFoundException("device", id));
	}

	private boolean userInScope(long userId, DataScope scope) {
		return this.users.findById(userId)
			.filter(u -> u.getStatus() != AccountStatus.CANCELLED && scope.covers(u.getScopePath()))
			.isPresent();
	}

	private void validate(DeviceForm form, Device self) {
		FieldErrors errors = new FieldErrors();
		if (form.deviceCode() == null || !form.deviceCode().trim().matches("[A-Za-z0-9_:.-]{4,64}")) {
			errors.add("deviceCode", "4–64 letters, digits or _ : . - / 设备编号须为 4–64 位字母、数字或 _ : . -");
		}
		else {
			this.devices.findByDeviceCode(form.deviceCode().trim())
				.filter(other -> self == null || !other.getId().equals(self.getId()))
				.ifPresent(other -> errors.add("deviceCode", "already registered / 设备编号已登记"));
		}
		if (form.name() == null || form.name().isBlank() || form.name().trim().length() > 100) {
			errors.add("name", "required, at most 100 characters / 名称必填，最多 100 个字符");
		}
		if (form.type() == null) {
			errors.add("type", "required: PHONE, PAD, PC or TERMINAL / 类型必填");
		}
		if (form.userId() != null && !userInScope(form.userId(), CurrentUser.scope())) {
			errors.add("userId", "no such user in your scope / 用户不存在或不在您的管辖范围内");
		}
		errors.throwIfAny();
	}

	private DeviceView view(Device d) {
		return view(d, usernamesOf(List.of(d)));
	}

	private DeviceView view(Device d, Map<Long, String> usernames) {
		return new DeviceView(d.getId(), d.getDeviceCode(), d.getName(), d.getType(), d.getUserId(),
				usernames.get(d.getUserId()), d.isEnabled(), d.getLastSeenAt(), d.getCreatedAt());
	}

	/** The bound users' names in one query. */
	private Map<Long, String> usernamesOf(List<Device> devices) {
		Set<Long> ids = devices.stream().map(Device::getUserId).filter(Objects::nonNull).collect(Collectors.toSet());
		return this.users.findAllById(ids)
			.stream()
			.collect(Collectors.toMap(UserAccount::getId, UserAccount::getUsername));
	}

	record DeviceForm(String deviceCode, String name, Device.Type type, Long userId, Boolean enabled) {
	}

	record DeviceView(long id, String deviceCode, String name, Device.Type type, Long userId, String username,
			boolean enabled, Instant lastSeenAt, Instant createdAt) {
	}

}
