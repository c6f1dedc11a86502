package org.govgrid.ops.security;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.govgrid.ops.security.ReportStore.Report;

/** What the security API answers. */
final class SecurityViews {

	private SecurityViews() {
	}

	/** A report with its findings, worst first, and their count per severity. */
	record ReportView(long id, LocalDate date, Instant createdAt, int components, int advisories,
			Map<String, Integer> counts, List<Finding> findings) {

		static ReportView of(Report report) {
			Map<String, Integer> counts = new LinkedHashMap<>();
			Advisory.SEVERITIES.forEach((severity) -> counts.put(severity, 0));
			report.findings().forEach((finding) -> counts.merge(finding.severity(), 1, Integer::sum));
			return new ReportView(report.id(), report.date(), report.createdAt(), report.components(),
					report.advisories(), counts, report.findings());
		}

	}

	/** An upload of advisories and the report made right after it. */
	record LoadedView(int loaded, int advisories, ReportView report) {
	}

}
