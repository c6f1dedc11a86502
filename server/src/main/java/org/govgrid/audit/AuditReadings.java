package org.govgrid.audit;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Read-only figures over the trail for the daily log review (标准 8a), so that ops never
 * reads the audit table itself. Each method covers {@code [from, to)}; the trail is
 * city-wide, callers decide who may see the figures.
 */
@Service
@Transactional(readOnly = true)
public class AuditReadings {

	/** Open-platform calls are machine traffic, not a person's activity. */
	private static final String MACHINE_ACTION = "API_CALL";

	private final JdbcClient jdbc;

	AuditReadings(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Failed sign-ins and lockouts of one attempted account from one client address. */
	public record SignInFailures(String username, String clientIp, int failures, int lockouts) {
	}

	/** One refused request (403) and who made it. */
	public record Denial(String username, Instant at) {
	}

	/** What one account did inside the unusual hours. */
	public record OddHours(String username, int actions, Instant firstAt, Instant lastAt) {
	}

	/** One export; {@code detail} says what and how many rows ({@code rows=N}). */
	public record Export(String username, String action, String objectType, String detail, String outcome, Instant at) {
	}

	public int count(Instant from, Instant to) {
		return this.jdbc.sql("select count(*) from audit_log where occurred_at >= :from and occurred_at < :to")
			.param("from", Timestamp.from(from))
			.param("to", Timestamp.from(to))
			.query(Integer.class)
			.single();
	}

	public List<SignInFailures> signInFailures(Instant from, Instant to) {
		return this.jdbc.sql("""
				select coalesce(username, '') as username, coalesce(client_ip, '') as client_ip,
				       count(*) filter (where action = 'LOGIN' and outcome in ('FAILURE', 'DENIED')) as failures,
				       count(*) filter (where action = 'LOCKOUT') as lockouts
				from audit_log
				where occurred_at >= :from and occurred_at < :to
				  and ((action = 'LOGIN' and outcome in ('FAILURE', 'DENIED')) or action = 'LOCKOUT')
				group by 1, 2 order by 3 desc, 1, 2""")
			.param("from", Timestamp.from(from))
			.param("to", Timestamp.from(to))
			.query((rs, n) -> new SignInFailures(rs.getString("username"), rs.getString("client_ip"),
					rs.getInt("failures"), rs.getInt("lockouts")))
			.list();
	}

	public List<Denial> denials(Instant from, Instant to) {
		return this.jdbc.sql("""
				select coalesce(username, '') as username, occurred_at from audit_log
				where occurred_at >= :from and occurred_at < :to and action = 'ACCESS_DENIED'
				order by username, occurred_at""")
			.param("from", Timestamp.from(from))
			.param("to", Timestamp.from(to))
			.query((rs, n) -> new Denial(rs.getString("username"),
					rs.getObject("occurred_at", OffsetDateTime.class).toInstant()))
			.list();
	}

	/**
	 * Activity of signed-in accounts whose local time (in {@code zone}) falls in
	 * {@code [fromHour, toHour)}; a window across midnight has {@code fromHour > toHour}.
	 */
	public List<OddHours> oddHours(Instant from, Instant to, String zone, int fromHour, int toHour) {
		String inside = (fromHour <= toHour) ? "(h >= :fromHour and h < :toHour)" : "(h >= :fromHour or h < :toHour)";
		return this.jdbc.sql("""
				select username, count(*) as actions, min(occurred_at) as first_at, max(occurred_at) as last_at
				from (select username, occurred_at, extract(hour from occurred_at at time zone :zone) as h
				      from audit_log
				      where occurred_at >= :from and occurred_at < :to and username is not null
				        and action <> :machine) a
				where """ + inside + """
				group by username order by actions desc, username""")
			.param("from", Timestamp.from(from))
			.param("to", Timestamp.from(to))
			.param("zone", zone)
			.param("fromHour", fromHour)
			.param("toHour", toHour)
			.param("machine", MACHINE_ACTION)
			.query((rs, n) -> new OddHours(rs.getString("username"), rs.getInt("actions"),
					rs.getObject("first_at", OffsetDateTime.class).toInstant(),
					rs.getObject("last_at", OffsetDateTime.class).toInstant()))
			.list();
	}

	/** Every export ({@code *_EXPORT}), oldest first. */
	public List<Export> exports(Instant from, Instant to) {
		return this.jdbc.sql("""
				select coalesce(username, '') as username, action, object_type, detail, outcome, occurred_at
				from audit_log
				where occurred_at >= :from and occurred_at < :to and action like '%\\_EXPORT' escape '\\'
				order by occurred_at, id""")
			.param("from", Timestamp.from(from))
			.param("to", Timestamp.from(to))
			.query((rs, n) -> new Export(rs.getString("username"), rs.getString("action"), rs.getString("object_type"),
					rs.getString("detail"), rs.getString("outcome"),
					rs.getObject("occurred_at", OffsetDateTime.class).toInstant()))
			.list();
	}

}
