package org.govgrid.region;

import java.util.Collection;
import java.util.Set;

import org.locationtech.jts.geom.Geometry;

import org.springframework.stereotype.Component;

/**
 * Where a boundary may lie: inside its parent and overlapping no sibling. One rule for
 * creating, updating, drawing, splitting and merging, so the map shows what the API would
 * answer.
 */
@Component
class BoundaryPlacement {

	/** One placement problem; {@code neighbourCode} names the sibling it clashes with. */
	record Problem(String field, String message, String neighbourCode) {
	}

	private final RegionRepository regions;

	BoundaryPlacement(RegionRepository regions) {
		this.regions = regions;
	}

	/**
	 * Inside the parent's boundary and no overlap with a sibling other than
	 * {@code ignored}; {@code null} when it fits.
	 */
	Problem check(Geometry shape, Region parent, Collection<Long> ignored) {
		if (parent == null) {
			return null;
		}
		if (parent.getBoundaryGeoJson() != null) {
			Geometry parentShape = Boundaries.parseStored(parent.getBoundaryGeoJson());
			// a tolerance of ~1 cm absorbs rounding in shared edges
			if (!parentShape.buffer(1e-7).covers(shape)) {
				return new Problem("boundary", "must lie inside the parent " + parent.getName() + " / 边界须位于上级区域之内",
						parent.getCode());
			}
		}
		for (Region sibling : this.regions.findByParentId(parent.getId())) {
			if (ignored.contains(sibling.getId()) || sibling.getBoundaryGeoJson() == null) {
				continue;
			}
			Geometry other = Boundaries.parseStored(sibling.getBoundaryGeoJson());
			if (other.intersects(shape) && other.intersection(shape).getArea() > 1e-10) {
				return new Problem("boundary",
						"overlaps " + sibling.getName() + " (" + sibling.getCode() + ") / 与同级区域重叠", sibling.getCode());
			}
		}
		return null;
	}

	Problem check(Geometry shape, Region parent) {
		return check(shape, parent, Set.of());
	}

	/** A new boundary of {@code region} must still hold all its children. */
	Problem childrenStayInside(Geometry shape, Region region) {
		Geometry tolerant = shape.buffer(1e-7);
		for (Region child : this.regions.findByParentId(region.getId())) {
			if (child.getBoundaryGeoJson() != null
					&& !tolerant.covers(Boundaries.parseStored(child.getBoundaryGeoJson()))) {
				return new Problem("boundary",
						"would leave " + child.getName() + " outside / 子区域 " + child.getName() + " 将超出边界",
						child.getCode());
			}
		}
		return null;
	}

}
