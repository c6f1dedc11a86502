package org.govgrid.ops;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;

import org.govgrid.support.ApiClient;
import org.govgrid.support.ApiIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Backups of the shared embedded database (issue 15 item 1): a full backup and two
 * incrementals between writes, restored by drills to their end and to a point in time in
 * between; a corrupted file fails verification and a missing WAL segment is reported.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BackupDrillIT extends ApiIntegrationTest {

	private static final String GRID = "320505006001001";

	@Autowired
	private Backups backups;

	@Autowired
	private DataSource dataSource;

	private final List<Long> taken = new ArrayList<>();

	private final String marker = "备份演练 " + UUID.randomUUID();

	/**
	 * A table only this test writes: the drills must give exactly its rows, whatever the
	 * platform's jobs do to the others meanwhile.
	 */
	private final String probe = "ops_drill_probe_" + UUID.randomUUID().toString().substring(0, 8);

	@BeforeAll
	void createTheProbeTable() {
		this.jdbc.execute("create table " + this.probe + " (id int primary key, what text not null)");
	}

	@Test
	@Order(1)
	void drillsRestoreTheEndStateOfTheChainAndAPointInTimeBetweenTwoWrites() throws Exception {
		ApiClient admin = this.accounts.demo(this.port, "admin");
		ApiClient worker = this.accounts.demo(this.port, "worker1");

		write(worker, "first");
		JsonNode full = backup(admin, "FULL");
		assertThat(full.path("verified").asBoolean()).isTrue();
		assertThat(full.path("sizeBytes").asLong()).isPositive();
		assertThat(full.path("walFrom").asString()).hasSize(24);
		assertThat(full.path("markLsn").asString()).contains("/");

		write(worker, "second");
		JsonNode first = backup(admin, "INCREMENTAL");
		assertThat(first.path("parentId").asLong()).isEqualTo(full.path("id").asLong());
		Thread.sleep(1200);
		String probeBetween = checksum(this.probe);
		String eventsBetween = checksum("event");
		Instant between = Instant.now();
		Thread.sleep(1200);

		write(worker, "third");
		JsonNode second = backup(admin, "INCREMENTAL");
		assertThat(second.path("parentId").asLong()).isEqualTo(first.path("id").asLong());
		String probeAtEnd = checksum(this.probe);
		assertThat(probeAtEnd).startsWith("3:").isNotEqualTo(probeBetween);

		JsonNode end = drill(admin, second.path("id").asLong(), Map.of());
		assertThat(end.path("status").asString()).as(end.toString()).isEqualTo("PASSED");
		assertThat(end.path("tables").size()).isGreaterThan(20);
		for (JsonNode table : end.path("tables")) {
			assertThat(table.path("actual").asString()).as(table.path("name").asString())
				.isEqualTo(table.path("expected").asString());
		}
		assertThat(table(end, this.probe).path("actual").asString()).isEqualTo(probeAtEnd);
		assertThat(table(end, "event").path("actual").asString()).isNotEqualTo(eventsBetween);

		JsonNode pointInTime = drill(admin, second.path("id").asLong(), Map.of("until", between.toString()));
		assertThat(pointInTime.path("status").asString()).as(pointInTime.toString()).isEqualTo("PASSED");
		assertThat(table(pointInTime, this.probe).path("actual").asString()).isEqualTo(probeBetween);
		assertThat(table(pointInTime, "event").path("actual").asString()).isEqualTo(eventsBetween);

		List<Long> listed = new ArrayList<>();
		admin.get("/api/v1/ops/backups").json().forEach((backup) -> listed.add(backup.path("id").asLong()));
		assertThat(listed).contains(second.path("id").asLong());
		JsonNode withDrills = admin.get("/api/v1/ops/backups/" + second.path("id").asLong()).json();
		assertThat(withDrills.path("drills").size()).isEqualTo(2);
		assertThat(admin.get("/api/v1/ops/drills/987654321").status()).isEqualTo(404);
	}

	@Test
	@Order(2)
	void aCorruptedFileFailsVerificationAndTheBackupCannotBeRestored() throws Exception {
		ApiClient admin = this.accounts.demo(this.port, "admin");
		JsonNode full = backup(admin, "FULL");
		long id = full.path("id").asLong();
		Path pgControl = this.backups.folder(id).resolve("data/global/pg_control");
		byte[] bytes = Files.readAllBytes(pgControl);
		bytes[100] ^= 0x5A;
		Files.write(pgControl, bytes);

		JsonNode verified = admin.post("/api/v1/ops/backups/" + id + "/verify", Map.of()).json();
		assertThat(verified.path("verified").asBoolean()).isFalse();
		assertThat(verified.path("status").asString()).isEqualTo("FAILED");
		assertThat(verified.path("error").asString()).contains("data/global/pg_control: sha256 mismatch");
		assertThat(admin.post("/api/v1/ops/backups/" + id + "/drill", Map.of()).status()).isEqualTo(409);
	}

	@Test
	@Order(3)
	void aMissingWalSegmentIsReportedAsAGap() throws Exception {
		ApiClient admin = this.accounts.demo(this.port, "admin");
		// a good full backup to continue from (the one before was corrupted on purpose)
		assertThat(backup(admin, "FULL").path("status").asString()).isEqualTo("DONE");
		report(this.accounts.demo(this.port, "worker1"), "gap");
		String segment = this.jdbc.queryForObject("select pg_walfile_name(pg_switch_wal())", String.class);
		this.backups.archive().awaitArchived(segment, 60_000);
		Path archived = this.backups.archive().file(segment);
		Path aside = archived.resolveSibling(segment + ".aside");
		Files.move(archived, aside);
		try {
			JsonNode gap = backup(admin, "INCREMENTAL");
			assertThat(gap.path("status").asString()).isEqualTo("FAILED");
			assertThat(gap.path("error").asString()).contains("WAL gap").contains(segment);
		}
		finally {
			Files.move(aside, archived, StandardCopyOption.REPLACE_EXISTING);
		}
	}

	@Test
	@Order(4)
	void badInputIsAProblemAndAnUnknownBackupIsNotFound() {
		ApiClient admin = this.accounts.demo(this.port, "admin");
		assertThat(admin.post("/api/v1/ops/backups", Map.of("type", "WEEKLY")).errorFields()).containsExactly("type");
		assertThat(admin.post("/api/v1/ops/backups/987654321/drill", Map.of("until", "yesterday")).errorFields())
			.containsExactly("until");
		assertThat(admin.get("/api/v1/ops/backups/987654321").status()).isEqualTo(404);
		assertThat(admin.post("/api/v1/ops/backups/987654321/drill", Map.of()).status()).isEqualTo(404);
	}

	@AfterAll
	void deleteTheTestsBackupsAndTheProbeTable() {
		this.taken.forEach((id) -> Backups.delete(this.backups.folder(id)));
		this.jdbc.execute("drop table if exists " + this.probe);
	}

	/** An event reported through the API and a row of the probe table. */
	private void write(ApiClient worker, String what) {
		report(worker, what);
		this.jdbc.update(
				"insert into " + this.probe + " (id, what) values ((select count(*) + 1 from " + this.probe + "), ?)",
				what);
	}

	private void report(ApiClient worker, String what) {
		ApiClient.Response response = worker.post("/api/v1/events",
				eventReport("QT-01", GRID, "GRID_WORKER", this.marker + " " + what, "备份演练地址"));
		assertThat(response.status()).as(response.body()).isEqualTo(201);
	}

	/** Starts a backup and waits for it to finish; answers its final view. */
	private JsonNode backup(ApiClient admin, String type) throws InterruptedException {
		ApiClient.Response started = admin.post("/api/v1/ops/backups", Map.of("type", type));
		assertThat(started.status()).as(started.body()).isEqualTo(202);
		assertThat(started.json().path("status").asString()).isEqualTo("RUNNING");
		long id = started.json().path("id").asLong();
		this.taken.add(id);
		JsonNode view = waitFor(admin, "/api/v1/ops/backups/" + id);
		assertThat(view.path("type").asString()).isEqualTo(type);
		if (!type.equals("INCREMENTAL") || !view.path("status").asString().equals("FAILED")) {
			assertThat(view.path("status").asString()).as(view.toString()).isEqualTo("DONE");
		}
		return view;
	}

	private JsonNode drill(ApiClient admin, long backupId, Map<String, Object> body) throws InterruptedException {
		ApiClient.Response started = admin.post("/api/v1/ops/backups/" + backupId + "/drill", body);
		assertThat(started.status()).as(started.body()).isEqualTo(202);
		return waitFor(admin, "/api/v1/ops/drills/" + started.json().path("id").asLong());
	}

	private static JsonNode waitFor(ApiClient admin, String path) throws InterruptedException {
		long deadline = System.currentTimeMillis() + 240_000;
		JsonNode view = admin.get(path).json();
		while (view.path("status").asString().equals("RUNNING") && System.currentTimeMillis() < deadline) {
			Thread.sleep(250);
			view = admin.get(path).json();
		}
		return view;
	}

	private static JsonNode table(JsonNode drill, String name) {
		for (JsonNode table : drill.path("tables")) {
			if (table.path("name").asString().equals(name)) {
				return table;
			}
		}
		throw new AssertionError("no table " + name + " in " + drill);
	}

	private String checksum(String table) throws SQLException {
		try (Connection connection = this.dataSource.getConnection()) {
			return TableChecksums.compute(connection, table);
		}
	}

}
