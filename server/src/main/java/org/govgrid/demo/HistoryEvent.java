package org.govgrid.demo;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.govgrid.demo.HistoryTown.Grid;
import org.govgrid.demo.HistoryTown.Person;

/**
 * One event of the demo history as it is stored: what was reported, and (filled in by
 * {@link HistoryFlows}) where it went, the state it ended in and the steps that took it
 * there.
 */
final class HistoryEvent {

	final String category;

	final String source;

	final Person reporter;

	final String reporterName;

	final Grid grid;

	final double lon;

	final double lat;

	final String address;

	final String description;

	final Instant reportedAt;

	String code;

	String status = "REPORTED";

	String handlingLevel = "TOWN";

	String unitKind = "TOWN_CENTRE";

	long unitId;

	int acceptanceMinutes = 120;

	int disposalMinutes;

	Instant acceptedAt;

	Instant acceptanceDeadline;

	Instant dispatchedAt;

	Instant disposalDeadline;

	Instant closedAt;

	boolean selfHandled;

	Integer score;

	String evaluation;

	String result;

	int supervisions;

	String flag = "NONE";

	final List<Step> flow = new ArrayList<>();

	HistoryEvent(String category, String source, Person reporter, String reporterName, Grid grid, double lon,
			double lat, String address, String description, Instant reportedAt) {
		this.category = category;
		this.source = source;
		this.reporter = reporter;
		this.reporterName = reporterName;
		this.grid = grid;
		this.lon = lon;
		this.lat = lat;
		this.address = address;
		this.description = description;
		this.reportedAt = reportedAt;
	}

	Instant reportedAt() {
		return this.reportedAt;
	}

	String title() {
		return this.description.length() <= 30 ? this.description : this.description.substring(0, 30) + "…";
	}

	void step(String action, String to, Person actor, Instant at, String comment, String targetKind, Long targetId) {
		String from = this.flow.isEmpty() ? null : this.status;
		this.flow.add(new Step(action, from, to, actor, at, comment, targetKind, targetId));
		this.status = to;
	}

	/** One flow row. */
	record Step(String action, String from, String to, Person actor, Instant at, String comment, String targetKind,
			Long targetId) {
	}

}
