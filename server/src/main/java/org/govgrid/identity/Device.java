package org.govgrid.identity;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A terminal device (phone, pad, PC) bound to a user (标准 7.2.10). */
@Entity
@Table(name = "device")
class Device {

	enum Type {

		PHONE, PAD, PC, TERMINAL

	}

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private String deviceCode;

	private String name;

	@Enumerated(EnumType.STRING)
	private Type type;

	private Long userId;

	private boolean enabled = true;

	private Instant lastSeenAt;

	private Instant createdAt = Instant.now();

	@Version
	private long version;

	protected Device() {
	}

	Device(String deviceCode) {
		this.deviceCode = deviceCode;
	}

	void describe(String deviceCode, String name, Type type, Long userId, boolean enabled) {
		this.deviceCode = deviceCode;
		this.name = name;
		this.type = type;
		this.userId = userId;
		this.enabled = enabled;
	}

	/** The device was just used by its user. */
	void seen(Instant at) {
		this.lastSeenAt = at;
	}

	Long getId() {
		return this.id;
	}

	String getDeviceCode() {
		return this.deviceCode;
	}

	String getName() {
		return this.name;
	}

	Type getType() {
		return this.type;
	}

	Long getUserId() {
		return this.userId;
	}

	boolean isEnabled() {
		return this.enabled;
	}

	Instant getLastSeenAt() {
		return this.lastSeenAt;
	}

	Instant getCreatedAt() {
		return this.createdAt;
	}

}
