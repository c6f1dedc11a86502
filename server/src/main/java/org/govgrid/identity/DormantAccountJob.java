package org.govgrid.identity;

import java.time.Clock;
import java.time.Instant;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.govgrid.audit.AuditRecord;
import org.govgrid.audit.AuditTrail;
import org.govgrid.platform.GovGridProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * 标准 8c: accounts unused for two years are disabled, at least once a month (here: on the
 * 1st at 02:00, Asia/Shanghai), and their sessions end.
 */
@Component
class DormantAccountJob {

	private static final Logger log = LoggerFactory.getLogger(DormantAccountJob.class);

	private final UserAccountRepository users;

	private final SessionTerminator sessions;

	private final AuditTrail audit;

	private final GovGridProperties properties;

	private final Clock clock;

	DormantAccountJob(UserAccountRepository users, SessionTerminator sessions, AuditTrail audit,
			GovGridProperties properties, Clock clock) {
		this.users = users;
		this.sessions = sessions;
		this.audit = audit;
		this.properties = properties;
		this.clock = clock;
	}

	@Scheduled(cron = "${govgrid.security.dormant-cron:0 0 2 1 * *}", zone = "Asia/Shanghai")
	@SchedulerLock(name = "dormant-accounts", lockAtMostFor = "PT30M")
	public void onSchedule() {
		disableDormant();
	}

	@Transactional
	public int disableDormant() {
		Instant before = this.clock.instant().minus(this.properties.security().dormantAfter());
		int count = 0;
		for (UserAccount user : this.users.findDormantSince(before)) {
			user.disable();
			this.sessions.endSessionsOf(user.getUsername());
			this.audit.record(
					AuditRecord
						.success("USER_DISABLE", "user", user.getId(),
								user.getUsername() + ": unused since " + before + " / 两年未登录自动停用")
						.by(null, "system"));
			count++;
		}
		if (count > 0) {
			log.info("Disabled {} dormant account(s)", count);
		}
		return count;
	}

}
