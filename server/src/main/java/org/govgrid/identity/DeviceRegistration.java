package org.govgrid.identity;

import java.time.Clock;
import java.time.Instant;
import java.util.regex.Pattern;

import org.govgrid.audit.AuditRecord;
import org.govgrid.audit.AuditTrail;
import org.govgrid.platform.ConflictException;
import org.govgrid.platform.FieldErrors;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The phone app registers its device with the signed-in user (终端绑定, 标准 7.2.10): a new
 * device is bound to them, their own device is marked as seen, and a device bound to
 * someone else (or disabled by an administrator) is refused until an administrator
 * changes it.
 */
@RestController
class DeviceRegistration {

	private static final Pattern CODE = Pattern.compile("[A-Za-z0-9._:-]{4,64}");

	private final DeviceRepository devices;

	private final AuditTrail audit;

	private final Clock clock;

	DeviceRegistration(DeviceRepository devices, AuditTrail audit, Clock clock) {
		this.devices = devices;
		this.audit = audit;
		this.clock = clock;
	}

	@PostMapping("/api/v1/auth/device")
	@Transactional
	Registered register(@AuthenticationPrincipal GovGridPrincipal user,
			@RequestBody(required = false) Registration body) {
		Registration registration = body == null ? new Registration(null, null, null) : body;
		FieldErrors errors = new FieldErrors();
		if (registration.deviceCode() == null || !CODE.matcher(registration.deviceCode()).matches()) {
			errors.add("deviceCode", "4–64 letters, digits or . _ : - / 设备编号格式不正确");
		}
		if (registration.name() != null && registration.name().length() > 100) {
			errors.add("name", "at most 100 characters / 最多100个字符");
		}
		Device.Type type = Device.Type.PHONE;
		if (registration.type() != null) {
			try {
				type = Device.Type.valueOf(registration.type());
			}
			catch (IllegalArgumentException ex) {
				errors.add("type", "PHONE, PAD, PC or TERMINAL / 设备类型不正确");
			}
		}
		errors.throwIfAny();
		Instant now = this.clock.instant();
		Device device = this.devices.findByDeviceCode(registration.deviceCode()).orElse(null);
		boolean created = device == null;
		if (created) {
			device = new Device(registration.deviceCode());
			String name = registration.name() == null || registration.name().isBlank() ? "网格通手机"
					: registration.name().strip();
			device.describe(registration.deviceCode(), name, type, user.userId(), true);
		}
		else if (device.getUserId() != null && device.getUserId() != user.userId()) {
			throw new ConflictException(
					"the device is bound to another account; ask an administrator / 该设备已绑定其他账号，请联系管理员");
		}
		else if (!device.isEnabled()) {
			throw new ConflictException("the device is disabled / 该设备已停用");
		}
		else if (device.getUserId() == null) {
			device.describe(device.getDeviceCode(), device.getName(), device.getType(), user.userId(), true);
			created = true;
		}
		device.seen(now);
		device = this.devices.save(device);
		if (created) {
			this.audit
				.record(AuditRecord.success("DEVICE_REGISTER", "device", device.getId(), device.getType().name()));
		}
		return new Registered(device.getId(), device.getDeviceCode(), device.getName(), device.getType().name(),
				user.userId(), now);
	}

	record Registration(String deviceCode, String name, String type) {
	}

	record Registered(long id, String deviceCode, String name, String type, long userId, Instant lastSeenAt) {
	}

}
