package org.govgrid.ops.logs;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.govgrid.audit.AuditRecord;
import org.govgrid.audit.AuditTrail;
import org.govgrid.ops.logs.LogDigestStore.Stored;
import org.govgrid.platform.FieldErrors;
import org.govgrid.platform.NotFoundException;
import org.govgrid.platform.ScopedPrincipal;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The daily log digests (标准 8a). Each night yesterday's digest is built whole and today's
 * so far; a manual run of the job does the same. Digests are platform-wide: no data scope
 * applies; the security admin and the auditor read them, only the security admin marks
 * them reviewed (三员分立), and each review is audited.
 */
@Service
class LogDigests {

	static final int LIST_LIMIT = 90;

	static final int COMMENT_MAX = 1000;

	private static final String BAD_DATE = "must be a date like 2026-12-07 / 日期格式应为 2026-12-07";

	private final LogDigestBuilder builder;

	private final LogDigestStore store;

	private final AuditTrail audit;

	// wall time: a digest is built of what has happened until now
	private final Clock clock = Clock.systemUTC();

	LogDigests(LogDigestBuilder builder, LogDigestStore store, AuditTrail audit) {
		this.builder = builder;
		this.store = store;
		this.audit = audit;
	}

	@Scheduled(cron = "${govgrid.ops.log-digest.cron:0 15 1 * * *}", zone = "Asia/Shanghai")
	@SchedulerLock(name = "ops-log-digest", lockAtMostFor = "PT15M")
	public void daily() {
		LocalDate today = today();
		build(today.minusDays(1));
		build(today);
	}

	/** Builds (or builds again) the digest of one local day. */
	Stored build(LocalDate date) {
		Instant now = this.clock.instant();
		this.store.save(date, now, this.builder.build(date));
		return this.store.find(date).orElseThrow();
	}

	List<Stored> list() {
		return this.store.list(LIST_LIMIT);
	}

	Stored get(String date) {
		LocalDate day = parse(date, new FieldErrors());
		return this.store.find(day).orElseThrow(() -> new NotFoundException("log digest", day));
	}

	/**
	 * A digest that does not exist is 404 whatever the body; a bad date and a bad comment
	 * are reported together.
	 */
	@Transactional
	Stored review(String date, String comment, ScopedPrincipal caller) {
		FieldErrors errors = new FieldErrors();
		LocalDate day = tryParse(date);
		if (day == null) {
			errors.add("date", BAD_DATE);
		}
		else if (this.store.find(day).isEmpty()) {
			throw new NotFoundException("log digest", day);
		}
		// the comment is shown with the digest: no ID number or phone in it either
		String text = (comment == null) ? "" : LogDigest.mask(comment.strip());
		if (text.isEmpty()) {
			errors.add("comment", "required / 必填");
		}
		else if (text.length() > COMMENT_MAX) {
			errors.add("comment", "at most " + COMMENT_MAX + " characters / 最多 " + COMMENT_MAX + " 字");
		}
		errors.throwIfAny();
		if (!this.store.review(day, this.clock.instant(), caller.username(), text)) {
			throw new NotFoundException("log digest", day);
		}
		this.audit.record(AuditRecord.success("OPS_LOG_DIGEST_REVIEW", "log-digest", day.toString(),
				"comment=" + LogDigest.scrub(text)));
		return this.store.find(day).orElseThrow();
	}

	LocalDate today() {
		return LocalDate.now(this.clock.withZone(LogDigestBuilder.ZONE));
	}

	private static LocalDate parse(String date, FieldErrors errors) {
		LocalDate day = tryParse(date);
		if (day == null) {
			errors.add("date", BAD_DATE).throwIfAny();
		}
		return day;
	}

	private static LocalDate tryParse(String date) {
		try {
			return LocalDate.parse(date);
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

}
