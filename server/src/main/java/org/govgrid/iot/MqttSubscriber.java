package org.govgrid.iot;

import java.util.concurrent.atomic.AtomicReference;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttCallbackExtended;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.govgrid.platform.InvalidInputException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Subscribes to {@code govgrid/iot/+/telemetry} and {@code govgrid/iot/+/alarm} on the
 * configured broker with QoS 1 and a persistent session (fixed client id, clean session
 * off), so the broker keeps what arrives while GovGrid is away; Paho reconnects by itself
 * and the subscriptions are made again on every connect. A message is acknowledged once
 * it is handled or rejected: a bad one is logged (never its payload) and counted
 * ({@code govgrid.iot.mqtt.messages{outcome=rejected}}), and never stops the subscriber.
 * Off while {@code govgrid.iot.mqtt.url} is empty.
 */
@Component
class MqttSubscriber implements SmartLifecycle {

	static final String TELEMETRY = "govgrid/iot/+/telemetry";

	static final String ALARM = "govgrid/iot/+/alarm";

	private static final Logger log = LoggerFactory.getLogger(MqttSubscriber.class);

	private final Messages messages;

	private final IotProperties properties;

	private final Counter accepted;

	private final Counter duplicates;

	private final Counter rejected;

	private final AtomicReference<MqttClient> client = new AtomicReference<>();

	MqttSubscriber(Messages messages, IotProperties properties, MeterRegistry meters) {
		this.messages = messages;
		this.properties = properties;
		this.accepted = meters.counter("govgrid.iot.mqtt.messages", "outcome", "accepted");
		this.duplicates = meters.counter("govgrid.iot.mqtt.messages", "outcome", "duplicate");
		this.rejected = meters.counter("govgrid.iot.mqtt.messages", "outcome", "rejected");
	}

	@Override
	public void start() {
		if (this.properties.mqtt().enabled()) {
			connect(this.properties.mqtt());
		}
	}

	/**
	 * Connects to {@code broker} (the first attempt in the background when the broker is
	 * down: Paho keeps retrying). Also for tests with a broker of their own.
	 */
	synchronized void connect(IotProperties.Mqtt broker) {
		stop();
		try {
			MqttClient mqtt = new MqttClient(broker.url(), broker.clientId(), new MemoryPersistence());
			MqttConnectOptions options = new MqttConnectOptions();
			options.setCleanSession(false);
			options.setAutomaticReconnect(true);
			options.setMaxInflight(1000);
			options.setKeepAliveInterval(30);
			if (!broker.username().isBlank()) {
				options.setUserName(broker.username());
				options.setPassword(broker.password().toCharArray());
			}
			mqtt.setCallback(new Callback(mqtt, broker.topicPrefix()));
			this.client.set(mqtt);
			try {
				mqtt.connect(options);
				subscribe(mqtt, broker.topicPrefix());
			}
			catch (MqttException ex) {
				log.warn("MQTT broker {} not reachable ({}); retrying in the background", broker.url(),
						ex.getMessage());
				new Thread(() -> retry(mqtt, options, broker), "govgrid-mqtt-connect").start();
			}
		}
		catch (MqttException ex) {
			throw new IllegalStateException("bad MQTT settings for " + broker.url(), ex);
		}
	}

	private void retry(MqttClient mqtt, MqttConnectOptions options, IotProperties.Mqtt broker) {
		long wait = 1000;
		while (this.client.get() == mqtt && !mqtt.isConnected()) {
			try {
				Thread.sleep(wait);
				mqtt.connect(options);
				subscribe(mqtt, broker.topicPrefix());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
			catch (MqttException ex) {
				wait = Math.min(wait * 2, 60_000);
			}
		}
	}

	private static void subscribe(MqttClient mqtt, String prefix) throws MqttException {
		mqtt.subscribe(new String[] { prefix + TELEMETRY, prefix + ALARM }, new int[] { 1, 1 });
		log.info("MQTT: subscribed to {} and {} at {}", prefix + TELEMETRY, prefix + ALARM, mqtt.getServerURI());
	}

	boolean connected() {
		MqttClient mqtt = this.client.get();
		return mqtt != null && mqtt.isConnected();
	}

	@Override
	public synchronized void stop() {
		MqttClient mqtt = this.client.getAndSet(null);
		if (mqtt == null) {
			return;
		}
		try {
			if (mqtt.isConnected()) {
				mqtt.disconnect(2000);
			}
			mqtt.close(true);
		}
		catch (MqttException ex) {
			log.warn("MQTT: closing the client failed: {}", ex.getMessage());
		}
	}

	@Override
	public boolean isRunning() {
		return this.client.get() != null;
	}

	/**
	 * Handles one message on Paho's thread; answers normally so the broker gets its ack.
	 */
	void handle(String topic, byte[] payload) {
		// the topic as published (a shared subscription's prefix is not part of it)
		String[] levels = topic.split("/");
		if (levels.length != 4 || !levels[0].equals("govgrid") || !levels[1].equals("iot") || levels[2].isBlank()) {
			this.rejected.increment();
			log.warn("MQTT reject on {}: not govgrid/iot/{{deviceCode}}/telemetry|alarm", topic);
			return;
		}
		try {
			Messages.Outcome outcome = this.messages.receive(payload, Messages.Channel.MQTT, levels[2], null);
			(outcome.duplicate() ? this.duplicates : this.accepted).increment();
		}
		catch (InvalidInputException ex) {
			this.rejected.increment();
			log.warn("MQTT reject on {}: {}", topic, ex.getMessage());
		}
		catch (RuntimeException ex) {
			this.rejected.increment();
			log.error("MQTT message on {} failed", topic, ex);
		}
	}

	private final class Callback implements MqttCallbackExtended {

		private final MqttClient mqtt;

		private final String prefix;

		Callback(MqttClient mqtt, String prefix) {
			this.mqtt = mqtt;
			this.prefix = prefix;
		}

		@Override
		public void connectComplete(boolean reconnect, String serverUri) {
			if (reconnect) {
				// the broker kept the session, but a broker restarted without it forgot
				// it
				new Thread(() -> {
					try {
						subscribe(this.mqtt, this.prefix);
					}
					catch (MqttException ex) {
						log.warn("MQTT: subscribing again failed: {}", ex.getMessage());
					}
				}, "govgrid-mqtt-resubscribe").start();
			}
		}

		@Override
		public void connectionLost(Throwable cause) {
			log.warn("MQTT connection lost ({}); reconnecting", cause == null ? "?" : cause.getMessage());
		}

		@Override
		public void messageArrived(String topic, MqttMessage message) {
			handle(topic, message.getPayload());
		}

		@Override
		public void deliveryComplete(IMqttDeliveryToken token) {
			// we only subscribe
		}

	}

}
