package org.govgrid.performance;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.govgrid.audit.AuditRecord;
import org.govgrid.audit.AuditTrail;
import org.govgrid.platform.FieldErrors;
import org.govgrid.platform.NotFoundException;
import org.govgrid.platform.ScopedPrincipal;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Point rules (积分规则) in versions: each version holds its points over
 * {@code [effectiveFrom, effectiveTo)}. A change never rewrites the past: it closes the
 * version in force at its effective time and opens a new one from then; what happened
 * before keeps the points of its own time. Rules are global (no data scope); anyone who
 * reads rankings may read them, administrators and the centre change them.
 */
@Service
class PointRules {

	/** Largest change, either way, one rule may give. */
	static final BigDecimal LIMIT = new BigDecimal("100");

	/** Largest daily cap (entries per user and day) a rule may have. */
	static final int MAX_DAILY_CAP = 1000;

	/**
	 * A client's "now" reaches the server a little late; effective times this far back
	 * are taken as now.
	 */
	static final Duration GRACE = Duration.ofMinutes(1);

	private final NamedParameterJdbcTemplate jdbc;

	private final AuditTrail audit;

	private final Clock clock;

	PointRules(NamedParameterJdbcTemplate jdbc, AuditTrail audit, Clock clock) {
		this.jdbc = jdbc;
		this.audit = audit;
		this.clock = clock;
	}

	/** The version of a rule in force at an instant, if any. */
	Optional<Version> at(String code, Instant instant) {
		return this.jdbc.query("""
				select * from point_rule
				where code = :code and effective_from <= :at and (effective_to is null or effective_to > :at)""",
				new MapSqlParameterSource("code", code).addValue("at", Timestamp.from(instant)), PointRules::version)
			.stream()
			.findFirst();
	}

	/**
	 * Every rule with its versions, newest first; the top fields are the version in force
	 * now.
	 */
	@Transactional(readOnly = true)
	List<RuleView> list() {
		Map<String, List<Version>> byCode = new LinkedHashMap<>();
		this.jdbc.query("select * from point_rule order by id", PointRules::version)
			.forEach(v -> byCode.computeIfAbsent(v.code(), c -> new ArrayList<>()).add(v));
		Instant now = this.clock.instant();
		return byCode.values().stream().map(versions -> view(versions, now)).toList();
	}

	@Transactional(readOnly = true)
	RuleView get(String code) {
		List<Version> versions = versions(code, false);
		if (versions.isEmpty()) {
			throw new NotFoundException("point rule", code);
		}
		return view(versions, this.clock.instant());
	}

	/**
	 * A new version of the rule from {@code effectiveFrom} (now when missing; not in the
	 * past). Pending versions starting at or after it are replaced.
	 */
	@Transactional
	RuleView change(String code, RuleChange change, ScopedPrincipal admin) {
		List<Version> versions = versions(code, true);
		if (versions.isEmpty()) {
			throw new NotFoundException("point rule", code);
		}
		Instant now = this.clock.instant();
		FieldErrors errors = new FieldErrors();
		BigDecimal points = change == null ? null : change.points();
		if (points == null) {
			errors.add("points", "required / 请填写分值");
		}
		else if (points.abs().compareTo(LIMIT) > 0 || points.stripTrailingZeros().scale() > 2) {
			errors.add("points", "from -100 to 100, at most two decimals / 分值须在 -100 至 100 之间，最多两位小数");
		}
		Integer dailyCap = change == null ? null : change.dailyCap();
		if (dailyCap != null && (dailyCap < 1 || dailyCap > MAX_DAILY_CAP)) {
			errors.add("dailyCap", "empty (no cap) or from 1 to 1000 / 每日上限须为空（不限）或 1–1000 次");
		}
		Instant from = now;
		String effective = change == null ? null : change.effectiveFrom();
		if (effective != null && !effective.isBlank()) {
			try {
				from = OffsetDateTime.parse(effective.strip()).toInstant();
				if (from.isBefore(now.minus(GRACE))) {
					errors.add("effectiveFrom",
							"not in the past: a change never applies retroactively" + " / 生效时间不能早于当前时间（规则调整不追溯）");
				}
				else if (from.isBefore(now)) {
					from = now;
				}
			}
			catch (DateTimeParseException ex) {
				errors.add("effectiveFrom", "a time like 2026-12-01T00:00:00+08:00 / 时间格式应为 2026-12-01T00:00:00+08:00");
			}
		}
		errors.throwIfAny();
		Version latest = versions.get(versions.size() - 1);
		MapSqlParameterSource params = new MapSqlParameterSource("code", code).addValue("from", Timestamp.from(from));
		// versions that have not started by then were never used (nothing can have
		// happened in the future)
		this.jdbc.update("delete from point_rule where code = :code and effective_from >= :from", params);
		this.jdbc.update("""
				update point_rule set effective_to = :from
				where code = :code and effective_from < :from and (effective_to is null or effective_to > :from)""",
				params);
		Long id = this.jdbc.queryForObject("""
				insert into point_rule (code, name, trigger, points, daily_cap, effective_from, created_by)
				values (:code, :name, :trigger, :points, :cap, :from, :me) returning id""",
				params.addValue("name", latest.name())
					.addValue("trigger", latest.trigger())
					.addValue("points", points.setScale(2))
					.addValue("cap", dailyCap)
					.addValue("me", admin.userId()),
				Long.class);
		this.audit.record(AuditRecord.success("POINT_RULE_CHANGE", "point_rule", code,
				"version " + id + ": " + points.setScale(2).toPlainString()
						+ (dailyCap == null ? "" : ", at most " + dailyCap + " a day") + " from " + from));
		return get(code);
	}

	private List<Version> versions(String code, boolean lock) {
		return this.jdbc.query(
				"select * from point_rule where code = :code order by effective_from" + (lock ? " for update" : ""),
				new MapSqlParameterSource("code", code), PointRules::version);
	}

	private static RuleView view(List<Version> versions, Instant now) {
		Version current = versions.stream()
			.filter(v -> v.covers(now))
			.findFirst()
			.orElse(versions.get(versions.size() - 1));
		List<Version> newestFirst = new ArrayList<>(versions);
		newestFirst.sort((a, b) -> b.effectiveFrom().compareTo(a.effectiveFrom()));
		return new RuleView(current.code(), current.name(), current.trigger(), current.points(), current.dailyCap(),
				current.id(), current.effectiveFrom(), current.effectiveTo(), newestFirst);
	}

	private static Version version(ResultSet rs, int n) throws SQLException {
		Timestamp to = rs.getTimestamp("effective_to");
		return new Version(rs.getLong("id"), rs.getString("code"), rs.getString("name"), rs.getString("trigger"),
				rs.getBigDecimal("points"), rs.getObject("daily_cap", Integer.class),
				rs.getTimestamp("effective_from").toInstant(), to == null ? null : to.toInstant(),
				rs.getObject("created_by", Long.class), rs.getTimestamp("created_at").toInstant());
	}

	/**
	 * {@code effectiveFrom}: ISO-8601 with an offset; missing means now.
	 * {@code dailyCap}: the most entries a day that earn points, per user; missing means
	 * no cap (the new version holds the whole rule, so a client keeps a cap by sending it
	 * again).
	 */
	record RuleChange(BigDecimal points, String effectiveFrom, Integer dailyCap) {
	}

	/**
	 * One version; {@code effectiveTo} null while open-ended; {@code dailyCap} null when
	 * uncapped.
	 */
	record Version(long id, String code, String name, String trigger, BigDecimal points, Integer dailyCap,
			Instant effectiveFrom, Instant effectiveTo, Long createdBy, Instant createdAt) {

		boolean covers(Instant instant) {
			return !this.effectiveFrom.isAfter(instant)
					&& (this.effectiveTo == null || this.effectiveTo.isAfter(instant));
		}

	}

	/**
	 * A rule as it stands now ({@code versionId}, {@code points} and the times of the
	 * version in force) with all its versions, newest first.
	 */
	record RuleView(String code, String name, String trigger, BigDecimal points, Integer dailyCap, long versionId,
			Instant effectiveFrom, Instant effectiveTo, List<Version> versions) {
	}

}
