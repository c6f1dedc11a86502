package org.govgrid.audit;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import org.govgrid.platform.FieldErrors;
import org.govgrid.platform.PageResponse;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The auditor's view of the trail (三员分立: only {@code audit:*} holders, never the system
 * admin). The trail is city-wide by nature: it records the administrators too.
 */
@RestController
@RequestMapping("/api/v1/audit")
class AuditLogController {

	private final NamedParameterJdbcTemplate jdbc;

	private final AuditChainVerifier verifier;

	AuditLogController(NamedParameterJdbcTemplate jdbc, AuditChainVerifier verifier) {
		this.jdbc = jdbc;
		this.verifier = verifier;
	}

	@GetMapping("/logs")
	@PreAuthorize("hasAuthority('audit:log:read')")
	PageResponse<AuditLogView> logs(@RequestParam(required = false) String username,
			@RequestParam(required = false) String action, @RequestParam(required = false) String outcome,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime to,
			@RequestParam(defaultValue = "1") int page, @RequestParam(defaultValue = "20") int size) {
		FieldErrors errors = new FieldErrors();
		if (page < 1) {
			errors.add("page", "must be ≥ 1 / 页码须 ≥ 1");
		}
		if (size < 1 || size > 200) {
			errors.add("size", "must be between 1 and 200 / 每页条数须在 1–200 之间");
		}
		if (outcome != null && !outcome.isBlank() && !List.of("SUCCESS", "FAILURE", "DENIED").contains(outcome)) {
			errors.add("outcome", "must be SUCCESS, FAILURE or DENIED / 结果取值无效");
		}
		if (from != null && to != null && from.isAfter(to)) {
			errors.add("to", "must not be before from / 结束时间不能早于开始时间");
		}
		errors.throwIfAny();

		List<String> where = new ArrayList<>();
		MapSqlParameterSource params = new MapSqlParameterSource();
		if (username != null && !username.isBlank()) {
			where.add("username = :username");
			params.addValue("username", username.trim());
		}
		if (action != null && !action.isBlank()) {
			where.add("action = :action");
			params.addValue("action", action.trim());
		}
		if (outcome != null && !outcome.isBlank()) {
			where.add("outcome = :outcome");
			params.addValue("outcome", outcome);
		}
		if (from != null) {
			where.add("occurred_at >= :from");
			params.addValue("from", from);
		}
		if (to != null) {
			where.add("occurred_at < :to");
			params.addValue("to", to);
		}
		String filter = where.isEmpty() ? "" : " where " + String.join(" and ", where);
		Long total = this.jdbc.queryForObject("select count(*) from audit_log" + filter, params, Long.class);
		params.addValue("limit", size).addValue("offset", (long) (page - 1) * size);
		List<AuditLogView> items = this.jdbc.query(
				"select " + AuditRow.COLUMNS + " from audit_log" + filter
						+ " order by occurred_at desc, id desc limit :limit offset :offset",
				params, (rs, n) -> AuditLogView.of(AuditRow.map(rs, n)));
		return new PageResponse<>(items, total == null ? 0 : total, page, size);
	}

	@GetMapping("/verify")
	@PreAuthorize("hasAuthority('audit:chain:verify')")
	AuditChainVerifier.VerifyResult verify() {
		return this.verifier.verify();
	}

	record AuditLogView(long id, OffsetDateTime occurredAt, String username, String clientIp, String action,
			String objectType, String objectId, String outcome, String detail, boolean sealed) {

		static AuditLogView of(AuditRow row) {
			return new AuditLogView(row.id(), row.occurredAt().atOffset(java.time.ZoneOffset.ofHours(8)),
					row.username(), row.clientIp(), row.action(), row.objectType(), row.objectId(), row.outcome(),
					row.detail(), row.hash() != null);
		}

	}

}
