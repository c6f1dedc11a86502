package org.govgrid.warning;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.govgrid.identity.Directory;
import org.govgrid.messaging.Notice;
import org.govgrid.messaging.Notifications;
import org.govgrid.region.RegionService;
import org.springframework.stereotype.Component;

/**
 * Tells the town's command centre and leaders about a new alert (in the raising
 * transaction: pushed live once it commits).
 */
@Component
class WarningNotices {

	static final String HANDLE = "warning:alert:handle";

	static final String READ = "warning:alert:read";

	private static final int TOWN_DEPTH = 3;

	private final Directory directory;

	private final Notifications notifications;

	private final RegionService regions;

	WarningNotices(Directory directory, Notifications notifications, RegionService regions) {
		this.directory = directory;
		this.notifications = notifications;
		this.regions = regions;
	}

	void raised(long alertId, Rule rule, String regionPath, String regionName, String keyLabel, int events) {
		tell(alertId, rule, regionPath, rule.alertLevel().label() + "预警 " + regionName + " " + keyLabel,
				rule.name() + "：" + events + "起事件");
	}

	/** A signal alert: its detail says what was measured. */
	void raised(long alertId, Rule rule, Signal signal) {
		String regionName = this.regions.namesOf(List.of(signal.regionId())).get(signal.regionId());
		tell(alertId, rule, signal.regionPath(), rule.alertLevel().label() + "预警 " + regionName + " " + rule.name(),
				signal.detail());
	}

	private void tell(long alertId, Rule rule, String regionPath, String title, String body) {
		String[] codes = regionPath.split("/");
		if (codes.length < TOWN_DEPTH) {
			return;
		}
		this.regions.findByCode(codes[TOWN_DEPTH - 1]).ifPresent(town -> {
			Set<Long> recipients = new LinkedHashSet<>(this.directory.usersAt(town.id(), HANDLE));
			recipients.addAll(this.directory.usersAt(town.id(), READ));
			if (!recipients.isEmpty()) {
				this.notifications.send(recipients, new Notice(Notice.WARNING_ALERT, title, body,
						"/warning/alerts/" + alertId, "warning_alert", alertId));
			}
		});
	}

}
