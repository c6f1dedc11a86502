package org.govgrid.performance;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.govgrid.collection.RecordApproved;
import org.govgrid.event.EventChanged;
import org.govgrid.event.EventJobs;
import org.govgrid.event.EventSnapshots;
import org.govgrid.patrol.PatrolFinished;
import org.govgrid.support.ApiClient;
import org.govgrid.support.ApiClient.Response;
import org.govgrid.support.ApiIntegrationTest;
import org.govgrid.support.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * 积分与排名 end to end: worker1's report, verification, self-handling, a rejected report, an
 * hour's patrol, an approved record, an overdue event and poor ratings each write one
 * ledger row with the rule's points, and the ledger, the rankings and the phone's summary
 * move by exactly that; a replay of the same domain events adds nothing; a rule change
 * applies from its effective time only; scope and bad parameters.
 *
 * <p>
 * Each test moves the platform clock to a fixed day of next month (Asia/Shanghai), so its
 * work falls in one month that no other test writes to.
 */
class PerformanceIT extends ApiIntegrationTest {

	private static final ZoneId LOCAL = ZoneId.of("Asia/Shanghai");

	private static final String TOWN = "320505006";

	private static final String COMMUNITY = "320505006001";

	private static final String GRID_1 = "320505006001001";

	/**
	 * A grid no other test reports in (the demo warning rule counts reports per grid).
	 */
	private static final String QUIET_GRID = "320505006003002";

	@Autowired
	TestClock clock;

	@Autowired
	ApplicationContext context;

	@Autowired
	ApplicationEventPublisher publisher;

	@Autowired
	PlatformTransactionManager transactions;

	@Autowired
	EventSnapshots snapshots;

	@AfterEach
	void backToNow() {
		this.clock.reset();
	}

	@Test
	void everyKindOfWorkMovesTheLedgerAndTheRankings() {
		ApiClient worker1 = this.accounts.demo(this.port, "worker1");
		ApiClient worker2 = this.accounts.demo(this.port, "worker2");
		ApiClient center = this.accounts.demo(this.port, "center");
		ApiClient deptCg = this.accounts.demo(this.port, "dept_cg");
		ApiClient leader = this.accounts.demo(this.port, "leader");
		ApiClient chief1 = this.accounts.demo(this.port, "chief1");
		ApiClient admin = this.accounts.demo(this.port, "admin");
		ApiClient otherChief = this.accounts.signedIn(this.port, "GRID_CHIEF", "320505006002");
		long worker1Id = this.accounts.id("worker1");
		long deptCgId = this.accounts.id("dept_cg");
		long grid1 = this.accounts.region(GRID_1).id();
		String period = moveToDayOfNextMonth(10);
		BigDecimal before = ledger(worker1, worker1Id, period).path("points").decimalValue();
		int entriesBefore = ledger(worker1, worker1Id, period).path("total").asInt();

		// report (+2), handled by 城管, verified by the reporter (+1), rated 2 (−1 to 城管's
		// handler)
		long e1 = report(worker1, "CSGL-01", "积分测试：占道经营");
		deptCg.post("/api/v1/events/" + e1 + "/sign", Map.of());
		deptCg.post("/api/v1/events/" + e1 + "/resolve", Map.of("comment", "已处置"));
		assertThat(worker1.post("/api/v1/events/" + e1 + "/verify", Map.of("passed", true))
			.json()
			.path("status")
			.asString()).isEqualTo("CLOSED");
		assertThat(leader.post("/api/v1/events/" + e1 + "/evaluate", Map.of("score", 2)).status()).isEqualTo(200);
		// report (+2), self-handled (+3), rated 1 (−1 to the reporter who handled it)
		long e2 = report(worker1, "HJWS-02", "积分测试：垃圾堆放");
		assertThat(worker1.post("/api/v1/events/" + e2 + "/self-handle", Map.of("comment", "已现场清理")).status())
			.isEqualTo(200);
		assertThat(leader.post("/api/v1/events/" + e2 + "/evaluate", Map.of("score", 1)).status()).isEqualTo(200);
		// report (+2), rejected as invalid (−1)
		long e3 = report(worker1, "QT-01", "积分测试：无效上报");
		assertThat(center.post("/api/v1/events/" + e3 + "/reject", Map.of("comment", "不属于受理范围")).status())
			.isEqualTo(200);
		// an hour's patrol (+1)
		double[] point = center(GRID_1);
		long patrol = worker1.post("/api/v1/patrols", Map.of("domainCode", "SR", "lon", point[0], "lat", point[1]))
			.json()
			.path("id")
			.asLong();
		this.clock.advance(Duration.ofHours(1));
		assertThat(worker1.post("/api/v1/patrols/" + patrol + "/finish", Map.of("lon", point[0], "lat", point[1]))
			.status()).isEqualTo(200);
		// an approved record (+0.5)
		long form = admin
			.post("/api/v1/collection/forms",
					Map.of("code", "PF-" + System.nanoTime() % 100000, "name", "积分测试表单", "fields",
							List.of(Map.of("key", "note", "label", "备注", "type", "TEXT", "required", true))))
			.json()
			.path("id")
			.asLong();
		long record = worker1
			.post("/api/v1/collection/records",
					Map.of("formId", form, "lon", point[0], "lat", point[1], "answers", Map.of("note", "积分测试")))
			.json()
			.path("id")
			.asLong();
		assertThat(chief1.post("/api/v1/collection/records/" + record + "/approve", Map.of()).status()).isEqualTo(200);
		// report (+2), dispatched to worker1's grid with worker1 as the handler, overdue
		// (−2)
		long e4 = report(worker1, "HJWS-01", "积分测试：污水外溢");
		Instant deadline = this.clock.instant().plus(Duration.ofHours(1)).truncatedTo(ChronoUnit.SECONDS);
		Response dispatched = center.post("/api/v1/events/" + e4 + "/dispatch", Map.of("targetUnitKind", "GRID",
				"targetUnitId", grid1, "assigneeId", worker1Id, "deadline", deadline.toString()));
		assertThat(dispatched.status()).as(dispatched.body()).isEqualTo(200);
		this.clock.advance(Duration.ofHours(2));
		EventJobs.recomputeDeadlineFlags(this.context, this.clock.instant());
		assertThat(this.jdbc.queryForObject("select flag from event where id = ?", String.class, e4)).isEqualTo("RED");

		JsonNode ledger = ledger(worker1, worker1Id, period);
		assertThat(entry(ledger, "report", e1).path("points").decimalValue()).isEqualByComparingTo("2");
		assertThat(entry(ledger, "verified", e1).path("points").decimalValue()).isEqualByComparingTo("1");
		assertThat(entry(ledger, "report", e2).path("points").decimalValue()).isEqualByComparingTo("2");
		assertThat(entry(ledger, "self-handled", e2).path("points").decimalValue()).isEqualByComparingTo("3");
		assertThat(entry(ledger, "poor-evaluation", e2).path("points").decimalValue()).isEqualByComparingTo("-1");
		assertThat(entry(ledger, "rejected", e3).path("points").decimalValue()).isEqualByComparingTo("-1");
		assertThat(entry(ledger, "patrol-hour", patrol).path("points").decimalValue()).isEqualByComparingTo("1");
		assertThat(entry(ledger, "patrol-hour", patrol).path("sourceType").asString()).isEqualTo("PATROL");
		assertThat(entry(ledger, "record-approved", record).path("points").decimalValue()).isEqualByComparingTo("0.5");
		assertThat(entry(ledger, "overdue", e4).path("points").decimalValue()).isEqualByComparingTo("-2");
		assertThat(Instant.parse(entry(ledger, "overdue", e4).path("occurredAt").asString()))
			.as("overdue from the deadline on")
			.isEqualTo(deadline);
		assertThat(entry(ledger, "report", e1).path("gridName").asString()).isNotBlank();
		assertThat(entry(ledger, "report", e1).path("reason").asString()).contains("上报事件");
		assertThat(ledger.path("items")).noneSatisfy(e -> {
			assertThat(e.path("sourceId").asLong()).isEqualTo(e1);
			assertThat(e.path("ruleCode").asString()).isEqualTo("poor-evaluation");
		});
		BigDecimal earned = new BigDecimal("9.5");
		assertThat(ledger.path("points").decimalValue()).isEqualByComparingTo(before.add(earned));
		assertThat(ledger.path("total").asInt()).isEqualTo(entriesBefore + 11);
		JsonNode handler = ledger(center, deptCgId, period);
		assertThat(entry(handler, "poor-evaluation", e1).path("points").decimalValue()).isEqualByComparingTo("-1");

		// the rankings say the same
		BigDecimal total = ledger.path("points").decimalValue();
		JsonNode workers = chief1.get("/api/v1/rankings/workers?period=" + period + "&regionId=" + grid1).json();
		assertThat(workers.path("period").asString()).isEqualTo(period);
		assertThat(workers.path("from").asString()).isEqualTo(period + "-01");
		JsonNode mine = item(workers, "userId", worker1Id);
		assertThat(mine.path("points").decimalValue()).isEqualByComparingTo(total);
		assertThat(mine.path("name").asString()).isEqualTo("网格员一");
		assertThat(mine.path("gridId").asLong()).isEqualTo(grid1);
		if (!mine.path("previousRank").isNull()) {
			assertThat(mine.path("change").asInt())
				.isEqualTo(mine.path("previousRank").asInt() - mine.path("rank").asInt());
		}
		assertThat(workers.path("items")).as("department staff are not grid workers")
			.noneSatisfy(w -> assertThat(w.path("userId").asLong()).isEqualTo(deptCgId));
		assertThat(
				item(leader.get("/api/v1/rankings/workers?period=" + period).json(), "userId", worker1Id).path("points")
					.decimalValue())
			.isEqualByComparingTo(total);
		JsonNode phone = worker1.get("/api/v1/points/me").json();
		assertThat(phone.path("period").asString()).isEqualTo(period);
		assertThat(phone.path("points").decimalValue()).isEqualByComparingTo(total);
		assertThat(phone.path("rank").asInt()).isPositive();
		assertThat(phone.path("areaId").asLong()).isEqualTo(this.accounts.region(COMMUNITY).id());
		assertThat(phone.path("recent").size()).isEqualTo(5);

		JsonNode grids = chief1.get("/api/v1/rankings/grids?period=" + period).json();
		JsonNode grid = item(grids, "gridId", grid1);
		assertThat(grid.path("workerPoints").decimalValue()).isGreaterThanOrEqualTo(total);
		assertThat(grid.path("closedEvents").asLong()).isGreaterThanOrEqualTo(2);
		assertThat(grid.path("satisfaction").asDouble()).isGreaterThan(0);
		assertThat(grid.path("points").asDouble()).as("workers' points + 10 × on-time rate + 2 × rating")
			.isCloseTo(grid.path("workerPoints").asDouble() + 10 * grid.path("onTimeRate").asDouble()
					+ 2 * grid.path("satisfaction").asDouble(), within(0.02));

		// a replay of the same domain events adds nothing
		long rows = this.jdbc.queryForObject("select count(*) from point_entry", Long.class);
		EventChanged e1Now = this.snapshots.after(e1 - 1, 1).get(0);
		Map<String, Object> p = this.jdbc.queryForMap("select * from patrol where id = ?", patrol);
		new TransactionTemplate(this.transactions).executeWithoutResult(status -> {
			this.publisher.publishEvent(new EventChanged(e1Now.eventId(), e1Now.code(), e1Now.categoryCode(),
					e1Now.level(), e1Now.source(), e1Now.reporterId(), e1Now.assigneeId(), e1Now.gridId(),
					e1Now.communityId(), e1Now.townId(), e1Now.regionPath(), e1Now.status(), e1Now.flag(),
					e1Now.selfHandled(), e1Now.reportedAt(), e1Now.closedAt(), e1Now.disposalDeadline(), e1Now.score(),
					List.of(new EventChanged.Step("report", null, "REPORTED", worker1Id, e1Now.reportedAt()),
							new EventChanged.Step("verify", "RESOLVED", "CLOSED", worker1Id, e1Now.closedAt()),
							new EventChanged.Step("evaluate", "CLOSED", "CLOSED", null, e1Now.closedAt()))));
			this.publisher.publishEvent(new PatrolFinished(patrol, worker1Id, grid1, (String) p.get("region_path"),
					"SR", ((java.sql.Timestamp) p.get("started_at")).toInstant(),
					((java.sql.Timestamp) p.get("finished_at")).toInstant(), 3600, 0));
			this.publisher.publishEvent(new RecordApproved(record, worker1Id, grid1,
					this.accounts.region(GRID_1).path(), form, this.clock.instant()));
		});
		EventJobs.recomputeDeadlineFlags(this.context, this.clock.instant().plus(Duration.ofHours(1)));
		assertThat(this.jdbc.queryForObject("select count(*) from point_entry", Long.class)).isEqualTo(rows);
		assertThat(ledger(worker1, worker1Id, period).path("points").decimalValue()).isEqualByComparingTo(total);
		assertThat(item(chief1.get("/api/v1/rankings/workers?period=" + period + "&regionId=" + grid1).json(), "userId",
				worker1Id)
			.path("points")
			.decimalValue()).isEqualByComparingTo(total);
		assertThatThrownBy(() -> this.jdbc.update("update point_entry set points = 100 where user_id = ?", worker1Id))
			.as("the ledger is append-only")
			.hasMessageContaining("append-only");
		assertThatThrownBy(() -> this.jdbc.update("delete from point_entry where user_id = ?", worker1Id))
			.hasMessageContaining("append-only");

		// who sees whose ledger
		assertThat(worker2.get("/api/v1/points/" + worker1Id).status()).as("another worker").isEqualTo(404);
		assertThat(otherChief.get("/api/v1/points/" + worker1Id).status()).as("another community's chief")
			.isEqualTo(404);
		assertThat(chief1.get("/api/v1/points/" + worker1Id + "?period=" + period).status()).isEqualTo(200);
		assertThat(chief1.get("/api/v1/points/987654321").status()).isEqualTo(404);
		assertThat(chief1.get("/api/v1/rankings/workers?regionId=" + this.accounts.region(TOWN).id()).status())
			.isEqualTo(404);
		assertThat(worker1.get("/api/v1/rankings/grids?regionId=" + this.accounts.region(COMMUNITY).id()).status())
			.isEqualTo(404);
		assertThat(worker1.get("/api/v1/rankings/workers").json().path("regionId").asLong())
			.as("a worker's own area is their grid")
			.isEqualTo(grid1);
	}

	@Test
	void aRuleChangeAppliesFromItsEffectiveTimeOnlyAndTiesShareARank() {
		ApiClient admin = this.accounts.signedIn(this.port, "SYS_ADMIN", "320500");
		ApiClient a = this.accounts.signedIn(this.port, "GRID_WORKER", QUIET_GRID);
		ApiClient b = this.accounts.signedIn(this.port, "GRID_WORKER", QUIET_GRID);
		ApiClient worker = this.accounts.demo(this.port, "worker2");
		long aId = a.get("/api/v1/auth/me").json().path("id").asLong();
		long bId = b.get("/api/v1/auth/me").json().path("id").asLong();
		long quietGrid = this.accounts.region(QUIET_GRID).id();
		String period = moveToDayOfNextMonth(20);

		long x1 = report(a, QUIET_GRID, "QT-01", "积分测试：甲一");
		long x2 = report(b, QUIET_GRID, "QT-01", "积分测试：乙一");
		JsonNode tie = this.accounts.demo(this.port, "leader")
			.get("/api/v1/rankings/workers?period=" + period + "&regionId=" + quietGrid)
			.json();
		assertThat(item(tie, "userId", aId).path("rank").asInt())
			.isEqualTo(item(tie, "userId", bId).path("rank").asInt());

		assertThat(worker.put("/api/v1/point-rules/report", Map.of("points", 5)).status()).isEqualTo(403);
		assertThat(admin.put("/api/v1/point-rules/nope", Map.of("points", 5)).status()).isEqualTo(404);
		Response bad = admin.put("/api/v1/point-rules/report",
				Map.of("points", 1000, "effectiveFrom", this.clock.instant().minus(Duration.ofDays(1)).toString()));
		assertThat(bad.status()).isEqualTo(400);
		assertThat(bad.errorFields()).containsExactlyInAnyOrder("points", "effectiveFrom");
		Instant effective = this.clock.instant().plus(Duration.ofMinutes(1)).truncatedTo(ChronoUnit.SECONDS);
		Response changed = admin.put("/api/v1/point-rules/report",
				Map.of("points", 5, "effectiveFrom", effective.atZone(LOCAL).toOffsetDateTime().toString()));
		assertThat(changed.status()).as(changed.body()).isEqualTo(200);
		assertThat(changed.json().path("points").decimalValue()).as("still the old value now")
			.isEqualByComparingTo("2");
		JsonNode versions = changed.json().path("versions");
		assertThat(versions.get(0).path("points").decimalValue()).isEqualByComparingTo("5");
		assertThat(Instant.parse(versions.get(0).path("effectiveFrom").asString())).isEqualTo(effective);
		assertThat(versions.get(0).path("effectiveTo").isNull()).isTrue();
		assertThat(Instant.parse(versions.get(1).path("effectiveTo").asString())).isEqualTo(effective);

		long x3 = report(a, QUIET_GRID, "QT-01", "积分测试：甲二");
		this.clock.advance(Duration.ofMinutes(2));
		long x4 = report(b, QUIET_GRID, "QT-01", "积分测试：乙二");
		JsonNode ledgerA = ledger(a, aId, period);
		JsonNode ledgerB = ledger(b, bId, period);
		assertThat(entry(ledgerA, "report", x1).path("points").decimalValue()).isEqualByComparingTo("2");
		assertThat(entry(ledgerA, "report", x3).path("points").decimalValue()).as("before the change took effect")
			.isEqualByComparingTo("2");
		assertThat(entry(ledgerB, "report", x2).path("points").decimalValue()).isEqualByComparingTo("2");
		assertThat(entry(ledgerB, "report", x4).path("points").decimalValue()).as("after").isEqualByComparingTo("5");
		assertThat(entry(ledgerB, "report", x4).path("ruleVersionId").asLong())
			.isEqualTo(versions.get(0).path("id").asLong());

		JsonNode rules = admin.get("/api/v1/point-rules").json();
		JsonNode report = item(rules, "code", "report");
		assertThat(report.path("points").decimalValue()).as("in force now").isEqualByComparingTo("5");
		assertThat(rules).extracting(r -> r.path("code").asString())
			.contains("report", "verified", "self-handled", "patrol-hour", "record-approved", "overdue",
					"poor-evaluation", "rejected");
		assertThat(item(rules, "code", "record-approved").path("points").decimalValue()).isEqualByComparingTo("0.5");

		JsonNode ranking = a.get("/api/v1/rankings/workers?period=" + period).json();
		assertThat(ranking.path("items").size()).as("a worker's area is their grid").isGreaterThanOrEqualTo(2);
		JsonNode rankA = item(ranking, "userId", aId);
		JsonNode rankB = item(ranking, "userId", bId);
		assertThat(rankA.path("points").decimalValue()).isEqualByComparingTo("4");
		assertThat(rankB.path("points").decimalValue()).isEqualByComparingTo("7");
		assertThat(rankB.path("rank").asInt()).isLessThan(rankA.path("rank").asInt());
		// nothing last month: ranked then among the workers without points, last and tied
		JsonNode lastMonth = a.get("/api/v1/rankings/workers?period=" + YearMonth.parse(period).minusMonths(1)).json();
		assertThat(item(lastMonth, "userId", aId).path("points").decimalValue()).isEqualByComparingTo("0");
		assertThat(rankA.path("previousRank").asInt()).isEqualTo(item(lastMonth, "userId", aId).path("rank").asInt())
			.isEqualTo(zeroRank(lastMonth));
		assertThat(rankA.path("rankChange").asInt())
			.isEqualTo(rankA.path("previousRank").asInt() - rankA.path("rank").asInt())
			.isEqualTo(rankA.path("change").asInt());

		// back to the seeded value from now on
		assertThat(admin.put("/api/v1/point-rules/report", Map.of("points", 2)).status()).isEqualTo(200);
		assertThat(this.jdbc.queryForObject(
				"select count(*) from audit_log where action = 'POINT_RULE_CHANGE' and object_id = 'report'",
				Integer.class))
			.isGreaterThanOrEqualTo(2);
	}

	@Test
	void workersAndGridsWithoutPointsAreRankedLastAndTied() {
		ApiClient fresh = this.accounts.signedIn(this.port, "GRID_WORKER", QUIET_GRID);
		long freshId = fresh.get("/api/v1/auth/me").json().path("id").asLong();
		ApiClient leader = this.accounts.demo(this.port, "leader");
		String period = moveToDayOfNextMonth(3);
		long quietGrid = this.accounts.region(QUIET_GRID).id();

		JsonNode grid = leader.get("/api/v1/rankings/workers?period=" + period + "&regionId=" + quietGrid).json();
		JsonNode mine = item(grid, "userId", freshId);
		assertThat(mine.path("points").decimalValue()).isEqualByComparingTo("0");
		assertThat(mine.path("gridId").asLong()).isEqualTo(quietGrid);
		assertThat(mine.path("rank").asInt()).isEqualTo(zeroRank(grid));
		assertThat(grid.path("total").asInt()).isEqualTo(grid.path("items").size());
		assertThat(fresh.get("/api/v1/points/me").json().path("rank").asInt()).as("on the phone too")
			.isEqualTo(item(leader
				.get("/api/v1/rankings/workers?period=" + period + "&regionId="
						+ this.accounts.region(QUIET_GRID.substring(0, 12)).id() + "&size=200")
				.json(), "userId", freshId).path("rank").asInt());

		// the whole town: every grid of it, the idle ones last and tied
		JsonNode grids = leader.get("/api/v1/rankings/grids?period=" + period + "&size=200").json();
		int townGrids = this.jdbc.queryForObject("select count(*) from region where level = 'GRID' and path like ?",
				Integer.class, this.accounts.region(TOWN).path() + "/%");
		assertThat(grids.path("total").asInt()).isEqualTo(townGrids);
		int last = zeroRank(grids);
		assertThat(grids.path("items")).filteredOn(g -> g.path("points").decimalValue().signum() == 0)
			.isNotEmpty()
			.allSatisfy(g -> {
				assertThat(g.path("rank").asInt()).isEqualTo(last);
				assertThat(g.path("previousRank").isNull()).isFalse();
			});

		// far back nobody earned anything: all tied first
		JsonNode empty = leader.get("/api/v1/rankings/workers?period=2001&regionId=" + quietGrid).json();
		assertThat(item(empty, "userId", freshId).path("rank").asInt()).isEqualTo(1);
		assertThat(empty.path("items")).allSatisfy(w -> assertThat(w.path("rank").asInt()).isEqualTo(1));
	}

	@Test
	void theDailyCapOfARuleHoldsPerUserAndLocalDay() {
		ApiClient admin = this.accounts.signedIn(this.port, "SYS_ADMIN", "320500");
		ApiClient worker = this.accounts.signedIn(this.port, "GRID_WORKER", QUIET_GRID);
		long workerId = worker.get("/api/v1/auth/me").json().path("id").asLong();
		// after the rule change test's day, so no version it used is replaced
		String period = moveToDayOfNextMonth(25);

		Response bad = admin.put("/api/v1/point-rules/report", Map.of("points", 2, "dailyCap", 0));
		assertThat(bad.status()).isEqualTo(400);
		assertThat(bad.errorFields()).containsExactly("dailyCap");
		Response capped = admin.put("/api/v1/point-rules/report", Map.of("points", 2, "dailyCap", 2));
		assertThat(capped.status()).as(capped.body()).isEqualTo(200);
		assertThat(capped.json().path("dailyCap").asInt()).isEqualTo(2);
		assertThat(capped.json().path("versions").get(0).path("dailyCap").asInt()).isEqualTo(2);
		try {
			this.clock.advance(Duration.ofMinutes(1));
			long r1 = report(worker, QUIET_GRID, "QT-01", "积分上限测试：一");
			long r2 = report(worker, QUIET_GRID, "QT-01", "积分上限测试：二");
			long r3 = report(worker, QUIET_GRID, "QT-01", "积分上限测试：三");
			JsonNode ledger = ledger(worker, workerId, period);
			assertThat(entry(ledger, "report", r1).path("points").decimalValue()).isEqualByComparingTo("2");
			assertThat(entry(ledger, "report", r2).path("points").decimalValue()).isEqualByComparingTo("2");
			JsonNode third = entry(ledger, "report", r3);
			assertThat(third.path("points").decimalValue()).as("beyond the cap").isEqualByComparingTo("0");
			assertThat(third.path("reason").asString()).contains("每日上限 2 次");
			assertThat(ledger.path("points").decimalValue()).as("the points of two reports").isEqualByComparingTo("4");
			assertThat(item(worker.get("/api/v1/rankings/workers?period=" + period).json(), "userId", workerId)
				.path("points")
				.decimalValue()).isEqualByComparingTo("4");

			// a new local day, a new allowance
			this.clock.advance(Duration.ofDays(1));
			long r4 = report(worker, QUIET_GRID, "QT-01", "积分上限测试：四");
			assertThat(entry(ledger(worker, workerId, period), "report", r4).path("points").decimalValue())
				.isEqualByComparingTo("2");
		}
		finally {
			// back to the seeded rule (no cap) from now on
			assertThat(admin.put("/api/v1/point-rules/report", Map.of("points", 2)).status()).isEqualTo(200);
		}
		assertThat(admin.get("/api/v1/point-rules").json()).filteredOn(r -> r.path("code").asString().equals("report"))
			.singleElement()
			.satisfies(r -> assertThat(r.path("dailyCap").isNull()).isTrue());
	}

	@Test
	void badParametersAreNamedInOneProblem() {
		ApiClient chief1 = this.accounts.demo(this.port, "chief1");
		Response bad = chief1.get("/api/v1/rankings/workers?period=2026-13&regionId=abc&size=0");
		assertThat(bad.status()).isEqualTo(400);
		assertThat(bad.contentType()).startsWith("application/problem+json");
		assertThat(bad.errorFields()).containsExactlyInAnyOrder("period", "regionId", "size");
		assertThat(chief1.get("/api/v1/rankings/grids?period=2026-Q5").errorFields()).containsExactly("period");
		assertThat(chief1.get("/api/v1/points/me").status()).isEqualTo(200);
		assertThat(chief1.get("/api/v1/points/" + this.accounts.id("worker1") + "?period=last&page=0").errorFields())
			.containsExactlyInAnyOrder("period", "page");
		JsonNode year = chief1.get("/api/v1/rankings/grids?period=2026").json();
		assertThat(year.path("from").asString()).isEqualTo("2026-01-01");
		assertThat(year.path("to").asString()).isEqualTo("2026-12-31");
		JsonNode quarter = chief1.get("/api/v1/rankings/workers?period=2026-Q4").json();
		assertThat(quarter.path("from").asString()).isEqualTo("2026-10-01");
		assertThat(quarter.path("to").asString()).isEqualTo("2026-12-31");
	}

	/**
	 * Moves the platform clock to 10:00 on a day of next month in Suzhou; returns that
	 * month ({@code 2026-12}).
	 */
	private String moveToDayOfNextMonth(int day) {
		ZonedDateTime target = LocalDate.now(LOCAL).plusMonths(1).withDayOfMonth(day).atTime(10, 0).atZone(LOCAL);
		this.clock.reset();
		this.clock.advance(Duration.between(Instant.now(), target.toInstant()));
		return YearMonth.from(target).toString();
	}

	private long report(ApiClient worker, String category, String description) {
		return report(worker, GRID_1, category, description);
	}

	private long report(ApiClient worker, String grid, String category, String description) {
		Response report = worker.post("/api/v1/events",
				new HashMap<>(eventReport(category, grid, "GRID_WORKER", description, "积分测试地址")));
		assertThat(report.status()).as(report.body()).isEqualTo(201);
		return report.json().path("id").asLong();
	}

	private static JsonNode ledger(ApiClient client, long userId, String period) {
		Response ledger = client.get("/api/v1/points/" + userId + "?period=" + period + "&size=200");
		assertThat(ledger.status()).as(ledger.body()).isEqualTo(200);
		return ledger.json();
	}

	private static JsonNode entry(JsonNode ledger, String rule, long sourceId) {
		for (JsonNode entry : ledger.path("items")) {
			if (entry.path("ruleCode").asString().equals(rule) && entry.path("sourceId").asLong() == sourceId) {
				return entry;
			}
		}
		throw new AssertionError("no " + rule + " for " + sourceId + " in " + ledger);
	}

	/**
	 * The rank of the items with 0 points: one after those with more (they are all tied).
	 */
	private static int zeroRank(JsonNode ranking) {
		int ahead = 0;
		for (JsonNode item : ranking.path("items")) {
			if (item.path("points").decimalValue().signum() > 0) {
				ahead++;
			}
			else if (item.path("points").decimalValue().signum() == 0) {
				assertThat(item.path("rank").asInt()).as("tied: " + item).isEqualTo(ahead + 1);
			}
		}
		return ahead + 1;
	}

	private static JsonNode item(JsonNode list, String key, Object value) {
		JsonNode items = list.has("items") ? list.path("items") : list;
		for (JsonNode item : items) {
			if (item.path(key).asString().equals(value.toString())) {
				return item;
			}
		}
		throw new AssertionError("no " + key + " " + value + " in " + list);
	}

}
