package org.govgrid.party;

import java.io.IOException;
import java.time.LocalDate;

import jakarta.servlet.http.HttpServletResponse;
import org.govgrid.audit.AuditRecord;
import org.govgrid.audit.AuditTrail;
import org.govgrid.platform.CurrentUser;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** 党建统计 and its workbook. */
@RestController
@RequestMapping("/api/v1/party")
class PartyStatsController {

	private final PartyStats stats;

	private final AuditTrail audit;

	PartyStatsController(PartyStats stats, AuditTrail audit) {
		this.stats = stats;
		this.audit = audit;
	}

	@GetMapping("/stats")
	@PreAuthorize("hasAuthority('party:stats:read')")
	PartyStatsView stats(@RequestParam(required = false) Long regionId,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
		return this.stats.stats(regionId, from, to, CurrentUser.require());
	}

	@GetMapping("/stats.xlsx")
	@PreAuthorize("hasAuthority('party:stats:read')")
	void workbook(@RequestParam(required = false) Long regionId,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			HttpServletResponse response) throws IOException {
		PartyStatsView view = this.stats.stats(regionId, from, to, CurrentUser.require());
		response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
		response.setHeader("Content-Disposition",
				"attachment; filename=\"party-stats.xlsx\"; filename*=UTF-8''%E5%85%9A%E5%BB%BA%E7%BB%9F%E8%AE%A1-"
						+ view.from() + "-" + view.to() + ".xlsx");
		PartyStatsWorkbook.write(view, response.getOutputStream());
		this.audit.record(
				AuditRecord.success("PARTY_STATS_EXPORT", "region", view.regionId(), view.from() + ".." + view.to()));
	}

}
