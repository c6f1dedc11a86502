package org.govgrid.performance;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.function.UnaryOperator;

import org.govgrid.identity.Directory;
import org.govgrid.region.RegionLevel;
import org.govgrid.region.RegionService;
import org.govgrid.region.RegionSummary;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Writes the ledger: one row per rule, source and user (a replay finds the row and adds
 * nothing), with the rule version in force when the work happened, and the user's monthly
 * total in the same transaction. Runs inside the transaction of the change that earned
 * the points.
 *
 * <p>
 * Daily cap: beyond a rule's {@code dailyCap} entries with points for one user in one
 * local day, an entry is still written (so a replay still adds nothing and the ledger
 * shows why) but with 0 points, so that splitting one problem into many reports earns
 * nothing extra.
 *
 * <p>
 * Placement: a user whose scope is a grid (a grid worker) is credited to that grid and
 * counts in the rankings; anyone else (department staff, a chief) is placed at the grid
 * where the work happened, for scope, and appears in no ranking.
 */
@Component
class PointsLedger {

	private static final int REASON_LENGTH = 200;

	private final NamedParameterJdbcTemplate jdbc;

	private final PointRules rules;

	private final Directory directory;

	private final RegionService regions;

	PointsLedger(NamedParameterJdbcTemplate jdbc, PointRules rules, Directory directory, RegionService regions) {
		this.jdbc = jdbc;
		this.rules = rules;
		this.directory = directory;
		this.regions = regions;
	}

	/**
	 * Credits {@code userId} under {@code ruleCode} for the source, with the points of
	 * the version in force at {@code occurredAt} (scaled by {@code amount}, e.g. hours).
	 * Returns the entry's id, empty when it was already there, no version was in force,
	 * or the points come to zero.
	 */
	Optional<Long> award(String ruleCode, long userId, Source source, long gridId, String regionPath,
			Instant occurredAt, UnaryOperator<BigDecimal> amount, String reason) {
		MapSqlParameterSource key = new MapSqlParameterSource("rule", ruleCode).addValue("type", source.type().name())
			.addValue("source", source.id())
			.addValue("user", userId);
		Boolean known = this.jdbc.queryForObject("""
				select exists (select 1 from point_entry
				    where rule_code = :rule and source_type = :type and source_id = :source and user_id = :user)""",
				key, Boolean.class);
		if (Boolean.TRUE.equals(known)) {
			return Optional.empty();
		}
		Optional<PointRules.Version> version = this.rules.at(ruleCode, occurredAt);
		if (version.isEmpty()) {
			return Optional.empty();
		}
		BigDecimal points = amount.apply(version.get().points()).setScale(2, RoundingMode.HALF_UP);
		if (points.signum() == 0) {
			return Optional.empty();
		}
		String why = reason;
		Integer cap = version.get().dailyCap();
		if (cap != null && capReached(ruleCode, userId, occurredAt, cap)) {
			points = BigDecimal.ZERO.setScale(2);
			why = withNote(reason, "（已达每日上限 " + cap + " 次，不计分）");
		}
		Placement place = placement(userId, gridId, regionPath);
		Optional<Long> id = this.jdbc
			.queryForList("""
					insert into point_entry (user_id, grid_id, region_path, worker, rule_code, rule_version_id, points,
					    source_type, source_id, occurred_at, reason)
					values (:user, :grid, :path, :worker, :rule, :version, :points, :type, :source, :at, :reason)
					on conflict (rule_code, source_type, source_id, user_id) do nothing returning id""",
					key.addValue("grid", place.gridId())
						.addValue("path", place.path())
						.addValue("worker", place.worker())
						.addValue("version", version.get().id())
						.addValue("points", points)
						.addValue("at", Timestamp.from(occurredAt))
						.addValue("reason", withNote(why, "")),
					Long.class)
			.stream()
			.findFirst();
		if (id.isPresent()) {
			this.jdbc.update("""
					insert into point_month_total (user_id, month, grid_id, worker, region_path, points, entries)
					values (:user, :month, :grid, :worker, :path, :points, 1)
					on conflict (user_id, month, grid_id, worker)
					do update set points = point_month_total.points + excluded.points,
					    entries = point_month_total.entries + 1""",
					key.addValue("month", Date.valueOf(Period.monthOf(occurredAt))));
		}
		return id;
	}

	/**
	 * Whether the user already has {@code cap} entries with points under the rule on the
	 * local day of {@code at}. A lock per rule and user, held to the end of the
	 * transaction, keeps two simultaneous reports from both taking the last place.
	 */
	private boolean capReached(String ruleCode, long userId, Instant at, int cap) {
		LocalDate day = at.atZone(Period.LOCAL).toLocalDate();
		MapSqlParameterSource params = new MapSqlParameterSource("rule", ruleCode).addValue("user", userId)
			.addValue("lock", "point-cap:" + ruleCode + ":" + userId)
			.addValue("start", Timestamp.from(day.atStartOfDay(Period.LOCAL).toInstant()))
			.addValue("end", Timestamp.from(day.plusDays(1).atStartOfDay(Period.LOCAL).toInstant()));
		this.jdbc.queryForList("select 1 from (select pg_advisory_xact_lock(hashtextextended(:lock, 0))) locked",
				params, Integer.class);
		Integer earned = this.jdbc.queryForObject(
				"""
						select count(*) from point_entry
						where user_id = :user and rule_code = :rule and points <> 0 and occurred_at >= :start and occurred_at < :end""",
				params, Integer.class);
		return earned != null && earned >= cap;
	}

	/** The reason with a note at its end, within the column's 200 characters. */
	private static String withNote(String reason, String note) {
		int room = REASON_LENGTH - note.length();
		return (reason.length() > room ? reason.substring(0, room) : reason) + note;
	}

	/** The user's own grid if their scope is one, else the grid of the work. */
	private Placement placement(long userId, long gridId, String regionPath) {
		return this.directory.user(userId)
			.flatMap(member -> this.regions.find(member.scopeRegionId()))
			.filter(region -> region.level() == RegionLevel.GRID)
			.map((RegionSummary grid) -> new Placement(grid.id(), grid.path(), true))
			.orElse(new Placement(gridId, regionPath, false));
	}

	/** What earned the points. */
	record Source(Type type, long id) {

		enum Type {

			EVENT, PATROL, RECORD, COURSE, QUIZ

		}

		static Source event(long id) {
			return new Source(Type.EVENT, id);
		}

		static Source patrol(long id) {
			return new Source(Type.PATROL, id);
		}

		static Source record(long id) {
			return new Source(Type.RECORD, id);
		}

		static Source course(long id) {
			return new Source(Type.COURSE, id);
		}

		static Source quiz(long id) {
			return new Source(Type.QUIZ, id);
		}

	}

	private record Placement(long gridId, String path, boolean worker) {
	}

}
