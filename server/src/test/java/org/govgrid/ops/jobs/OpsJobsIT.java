package org.govgrid.ops.jobs;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.govgrid.support.ApiClient;
import org.govgrid.support.ApiClient.Response;
import org.govgrid.support.ApiIntegrationTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.scheduling.support.ScheduledTaskObservationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The job overview (issue 15 item 2): every scheduled job with its schedule, last run and
 * next run; manual runs of the allow-listed ones, audited; a failed run recorded and
 * notified to the system admins; history kept bounded.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OpsJobsIT extends ApiIntegrationTest {

	private static final String CITY = "320500";

	private ApiClient admin;

	private String adminName;

	private ApiClient auditor;

	@Autowired
	private ObservationRegistry observations;

	@Autowired
	private JobHistoryRetention retention;

	@BeforeAll
	void signIn() {
		this.admin = this.accounts.signedIn(this.port, "SYS_ADMIN", CITY);
		this.adminName = this.admin.get("/api/v1/auth/me").json().path("username").asString();
		this.auditor = this.accounts.signedIn(this.port, "AUDITOR", CITY);
	}

	@Test
	void everyScheduledJobOfThePlatformIsListedWithItsScheduleAndNextRun() throws InterruptedException {
		// the 200 ms audit sealer has run by the time the list is read a few times
		JsonNode jobs = eventually(() -> this.auditor.get("/api/v1/ops/jobs").json(),
				(list) -> "SUCCESS".equals(job(list, "audit-chain-seal").path("lastOutcome").asString()));
		List<String> names = new ArrayList<>();
		jobs.forEach((job) -> names.add(job.path("name").asString()));
		assertThat(names).contains("dormant-accounts", "event-deadline-flags", "warning-sweep", "audit-chain-seal",
				"patrol-track-partitions", "stats-rollup-fold", "supervision-overdue", "iot-offline-devices",
				"import-retention", "ops-backup-full", "ops-backup-incremental", "ops-job-history-retention",
				"ops-security-check", "webhook-worker-poll", "notification-streams-heartbeat");
		jobs.forEach((job) -> {
			assertThat(job.path("schedule").asString()).as(job.toString()).isNotBlank();
			assertThat(job.path("nextRunAt").isNull()).as(job.toString()).isFalse();
			assertThat(job.path("module").asString()).as(job.toString()).isNotBlank();
		});
		JsonNode dormant = job(jobs, "dormant-accounts");
		assertThat(dormant.path("module").asString()).isEqualTo("identity");
		assertThat(dormant.path("scheduleKind").asString()).isEqualTo("CRON");
		assertThat(dormant.path("schedule").asString()).isEqualTo("0 0 2 1 * *");
		assertThat(dormant.path("zone").asString()).isEqualTo("Asia/Shanghai");
		assertThat(dormant.path("runnable").asBoolean()).isFalse();
		JsonNode seal = job(jobs, "audit-chain-seal");
		assertThat(seal.path("scheduleKind").asString()).isEqualTo("FIXED_DELAY");
		assertThat(seal.path("runnable").asBoolean()).isTrue();
		assertThat(seal.path("lastRunAt").isNull()).isFalse();
		assertThat(seal.path("durationMs").isNumber()).isTrue();
	}

	@Test
	void aFailedRunIsRecordedAndNotifiedAndAManualRunIsAuditedAndKeepsHistoryBounded() throws Exception {
		long adminId = this.accounts.id(this.adminName);
		int noticesBefore = notices(adminId);
		// a run of the retention job that fails, observed exactly as the scheduler does
		Method purge = JobHistoryRetention.class.getMethod("purge");
		assertThatThrownBy(() -> Observation
			.createNotStarted("tasks.scheduled.execution",
					() -> new ScheduledTaskObservationContext(this.retention, purge), this.observations)
			.observe(() -> {
				throw new IllegalStateException("disk full (test)");
			})).hasMessageContaining("disk full");

		JsonNode failed = job(this.admin.get("/api/v1/ops/jobs").json(), "ops-job-history-retention");
		assertThat(failed.path("lastOutcome").asString()).isEqualTo("FAILED");
		assertThat(failed.path("lastError").asString()).isEqualTo("IllegalStateException: disk full (test)");
		JsonNode history = this.auditor.get("/api/v1/ops/jobs/ops-job-history-retention/runs").json();
		assertThat(history.get(0).path("outcome").asString()).isEqualTo("FAILED");
		assertThat(history.get(0).path("trigger").asString()).isEqualTo("SCHEDULED");
		assertThat(notices(adminId)).isEqualTo(noticesBefore + 1);

		// old history goes with the next run; a recent row stays
		String old = "it-old-" + System.nanoTime();
		this.jdbc.update("""
				insert into ops_job_run (job_name, trigger, started_at, finished_at, outcome, duration_ms)
				values (?, 'SCHEDULED', now() - interval '40 days', now() - interval '40 days', 'SUCCESS', 1),
				       (?, 'SCHEDULED', now() - interval '2 days', now() - interval '2 days', 'SUCCESS', 1)""", old,
				old + "-recent");

		Response run = this.admin.post("/api/v1/ops/jobs/ops-job-history-retention/run", null);
		assertThat(run.status()).as(run.body()).isEqualTo(200);
		assertThat(run.json().path("outcome").asString()).isEqualTo("SUCCESS");
		assertThat(run.json().path("trigger").asString()).isEqualTo("MANUAL");
		assertThat(run.json().path("startedBy").asString()).isEqualTo(this.adminName);
		assertThat(this.jdbc.queryForObject("select count(*) from ops_job_run where job_name = ?", Integer.class, old))
			.isZero();
		assertThat(this.jdbc.queryForObject("select count(*) from ops_job_run where job_name = ?", Integer.class,
				old + "-recent"))
			.isOne();
		assertThat(this.jdbc.queryForObject("""
				select count(*) from audit_log where action = 'OPS_JOB_RUN' and object_id = 'ops-job-history-retention'
				    and username = ? and outcome = 'SUCCESS'""", Integer.class, this.adminName)).isOne();
		JsonNode after = job(this.auditor.get("/api/v1/ops/jobs").json(), "ops-job-history-retention");
		assertThat(after.path("lastOutcome").asString()).isEqualTo("SUCCESS");
		assertThat(after.path("failures").asLong()).isPositive();
		JsonNode runs = this.auditor.get("/api/v1/ops/jobs/ops-job-history-retention/runs").json();
		assertThat(runs.get(0).path("trigger").asString()).isEqualTo("MANUAL");
		assertThat(runs.get(1).path("outcome").asString()).isEqualTo("FAILED");
		assertThat(notices(adminId)).as("a success notifies nobody").isEqualTo(noticesBefore + 1);
	}

	@Test
	void onlyAllowListedJobsRunByHand() {
		Response dormant = this.admin.post("/api/v1/ops/jobs/dormant-accounts/run", null);
		assertThat(dormant.status()).isEqualTo(404);
		assertThat(dormant.problemType()).isEqualTo("https://govgrid.org/problems/not-found");
		assertThat(this.admin.post("/api/v1/ops/jobs/no-such-job/run", null).status()).isEqualTo(404);
		assertThat(this.admin.get("/api/v1/ops/jobs/no-such-job/runs").status()).isEqualTo(404);
		// 三员分立: the auditor reads and runs nothing
		assertThat(this.auditor.post("/api/v1/ops/jobs/audit-chain-seal/run", null).status()).isEqualTo(403);
	}

	private int notices(long userId) {
		return this.jdbc.queryForObject("select count(*) from notification where user_id = ? and kind = ?",
				Integer.class, userId, JobRecorder.JOB_FAILED);
	}

	private static JsonNode job(JsonNode jobs, String name) {
		for (JsonNode job : jobs) {
			if (job.path("name").asString().equals(name)) {
				return job;
			}
		}
		throw new AssertionError("no job " + name + " in " + jobs);
	}

}
