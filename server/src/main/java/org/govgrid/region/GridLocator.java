package org.govgrid.region;

import java.util.List;
import java.util.Optional;

import org.locationtech.jts.geom.Coordinate;
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
 * Point → grid lookup through an in-memory STRtree of prepared grid polygons. The tree is
 * immutable and swapped whole when a boundary changes, so lookups never lock.
 */
@Component
class GridLocator {

	private static final Logger log = LoggerFactory.getLogger(GridLocator.class);

	private final RegionRepository regions;

	private volatile STRtree index;

	private volatile String builtFrom = "";

	GridLocator(RegionRepository regions) {
		this.regions = regions;
	}

	/** The id of the grid whose boundary contains (or touches) the point. */
	Optional<Long> locate(double lon, double lat) {
		STRtree tree = this.index;
		if (tree == null) {
			tree = rebuild();
		}
		Point point = Boundaries.GEOMETRY.createPoint(new Coordinate(lon, lat));
		@SuppressWarnings("unchecked")
		List<IndexedGrid> candidates = tree.query(point.getEnvelopeInternal());
		return candidates.stream().filter(grid -> grid.shape().covers(point)).map(IndexedGrid::id).min(Long::compare);
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

	synchronized STRtree rebuild() {
		String signature = this.regions.gridSignature();
		STRtree tree = new STRtree();
		int count = 0;
		for (Region grid : this.regions.findByLevel(RegionLevel.GRID)) {
			Geometry shape = Boundaries.parseStored(grid.getBoundaryGeoJson());
			if (shape != null) {
				tree.insert(shape.getEnvelopeInternal(),
						new IndexedGrid(grid.getId(), PreparedGeometryFactory.prepare(shape)));
				count++;
			}
		}
		tree.build();
		this.index = tree;
		this.builtFrom = signature;
		log.info("Grid index rebuilt with {} grids", count);
		return tree;
	}

	record IndexedGrid(long id, PreparedGeometry shape) {
	}

	/**
	 * Published when any boundary was created or changed; the index follows after commit.
	 */
	record BoundaryChanged(long regionId) {
	}

}
