package org.govgrid.demo;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

import org.govgrid.demo.HistoryTown.Department;
import org.govgrid.demo.HistoryTown.Person;

/**
 * Walks a history event through the steps a real one takes (report, accept, dispatch,
 * sign, resolve, verify, evaluate; or self-handling, rejection, supervision), each at a
 * believable delay, and stops where its age says: old events are nearly all closed, the
 * last days' still in hand. The stored fields follow the same rules as
 * {@code event/model/EventCase}: deadlines from the unit's time limits, the flag from the
 * time used.
 */
final class HistoryFlows {

	private static final ZoneId LOCAL = ZoneId.of("Asia/Shanghai");

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd", Locale.ROOT);

	/** The demo town's departments by the 大类 they handle (DemoData's routing). */
	private static final Map<String, String> DEPARTMENT_OF = Map.of("CSGL", "CG", "HJWS", "HB", "AQSC", "YJGL", "XFAQ",
			"YJGL", "ZAYH", "GA", "SCJG", "SCJG", "MSFW", "MZ", "GGSS", "ZJ");

	private static final String[] RESULTS = { "已到现场处置完毕", "已联系责任单位整改到位", "已清理完毕，现场恢复正常", "已约谈当事人并现场督促整改", "已维修完成",
			"已协调相关部门处理", "已劝导并登记备案" };

	private static final String[] GOOD = { "处理及时，很满意", "态度很好", "问题解决了，谢谢", "效率高" };

	private static final String[] POOR = { "处理太慢", "问题没有彻底解决", "反复出现，希望加强管理" };

	private static final Person SYSTEM = new Person(null, "系统");

	private final HistoryTown town;

	private final Random random;

	private final Instant now;

	private final Map<LocalDate, Integer> codesPerDay = new HashMap<>();

	/**
	 * {@code codesTaken}: the last daily number already given out per day (other demo
	 * loaders report events today), so the history's codes continue after them.
	 */
	HistoryFlows(HistoryTown town, Random random, Instant now, Map<LocalDate, Integer> codesTaken) {
		this.town = town;
		this.random = random;
		this.now = now;
		this.codesPerDay.putAll(codesTaken);
	}

	void walk(HistoryEvent event, int index) {
		LocalDate day = LocalDate.ofInstant(event.reportedAt, LOCAL);
		int number = this.codesPerDay.merge(day, 1, Integer::sum);
		event.code = "SJ" + DAY.format(day) + String.format(Locale.ROOT, "%06d", number);
		event.unitId = this.town.townId();
		event.acceptanceDeadline = event.reportedAt.plus(Duration.ofMinutes(event.acceptanceMinutes));
		String top = event.category.substring(0, event.category.indexOf('-'));
		event.disposalMinutes = switch (top) {
			case "CSGL" -> 1440;
			case "AQSC" -> 720;
			case "HJWS", "SCJG" -> 2880;
			default -> 4320;
		};
		event.step("REPORT", "REPORTED", actor(event), event.reportedAt, null, null, null);
		String goal = goal(Duration.between(event.reportedAt, this.now).toHours() / 24.0);
		Instant at = event.reportedAt;
		if ("GRID_WORKER".equals(event.source) && "CLOSED".equals(goal) && this.random.nextInt(7) == 0) {
			at = later(at, 10, 180);
			if (at.isBefore(this.now)) {
				event.result = pick(RESULTS);
				event.step("SELF_HANDLE", "CLOSED", event.reporter, at, event.result, "GRID", event.grid.id());
				event.selfHandled = true;
				event.handlingLevel = "GRID";
				event.unitKind = "GRID";
				event.unitId = event.grid.id();
				event.closedAt = at;
			}
			flag(event);
			return;
		}
		if ("REPORTED".equals(goal)) {
			flag(event);
			return;
		}
		if ("REJECTED".equals(goal)) {
			at = later(at, 5, 90);
			event.acceptedAt = at;
			event.closedAt = at;
			event.step("REJECT", "REJECTED", this.town.centre(), at,
					this.random.nextBoolean() ? "重复上报" : "不属于受理范围，已告知上报人", null, null);
			return;
		}
		Person handler = target(event, top);
		if ("CSGL".equals(top)) {
			// routed to 城管 by the rule at once (auto-dispatch, one system step)
			at = at.plusSeconds(1);
			event.acceptedAt = at;
			dispatch(event, SYSTEM, at, "按流转规则自动派遣");
		}
		else {
			at = later(at, 5, 100);
			if (!at.isBefore(this.now)) {
				flag(event);
				return;
			}
			event.acceptedAt = at;
			event.step("ACCEPT", "REPORTED", this.town.centre(), at, null, null, null);
			at = later(at, 1, 30);
			dispatch(event, this.town.centre(), at, "请尽快处置");
		}
		boolean late = this.random.nextInt(100) < 13;
		Instant signed = later(at, 10, 240);
		Instant resolved = late
				? event.disposalDeadline
					.plus(Duration.ofMinutes((long) (event.disposalMinutes * (0.05 + 0.5 * this.random.nextDouble()))))
				: signed
					.plus(Duration.ofMinutes((long) (event.disposalMinutes * (0.05 + 0.7 * this.random.nextDouble()))));
		Instant verified = later(resolved, 30, 1200);
		if ("DISPATCHED".equals(goal) || !signed.isBefore(this.now)) {
			finish(event);
			return;
		}
		event.step("SIGN", "IN_PROGRESS", handler, signed, null, null, null);
		if ("IN_PROGRESS".equals(goal) || !resolved.isBefore(this.now)) {
			finish(event);
			return;
		}
		event.result = pick(RESULTS);
		event.step("RESOLVE", "RESOLVED", handler, resolved, event.result, null, null);
		if ("RESOLVED".equals(goal) || !verified.isBefore(this.now)) {
			finish(event);
			return;
		}
		Person verifier = "GRID_WORKER".equals(event.source) ? event.reporter : this.town.centre();
		event.step("VERIFY", "CLOSED", verifier, verified, "核查属实，同意结案", null, null);
		event.closedAt = verified;
		Instant rated = later(verified, 60, 2880);
		if (this.random.nextInt(10) < 7 && rated.isBefore(this.now)) {
			int r = this.random.nextInt(100);
			event.score = r < 50 ? 5 : r < 80 ? 4 : r < 92 ? 3 : r < 97 ? 2 : 1;
			event.evaluation = event.score >= 4 ? pick(GOOD) : pick(POOR);
			event.step("EVALUATE", "CLOSED", this.town.centre(), rated, event.evaluation, null, null);
		}
	}

	/**
	 * Leaves an open event where it is, supervised now and then once it is overdue (only
	 * an open event can be supervised).
	 */
	private void finish(HistoryEvent event) {
		flag(event);
		if ("RED".equals(event.flag) && this.random.nextBoolean()) {
			supervise(event);
		}
	}

	private void supervise(HistoryEvent event) {
		Instant at = event.disposalDeadline.plus(Duration.ofMinutes(30 + this.random.nextInt(600)));
		Instant last = event.flow.get(event.flow.size() - 1).at();
		if (at.isAfter(this.now) || at.isBefore(last)) {
			return;
		}
		event.supervisions++;
		event.step("SUPERVISE", event.status, this.town.leader(), at, "已超时，请加快办理并及时反馈", event.unitKind, event.unitId);
	}

	private void dispatch(HistoryEvent event, Person actor, Instant at, String comment) {
		event.dispatchedAt = at;
		event.disposalDeadline = at.plus(Duration.ofMinutes(event.disposalMinutes));
		event.step("DISPATCH", "DISPATCHED", actor, at, comment, event.unitKind, event.unitId);
	}

	/**
	 * Sets the unit the event goes to (the 大类's department; disputes, other matters and
	 * one case in eight the community) and returns who handles it there.
	 */
	private Person target(HistoryEvent event, String top) {
		Department department = this.town.departments().get(DEPARTMENT_OF.get(top));
		if (department == null || this.random.nextInt(8) == 0) {
			event.unitKind = "COMMUNITY";
			event.unitId = event.grid.communityId();
			event.handlingLevel = "COMMUNITY";
			return event.grid.communityStaff();
		}
		event.unitKind = "DEPARTMENT";
		event.unitId = department.id();
		event.handlingLevel = "DEPARTMENT";
		return department.handler();
	}

	/** The flag of an open event now, as the deadline job would set it. */
	private void flag(HistoryEvent event) {
		Instant start;
		Instant deadline;
		if ("REPORTED".equals(event.status) && event.acceptedAt == null) {
			start = event.reportedAt;
			deadline = event.acceptanceDeadline;
		}
		else if ("DISPATCHED".equals(event.status) || "IN_PROGRESS".equals(event.status)) {
			start = event.dispatchedAt;
			deadline = event.disposalDeadline;
		}
		else {
			return;
		}
		long limit = Duration.between(start, deadline).toSeconds();
		long used = Duration.between(start, this.now).toSeconds();
		event.flag = this.now.isAfter(deadline) ? "RED" : (limit > 0 && used * 5 >= limit * 4 ? "YELLOW" : "NONE");
	}

	private String goal(double ageDays) {
		int r = this.random.nextInt(100);
		if (ageDays > 10) {
			return r < 5 ? "REJECTED" : r < 8 ? "IN_PROGRESS" : "CLOSED";
		}
		if (ageDays > 2) {
			return r < 5 ? "REPORTED" : r < 10 ? "DISPATCHED" : r < 25 ? "IN_PROGRESS" : r < 40 ? "RESOLVED" : "CLOSED";
		}
		return r < 25 ? "REPORTED" : r < 45 ? "DISPATCHED" : r < 70 ? "IN_PROGRESS" : r < 80 ? "RESOLVED" : "CLOSED";
	}

	private Person actor(HistoryEvent event) {
		return new Person(event.reporter.id(), event.reporterName);
	}

	private Instant later(Instant at, int minMinutes, int maxMinutes) {
		return at.plus(Duration.ofMinutes(minMinutes + this.random.nextInt(maxMinutes - minMinutes + 1)));
	}

	private String pick(String[] options) {
		return options[this.random.nextInt(options.length)];
	}

}
