package org.govgrid.iot;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code govgrid.iot}: the devices' shared signing secret for
 * {@code POST /api/v1/iot/messages} ({@code GOVGRID_IOT_DEVICE_SECRET}; empty: only
 * signed-in users may post), how old a signature may be, after how long without a message
 * a device is flagged offline, and the MQTT broker ({@code GOVGRID_MQTT_URL}; empty: no
 * subscription).
 */
@ConfigurationProperties("govgrid.iot")
record IotProperties(@DefaultValue("") String deviceSecret, @DefaultValue("5m") Duration signatureTolerance,
		@DefaultValue("30m") Duration offlineAfter, @DefaultValue Mqtt mqtt) {

	boolean signaturesEnabled() {
		return !this.deviceSecret.isBlank();
	}

	/**
	 * The broker: {@code tcp://host:1883} or {@code ssl://host:8883} (TLS with the JVM's
	 * trust store), optional user and password; a fixed client id so that the broker
	 * keeps the session (clean-session false) and queues QoS 1 messages while GovGrid is
	 * away. With several nodes, give each its own client id and use a shared subscription
	 * prefix ({@code $share/govgrid/}) in {@code topicPrefix}.
	 */
	record Mqtt(@DefaultValue("") String url, @DefaultValue("") String username, @DefaultValue("") String password,
			@DefaultValue("govgrid-iot") String clientId, @DefaultValue("") String topicPrefix) {

		boolean enabled() {
			return !this.url.isBlank();
		}

	}

}
