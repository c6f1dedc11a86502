package org.govgrid.event;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Public event codes: {@code SJ} + the local date + a 6-digit daily sequence. Each number
 * is taken in its own short transaction, so reporters never queue behind each other's
 * whole report; a report that fails afterwards leaves a gap, never a duplicate.
 */
@Component
class EventCodes {

	/** Days begin in Suzhou, whatever the server's zone. */
	static final ZoneId LOCAL = ZoneId.of("Asia/Shanghai");

	private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

	private final JdbcTemplate jdbc;

	private final TransactionTemplate ownTransaction;

	EventCodes(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
		this.jdbc = jdbc;
		this.ownTransaction = new TransactionTemplate(transactions);
		this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	/**
	 * Must be called outside any other transaction (it would hold a second connection).
	 */
	String next(Instant now) {
		LocalDate day = now.atZone(LOCAL).toLocalDate();
		Integer number = this.ownTransaction.execute(status -> this.jdbc.queryForObject("""
				insert into event_code_sequence (day, last) values (?, 1)
				on conflict (day) do update set last = event_code_sequence.last + 1
				returning last""", Integer.class, day));
		return "SJ" + day.format(DAY) + String.format("%06d", number);
	}

}
