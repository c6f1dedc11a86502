package org.govgrid.bench;

import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * IoT messages (物联感知): telemetry of the demo town's devices (1) posted one message a call
 * through {@code POST /api/v1/iot/messages} by signed-in centre accounts, (2) published with
 * QoS 1 to {@code govgrid/iot/{code}/telemetry} on the broker the server subscribes to,
 * counted end to end (published until stored in {@code iot_message}), and (3) the same
 * number of rows written by {@code COPY iot_message} in batches of 1,000. Each message has
 * its own instant, so none is a duplicate of another.
 */
final class IotBench {

	private static final String COPY = "copy iot_message (device_id, at, type, alarm_kind, received_at, channel, payload)"
			+ " from stdin";

	private final List<Long> ids = new ArrayList<>();

	private final List<String> codes = new ArrayList<>();

	private final Instant base = Instant.now().minus(3, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);

	/** The devices of the demo town (in service). */
	void prepare(Connection db) throws Exception {
		try (PreparedStatement query = db.prepareStatement(
				"select id, code from iot_device where state <> 'DISABLED' order by id");
				ResultSet rs = query.executeQuery()) {
			while (rs.next()) {
				this.ids.add(rs.getLong(1));
				this.codes.add(rs.getString(2));
			}
		}
		if (this.ids.isEmpty()) {
			throw new IllegalStateException("no IoT devices: the demo profile seeds 40");
		}
	}

	private String json(int k, long offsetMillis) {
		return "{\"deviceCode\":\"" + this.codes.get(k % this.codes.size()) + "\",\"type\":\"TELEMETRY\",\"time\":\""
				+ this.base.plusMillis(offsetMillis + k) + "\",\"payload\":{\"battery\":" + (40 + k % 60)
				+ ",\"value\":" + (k % 1000) / 10.0 + "}}";
	}

	/** HTTP: {@code clients} accounts, {@code perClient} messages each; messages per second. */
	double http(List<Api> clients, int perClient) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(clients.size());
		try {
			long start = System.nanoTime();
			List<Future<?>> done = new ArrayList<>();
			for (int c = 0; c < clients.size(); c++) {
				int client = c;
				done.add(pool.submit(() -> {
					for (int i = 0; i < perClient; i++) {
						int k = client * perClient + i;
						HttpResponse<byte[]> response = clients.get(client).post("/api/v1/iot/messages", json(k, 0));
						if (response.statusCode() / 100 != 2) {
							throw new IllegalStateException("message " + k + " answered " + response.statusCode()
									+ " " + Api.text(response));
						}
					}
					return null;
				}));
			}
			for (Future<?> f : done) {
				f.get();
			}
			return clients.size() * perClient / ((System.nanoTime() - start) / 1e9);
		}
		finally {
			pool.shutdownNow();
		}
	}

	/** MQTT: publishes {@code total} messages; per second from the first publish to the last one stored. */
	double mqtt(Connection db, String broker, int total) throws Exception {
		long before = count(db, "MQTT");
		MqttClient client = new MqttClient(broker, "govgrid-bench-" + System.nanoTime(), new MemoryPersistence());
		MqttConnectOptions options = new MqttConnectOptions();
		options.setCleanSession(true);
		options.setMaxInflight(1000);
		client.connect(options);
		long start = System.nanoTime();
		try {
			for (int k = 0; k < total; k++) {
				MqttMessage message = new MqttMessage(json(k, 3_600_000).getBytes(StandardCharsets.UTF_8));
				message.setQos(1);
				client.publish("govgrid/iot/" + this.codes.get(k % this.codes.size()) + "/telemetry", message);
			}
		}
		finally {
			client.disconnect();
			client.close();
		}
		long deadline = System.nanoTime() + 300_000_000_000L;
		while (count(db, "MQTT") - before < total) {
			if (System.nanoTime() > deadline) {
				throw new IllegalStateException("only " + (count(db, "MQTT") - before) + " of " + total
						+ " MQTT messages stored after 300 s");
			}
			Thread.sleep(50);
		}
		return total / ((System.nanoTime() - start) / 1e9);
	}

	/** COPY: {@code total} rows in batches of 1,000, one transaction each; rows per second. */
	double copy(Connection connection, int total) throws Exception {
		connection.setAutoCommit(false);
		CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
		long start = System.nanoTime();
		for (int from = 0; from < total; from += 1000) {
			StringBuilder rows = new StringBuilder();
			String now = Instant.now().toString();
			for (int k = from; k < Math.min(total, from + 1000); k++) {
				rows.append(this.ids.get(k % this.ids.size()))
					.append('\t')
					.append(this.base.plusMillis(7_200_000 + k))
					.append("\tTELEMETRY\t\t")
					.append(now)
					.append("\tHTTP\t{\"battery\": ")
					.append(40 + k % 60)
					.append("}\n");
			}
			copy.copyIn(COPY, new ByteArrayInputStream(rows.toString().getBytes(StandardCharsets.UTF_8)));
			connection.commit();
		}
		return total / ((System.nanoTime() - start) / 1e9);
	}

	private static long count(Connection db, String channel) throws Exception {
		return EventBench.count(db, "select count(*) from iot_message where channel = '" + channel + "'");
	}

	static String markdown(int devices, int clients, int perClient, int mqttTotal, int copyTotal, double http,
			double mqtt, double copy) {
		StringBuilder out = new StringBuilder();
		out.append("\n## IoT messages: HTTP and MQTT end to end vs COPY of the same rows\n\n");
		out.append(String.format(Locale.ROOT, "- %d demo devices; HTTP: %d signed-in centre accounts posting %d "
				+ "telemetry messages each, one a call (each checked: device, scope, time, JSON; stored in the "
				+ "monthly-partitioned log with the device's last-seen and battery updated); MQTT: %d messages "
				+ "published with QoS 1, timed from the first publish until the last is stored; COPY: %d rows into "
				+ "iot_message in batches of 1,000.%n%n", devices, clients, perClient, mqttTotal, copyTotal));
		out.append("| path | messages/s | ratio to COPY |\n|---|---|---|\n");
		out.append(String.format(Locale.ROOT, "| HTTP | %,.0f | %.3f |%n", http, http / copy));
		out.append(String.format(Locale.ROOT, "| MQTT | %,.0f | %.3f |%n", mqtt, mqtt / copy));
		out.append(String.format(Locale.ROOT, "| COPY | %,.0f | 1 |%n", copy));
		return out.toString();
	}

	int devices() {
		return this.ids.size();
	}

}
