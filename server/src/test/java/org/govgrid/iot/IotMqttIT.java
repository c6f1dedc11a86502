package org.govgrid.iot;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import io.micrometer.core.instrument.MeterRegistry;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.govgrid.support.ApiClient;
import org.govgrid.support.ApiIntegrationTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 18's must-show over a real broker: a smoke detector in worker1's grid publishes
 * an alarm to Mosquitto; within 5 s an IOT event exists in that grid, routed; a second
 * alarm adds a flow row, not a second event. Bad messages are rejected and counted
 * without stopping the subscriber.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IotMqttIT extends ApiIntegrationTest {

	@Autowired
	MqttSubscriber subscriber;

	@Autowired
	MeterRegistry meters;

	private Mosquitto broker;

	private MqttClient device;

	@BeforeAll
	void startBrokerAndSubscribe() throws Exception {
		this.broker = Mosquitto.start();
		this.subscriber
			.connect(new IotProperties.Mqtt(this.broker.url(), "", "", "govgrid-it-" + System.nanoTime(), ""));
		assertThat(eventually(this.subscriber::connected, c -> c)).as("subscribed").isTrue();
		this.device = new MqttClient(this.broker.url(), "it-device-" + System.nanoTime(), new MemoryPersistence());
		MqttConnectOptions options = new MqttConnectOptions();
		options.setCleanSession(true);
		this.device.connect(options);
	}

	@AfterAll
	void stopBroker() throws Exception {
		if (this.device != null && this.device.isConnected()) {
			this.device.disconnect();
			this.device.close();
		}
		this.subscriber.stop();
		if (this.broker != null) {
			this.broker.close();
		}
	}

	@Test
	void aSmokeAlarmPublishedToTheBrokerBecomesOneRoutedEventInWorker1sGrid() throws Exception {
		ApiClient center = this.accounts.demo(this.port, "center");
		String code = IotFixture.uniqueCode("IT-MQTT-SMOKE");
		long id = IotFixture.register(center, code, "SMOKE_DETECTOR", center(IotIT.WORKER1_GRID))
			.json()
			.path("id")
			.asLong();
		long grid = this.accounts.region(IotIT.WORKER1_GRID).id();
		Instant at = Instant.now().minusSeconds(5);

		long started = System.nanoTime();
		publish("govgrid/iot/" + code + "/alarm",
				IotFixture.message(code, "ALARM", at, "SMOKE", "{\"smokeDensity\":0.35,\"battery\":90}"));
		List<Long> events = eventually(() -> eventsOf(id), e -> !e.isEmpty());
		assertThat(events).hasSize(1);
		assertThat((System.nanoTime() - started) / 1_000_000).as("ms until the event existed").isLessThan(5000);
		long eventId = events.get(0);
		var event = this.jdbc.queryForMap("select source, grid_id, routing_rule_id, status from event where id = ?",
				eventId);
		assertThat(event.get("source")).isEqualTo("IOT");
		assertThat(((Number) event.get("grid_id")).longValue()).isEqualTo(grid);
		assertThat(event.get("routing_rule_id")).as("routed by the rules").isNotNull();
		// worker1 sees it on the phone's grid as well
		assertThat(this.accounts.demo(this.port, "worker1")
			.get("/api/v1/iot/devices/" + id)
			.json()
			.path("state")
			.asString()).isEqualTo("ALARM");

		publish("govgrid/iot/" + code + "/alarm",
				IotFixture.message(code, "ALARM", at.plusSeconds(2), "SMOKE", "{\"smokeDensity\":0.5}"));
		assertThat(eventually(() -> notes(eventId), n -> n == 1)).as("a flow row for the repeat").isEqualTo(1);
		assertThat(eventsOf(id)).containsExactly(eventId);
		assertThat(this.jdbc.queryForObject("select count(*) from event where idempotency_key like ?", Integer.class,
				"iot:" + id + ":%"))
			.isEqualTo(1);
	}

	@Test
	void badMessagesAreRejectedAndCountedAndTheSubscriberCarriesOn() throws Exception {
		ApiClient center = this.accounts.demo(this.port, "center");
		String code = IotFixture.uniqueCode("IT-MQTT-TEL");
		long id = IotFixture.register(center, code, "HYDRANT_PRESSURE", center(IotIT.WORKER1_GRID))
			.json()
			.path("id")
			.asLong();
		double rejectedBefore = rejected();
		publish("govgrid/iot/" + code + "/telemetry", "pressure=0.3");
		publish("govgrid/iot/IT-NOBODY-" + System.nanoTime() + "/telemetry",
				IotFixture.message("x", "TELEMETRY", Instant.now(), null, "{}"));
		publish("govgrid/iot/" + code + "/telemetry",
				IotFixture.message(code, "TELEMETRY", Instant.now().plusSeconds(3600), null, "{}"));
		assertThat(eventually(this::rejected, r -> r >= rejectedBefore + 3)).isEqualTo(rejectedBefore + 3);

		publish("govgrid/iot/" + code + "/telemetry",
				IotFixture.message(code, "TELEMETRY", Instant.now().minusSeconds(1), null, "{\"pressureMpa\":0.31}"));
		assertThat(eventually(() -> messages(id), n -> n == 1)).isEqualTo(1);
		assertThat(this.jdbc.queryForObject("select channel from iot_message where device_id = ?", String.class, id))
			.isEqualTo("MQTT");
		assertThat(this.subscriber.connected()).isTrue();
	}

	private void publish(String topic, String body) throws Exception {
		MqttMessage message = new MqttMessage(body.getBytes(StandardCharsets.UTF_8));
		message.setQos(1);
		this.device.publish(topic, message);
	}

	private List<Long> eventsOf(long deviceId) {
		return this.jdbc.queryForList("select event_id from iot_alarm where device_id = ?", Long.class, deviceId);
	}

	private int notes(long eventId) {
		return this.jdbc.queryForObject("select count(*) from event_flow where event_id = ? and action = 'note'",
				Integer.class, eventId);
	}

	private int messages(long deviceId) {
		return this.jdbc.queryForObject("select count(*) from iot_message where device_id = ?", Integer.class,
				deviceId);
	}

	private double rejected() {
		return this.meters.counter("govgrid.iot.mqtt.messages", "outcome", "rejected").count();
	}

}
