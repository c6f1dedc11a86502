package org.govgrid.ops.security;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.govgrid.identity.Directory;
import org.govgrid.messaging.Notice;
import org.govgrid.messaging.Notifications;
import org.govgrid.ops.security.ReportStore.Report;
import org.govgrid.platform.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * The daily security report (标准 8e, 8f): every SBOM component checked against the loaded
 * advisories, plus the self-inspection; made each morning and at start-up when today has
 * none, and again after advisories are loaded. Findings notify the system and security
 * admins. Reports are platform-wide: no data scope applies.
 */
@Service
class SecurityReports {

	static final String FINDINGS_NOTICE = "OPS_SECURITY_FINDINGS";

	static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	/** The notice is read in the console's default language. */
	private static final Map<String, String> SEVERITY_NAMES = Map.of("CRITICAL", "严重", "HIGH", "高危", "MEDIUM", "中危",
			"LOW", "低危");

	private static final Logger log = LoggerFactory.getLogger(SecurityReports.class);

	private final Sbom sbom;

	private final AdvisoryStore advisories;

	private final SelfInspection inspection;

	private final ReportStore reports;

	private final Notifications notifications;

	private final Directory directory;

	private final Clock clock = Clock.systemUTC();

	SecurityReports(Sbom sbom, AdvisoryStore advisories, SelfInspection inspection, ReportStore reports,
			Notifications notifications, Directory directory) {
		this.sbom = sbom;
		this.advisories = advisories;
		this.inspection = inspection;
		this.reports = reports;
		this.notifications = notifications;
		this.directory = directory;
	}

	@Scheduled(cron = "${govgrid.ops.security-check-cron:0 30 6 * * *}", zone = "Asia/Shanghai")
	@SchedulerLock(name = "ops-security-check", lockAtMostFor = "PT10M")
	public void daily() {
		generate();
	}

	@EventListener(ApplicationReadyEvent.class)
	void onStart() {
		try {
			if (!this.reports.existsFor(LocalDate.now(this.clock.withZone(ZONE)))) {
				generate();
			}
		}
		catch (RuntimeException ex) {
			log.warn("The start-up security check failed: {}", ex.getMessage());
		}
	}

	Report latest() {
		return this.reports.latest().orElseThrow(() -> new NotFoundException("security report", "latest"));
	}

	/** Makes, stores and announces a report now. */
	Report generate() {
		List<SbomComponent> components = this.sbom.components();
		List<Finding> findings = new ArrayList<>(vulnerabilities(components));
		findings.addAll(this.inspection.inspect());
		findings
			.sort(Comparator.comparingInt(Finding::rank).thenComparing(Finding::code).thenComparing(Finding::subject));
		Instant now = this.clock.instant();
		long id = this.reports.save(LocalDate.ofInstant(now, ZONE), now, components.size(), this.advisories.count(),
				findings);
		if (!findings.isEmpty()) {
			announce(id, findings);
		}
		return this.reports.latest().orElseThrow();
	}

	private List<Finding> vulnerabilities(List<SbomComponent> components) {
		Map<String, List<SbomComponent>> byKey = components.stream()
			.collect(Collectors.groupingBy(SbomComponent::key, LinkedHashMap::new, Collectors.toList()));
		List<Finding> findings = new ArrayList<>();
		for (Advisory advisory : this.advisories.naming(byKey.keySet())) {
			for (String key : advisory.packages()) {
				for (SbomComponent component : byKey.getOrDefault(key, List.of())) {
					advisory.affects(component)
						.ifPresent((fixed) -> findings.add(new Finding(Finding.VULNERABLE_COMPONENT,
								advisory.severity(), component.name() + "@" + component.version(),
								advisory.summary()
										+ (advisory.aliases().isEmpty() ? "" : " (" + advisory.aliases() + ")"),
								advisory.id(), fixed.isEmpty() ? null : fixed)));
				}
			}
		}
		return findings;
	}

	private void announce(long id, List<Finding> findings) {
		Set<Long> recipients = new LinkedHashSet<>();
		for (String permission : List.of("ops:job:run", "ops:advisory:load")) {
			this.directory.usersWithin("", permission).forEach((member) -> recipients.add(member.id()));
		}
		Map<String, Long> counts = findings.stream()
			.collect(Collectors.groupingBy(Finding::severity, LinkedHashMap::new, Collectors.counting()));
		String summary = Advisory.SEVERITIES.stream()
			.filter(counts::containsKey)
			.map((severity) -> SEVERITY_NAMES.get(severity) + " " + counts.get(severity))
			.collect(Collectors.joining("、"));
		this.notifications.send(recipients, new Notice(FINDINGS_NOTICE, "安全检查发现 " + findings.size() + " 个问题", summary,
				"/ops/security", "SecurityReport", id));
	}

}
