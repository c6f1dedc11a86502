package org.govgrid.region;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.govgrid.region.RegionViews.RegionDetail;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.index.strtree.STRtree;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Point → grid lookup through an in-memory STRtree of prepared grid polygons, each
 * carrying the grid's details so that a lookup never touches the database. The tree is
 * immutable and swapped whole; a rebuild re-parses only grids whose version changed.
 */
@Component
class GridLocator {

	private static final Logger log = LoggerFactory.getLogger(GridLocator.class);

	/** Beyond this many changed grids one scan of all grids beats an IN list. */
	private static final int BULK_LOAD = 500;

	private final RegionRepository regions;

	/** Parsed grids by id; only touched under this object's lock. */
	private final Map<Long, IndexedGrid> parsed = new HashMap<>();

	private volatile STRtree index;

	private volatile String builtFrom = "";

	GridLocator(RegionRepository regions) {
		this.regions = regions;
	}

	/**
	 * The grid whose boundary contains (or touches) the point; the lowest id on a shared
	 * edge.
	 */
	Optional<RegionDetail> locate(double lon, double lat) {
		Point point = Boundaries.GEOMETRY.createPoint(new Coordinate(lon, lat));
		@SuppressWarnings("unchecked")
		List<IndexedGrid> candidates = current().query(point.getEnvelopeInternal());
		return candidates.stream()
			.filter(grid -> grid.shape().covers(point))
			.min((a, b) -> Long.compare(a.detail().id(), b.detail().id()))
			.map(IndexedGrid::detail);
	}

	@EventListener(ApplicationReadyEvent.class)
	void warmUp() {
		rebuild();
	}

	@TransactionalEventListener
	void onBoundaryChanged(BoundaryChanged event) {
		rebuild();
	}

	/**
	 * Another node may have changed a boundary: a cheap look at the grids' count and
	 * latest change time tells whether this node's index is stale.
	 */
	@Scheduled(fixedDelayString = "${govgrid.region.index-check-interval:10s}")
	void rebuildIfChangedElsewhere() {
		if (this.index != null && !this.builtFrom.equals(this.regions.gridSignature())) {
			rebuild();
		}
	}

	private STRtree current() {
		STRtree tree = this.index;
		if (tree != null) {
			return tree;
		}
		synchronized (this) {
			return this.index != null ? this.index : rebuild();
		}
	}

	synchronized STRtree rebuild() {
		long started = System.nanoTime();
		String signature = this.regions.gridSignature();
		Map<Long, Long> versions = new HashMap<>();
		this.regions.gridVersions().forEach(row -> versions.put((Long) row[0], (Long) row[1]));
		this.parsed.keySet().retainAll(versions.keySet());
		Set<Long> stale = versions.entrySet()
			.stream()
			.filter(e -> !this.parsed.containsKey(e.getKey()) || this.parsed.get(e.getKey()).version() != e.getValue())
			.map(Map.Entry::getKey)
			.collect(Collectors.toSet());
		List<Region> changed = stale.size() > BULK_LOAD ? this.regions.findByLevel(RegionLevel.GRID)
				: this.regions.findAllById(stale);
		for (Region grid : changed) {
			if (!stale.contains(grid.getId())) {
				continue;
			}
			Geometry shape = Boundaries.parseStored(grid.getBoundaryGeoJson());
			if (shape != null) {
				this.parsed.put(grid.getId(), new IndexedGrid(grid.getVersion(), RegionDetail.of(grid),
						shape.getEnvelopeInternal(), PreparedGeometryFactory.prepare(shape)));
			}
		}
		STRtree tree = new STRtree();
		this.parsed.values().forEach(grid -> tree.insert(grid.envelope(), grid));
		tree.build();
		this.index = tree;
		this.builtFrom = signature;
		log.info("Grid index: {} grids ({} parsed) in {} ms", this.parsed.size(), stale.size(),
				(System.nanoTime() - started) / 1_000_000);
		return tree;
	}

	record IndexedGrid(long version, RegionDetail detail, Envelope envelope, PreparedGeometry shape) {
	}

	/**
	 * Published when any boundary was created or changed; the index follows after commit.
	 */
	record BoundaryChanged(long regionId) {
	}

}
