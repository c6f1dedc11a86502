package org.govgrid.patrol;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Creates the monthly partitions of the track points ahead of time (this month and the
 * next {@code govgrid.patrol.partitions-ahead}, UTC months), at start and every night, so
 * that no request ever creates one: point times a worker sends could otherwise make one
 * table per month they name.
 */
@Component
class TrackPartitions {

	private static final Logger log = LoggerFactory.getLogger(TrackPartitions.class);

	private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("yyyy_MM");

	private final JdbcClient jdbc;

	private final Clock clock;

	private final int monthsAhead;

	TrackPartitions(JdbcClient jdbc, Clock clock, @Value("${govgrid.patrol.partitions-ahead:3}") int monthsAhead) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.monthsAhead = Math.max(1, monthsAhead);
	}

	@EventListener(ApplicationReadyEvent.class)
	void onStart() {
		createAhead();
	}

	@Scheduled(cron = "${govgrid.patrol.partitions-cron:0 10 3 * * *}", zone = "UTC")
	@SchedulerLock(name = "patrol-track-partitions", lockAtMostFor = "PT5M")
	public void onSchedule() {
		createAhead();
	}

	/** Returns the partitions created now (existing ones are left alone). */
	List<String> createAhead() {
		LocalDate first = LocalDate.now(this.clock.withZone(ZoneOffset.UTC)).withDayOfMonth(1);
		List<String> created = new ArrayList<>();
		for (int i = 0; i <= this.monthsAhead; i++) {
			LocalDate month = first.plusMonths(i);
			try {
				if (create(month)) {
					created.add(name(month));
				}
			}
			catch (DataAccessException ex) {
				// another node made it at the same moment, or the month's rows sit in the
				// default partition: either way points of the month are stored
				log.warn("Track partition for {} not created: {}", month, ex.getMostSpecificCause().getMessage());
			}
		}
		if (!created.isEmpty()) {
			log.info("Created track partitions {}", created);
		}
		return created;
	}

	static String name(LocalDate month) {
		return "patrol_track_point_" + month.format(MONTH);
	}

	private boolean create(LocalDate month) {
		String name = name(month);
		if (this.jdbc.sql("select to_regclass(:name) is not null").param("name", name).query(Boolean.class).single()) {
			return false;
		}
		// a month already held by the default partition cannot be split off while it has
		// rows there; the default partition keeps serving it
		long stray = this.jdbc.sql("select count(*) from patrol_track_point_default"
				+ " where recorded_at >= cast(:month as date) and recorded_at < cast(:month as date) + interval '1 month'")
			.param("month", month.toString())
			.query(Long.class)
			.single();
		if (stray > 0) {
			return false;
		}
		// name and bounds come from a LocalDate, never from input
		this.jdbc
			.sql("create table if not exists " + name + " partition of patrol_track_point for values from ('" + month
					+ "') to ('" + month.plusMonths(1) + "')")
			.update();
		return true;
	}

}
