package org.govgrid.dispatch;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.govgrid.audit.AuditRecord;
import org.govgrid.audit.AuditTrail;
import org.govgrid.identity.Directory;
import org.govgrid.patrol.WorkerPositions;
import org.govgrid.patrol.WorkerPositions.LastPosition;
import org.govgrid.platform.FieldErrors;
import org.govgrid.platform.NotFoundException;
import org.govgrid.platform.ScopedPrincipal;
import org.govgrid.region.RegionService;
import org.govgrid.region.RegionSummary;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The on-duty workers' last known positions for the command centre. Who sees what: the
 * centre staff and leaders (permission {@code dispatch:position:read}) see the workers
 * whose scope lies in theirs, only while on duty (an open patrol or a fresh heartbeat)
 * and only positions newer than the freshness limit; every list is one audit row. A unit
 * asked for that lies outside the caller's scope is 404. Near a point, the list is the
 * nearest first with the distance in metres.
 */
@Service
class WorkerPositionBoard {

	static final int MAX_LIMIT = 200;

	private static final double EARTH_RADIUS = 6_371_000;

	private final WorkerPositions positions;

	private final Directory directory;

	private final RegionService regions;

	private final AuditTrail audit;

	private final Clock clock;

	private final Duration freshness;

	WorkerPositionBoard(WorkerPositions positions, Directory directory, RegionService regions, AuditTrail audit,
			Clock clock, @Value("${govgrid.dispatch.position-freshness:15m}") Duration freshness) {
		this.positions = positions;
		this.directory = directory;
		this.regions = regions;
		this.audit = audit;
		this.clock = clock;
		this.freshness = freshness;
	}

	Duration freshness() {
		return this.freshness;
	}

	@Transactional
	List<WorkerPosition> list(Query query, ScopedPrincipal caller) {
		FieldErrors errors = new FieldErrors();
		double[] near = parseNear(query.near(), errors);
		if (query.limit() != null && (query.limit() < 1 || query.limit() > MAX_LIMIT)) {
			errors.add("limit", "1 to " + MAX_LIMIT + " / 须在1到" + MAX_LIMIT + "之间");
		}
		if (query.departmentId() != null && query.regionId() != null) {
			errors.add("regionId", "a department or a region, not both / 部门与区域只能选一个");
		}
		errors.throwIfAny();
		Predicate<LastPosition> member = unitMembers(query, caller);
		Instant now = this.clock.instant();
		List<LastPosition> found = this.positions.onDuty(caller.scope(), now.minus(this.freshness))
			.stream()
			.filter(member)
			.toList();
		Map<Long, String> names = this.directory.userNames(found.stream().map(LastPosition::userId).toList());
		Map<Long, String> grids = this.regions
			.namesOf(found.stream().map(LastPosition::gridId).filter(java.util.Objects::nonNull).toList());
		List<WorkerPosition> rows = found.stream()
			.map(p -> new WorkerPosition(p.userId(), names.get(p.userId()), p.lon(), p.lat(), p.at(), p.gridId(),
					p.gridId() == null ? null : grids.get(p.gridId()), p.accuracy(), p.source(), p.onPatrol(),
					Duration.between(p.at(), now).toSeconds(),
					near == null ? null : Math.round(metres(near[0], near[1], p.lon(), p.lat()))))
			.sorted(near == null ? Comparator.comparing(WorkerPosition::at).reversed()
					: Comparator.comparing(WorkerPosition::distanceMeters))
			.limit(query.limit() == null ? Long.MAX_VALUE : query.limit())
			.toList();
		// who looked, how many and how asked; never the positions themselves
		this.audit.record(AuditRecord.success("WORKER_POSITIONS_VIEW", "worker_position", null,
				"count=" + rows.size() + (near != null ? " near" : "")
						+ (query.departmentId() != null ? " department=" + query.departmentId() : "")
						+ (query.regionId() != null ? " region=" + query.regionId() : "")));
		return rows;
	}

	/**
	 * The unit's members (a department, or the people working exactly at a grid or
	 * community).
	 */
	private Predicate<LastPosition> unitMembers(Query query, ScopedPrincipal caller) {
		if (query.departmentId() != null) {
			Directory.DepartmentSummary department = this.directory.department(query.departmentId())
				.filter(d -> caller.scope().covers(d.regionPath()) || caller.scope().isUnder(d.regionPath()))
				.orElseThrow(() -> new NotFoundException("department", query.departmentId()));
			Set<Long> ids = this.directory.departmentMembers(List.of(department.id()))
				.stream()
				.map(Directory.Member::id)
				.collect(Collectors.toSet());
			return p -> ids.contains(p.userId());
		}
		if (query.regionId() != null) {
			RegionSummary region = this.regions.find(query.regionId())
				.filter(r -> caller.scope().covers(r.path()))
				.orElseThrow(() -> new NotFoundException("region", query.regionId()));
			return p -> p.scopePath().equals(region.path());
		}
		return p -> true;
	}

	/** {@code lon,lat}; null when absent, named in the errors when malformed. */
	private static double[] parseNear(String near, FieldErrors errors) {
		if (near == null || near.isBlank()) {
			return null;
		}
		String[] parts = near.split(",");
		try {
			if (parts.length == 2) {
				double lon = Double.parseDouble(parts[0].strip());
				double lat = Double.parseDouble(parts[1].strip());
				if (lon >= -180 && lon <= 180 && lat >= -90 && lat <= 90) {
					return new double[] { lon, lat };
				}
			}
		}
		catch (NumberFormatException ex) {
			// named below
		}
		errors.add("near", "lon,lat in degrees / 须为“经度,纬度”");
		return null;
	}

	static double metres(double lon1, double lat1, double lon2, double lat2) {
		double dLat = Math.toRadians(lat2 - lat1);
		double dLon = Math.toRadians(lon2 - lon1);
		double h = Math.pow(Math.sin(dLat / 2), 2)
				+ Math.cos(Math.toRadians(lat1)) * Math.cos(Math.toRadians(lat2)) * Math.pow(Math.sin(dLon / 2), 2);
		return 2 * EARTH_RADIUS * Math.asin(Math.sqrt(h));
	}

	record Query(String near, Long departmentId, Long regionId, Integer limit) {
	}

	/**
	 * One on-duty worker: {@code ageSeconds} since the fix, {@code distanceMeters} only
	 * when asked near a point.
	 */
	record WorkerPosition(long userId, String name, double lon, double lat, Instant at, Long gridId, String gridName,
			Double accuracy, String source, boolean onPatrol, long ageSeconds, Long distanceMeters) {
	}

}
