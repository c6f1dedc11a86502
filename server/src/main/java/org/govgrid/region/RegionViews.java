package org.govgrid.region;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonRawValue;

/** Response shapes of the region API. */
final class RegionViews {

	private RegionViews() {
	}

	record RegionNode(long id, String code, String name, RegionLevel level, Long parentId, String path,
			List<RegionNode> children) {

	}

	record Center(double lon, double lat) {
	}

	record RegionDetail(long id, String code, String name, RegionLevel level, Long parentId, String path,
			@JsonRawValue String boundary, Center center) {

		static RegionDetail of(Region region) {
			Center center = region.getCenterLon() == null ? null
					: new Center(region.getCenterLon(), region.getCenterLat());
			return new RegionDetail(region.getId(), region.getCode(), region.getName(), region.getLevel(),
					region.getParentId(), region.getPath(), region.getBoundaryGeoJson(), center);
		}

	}

	record FeatureCollection(String type, List<Feature> features) {

		FeatureCollection(List<Feature> features) {
			this("FeatureCollection", features);
		}

	}

	record Feature(String type, @JsonRawValue String geometry, Map<String, Object> properties) {

		Feature(String geometry, Map<String, Object> properties) {
			this("Feature", geometry, properties);
		}

	}

	/** What a drawn boundary would meet on saving; empty problems when it fits. */
	record BoundaryReport(boolean valid, List<BoundaryProblem> problems) {
	}

	record BoundaryProblem(String field, String message, String neighbourCode) {
	}

	record SplitResult(RegionDetail kept, RegionDetail created) {
	}

}
