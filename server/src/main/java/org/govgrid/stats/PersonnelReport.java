package org.govgrid.stats;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.govgrid.collection.CollectionSummaries;
import org.govgrid.event.EventSummaries;
import org.govgrid.identity.Directory;
import org.govgrid.patrol.PatrolSummaries;
import org.govgrid.region.RegionSummary;
import org.springframework.stereotype.Service;

/**
 * 人员统计: per grid worker of an area, what they did in a range of days — events reported,
 * patrols with their hours and kilometres, information records made and approved. Every
 * worker of the area is listed, idle ones too.
 */
@Service
class PersonnelReport {

	private final Directory directory;

	private final EventSummaries events;

	private final PatrolSummaries patrols;

	private final CollectionSummaries records;

	PersonnelReport(Directory directory, EventSummaries events, PatrolSummaries patrols, CollectionSummaries records) {
		this.directory = directory;
		this.events = events;
		this.patrols = patrols;
		this.records = records;
	}

	List<Row> of(RegionSummary region, LocalDate from, LocalDate to) {
		Instant start = from.atStartOfDay(EventFact.LOCAL).toInstant();
		Instant end = to.plusDays(1).atStartOfDay(EventFact.LOCAL).toInstant();
		Map<Long, Long> reports = this.events.reportsByReporter(region.path(), start, end);
		Map<Long, PatrolSummaries.Totals> walked = this.patrols.byWorker(region.path(), start, end);
		Map<Long, CollectionSummaries.Totals> collected = this.records.byCollector(region.path(), start, end);
		return this.directory.usersWithin(region.path(), "patrol:patrol:write").stream().map(worker -> {
			PatrolSummaries.Totals patrol = walked.getOrDefault(worker.id(), new PatrolSummaries.Totals(0, 0, 0));
			CollectionSummaries.Totals record = collected.getOrDefault(worker.id(),
					new CollectionSummaries.Totals(0, 0));
			return new Row(worker.id(), worker.name(), reports.getOrDefault(worker.id(), 0L), patrol.patrols(),
					Math.round(patrol.seconds() / 36.0) / 100.0, Math.round(patrol.meters() / 10.0) / 100.0,
					record.records(), record.approved());
		})
			.sorted(Comparator.comparingLong(Row::reports)
				.thenComparingLong(Row::patrols)
				.thenComparingLong(Row::records)
				.reversed()
				.thenComparing(Row::name))
			.toList();
	}

	/** Hours and kilometres rounded to two decimals. */
	record Row(long userId, String name, long reports, long patrols, double patrolHours, double patrolKm, long records,
			long recordsApproved) {
	}

}
