package org.govgrid.region;

import tools.jackson.databind.JsonNode;

/** Request bodies of the region API. */
final class RegionCommands {

	private RegionCommands() {
	}

	/**
	 * A JSON {@code null} boundary arrives as a NullNode: it means "no boundary", the
	 * same as leaving the field out.
	 */
	private static JsonNode presentOrNull(JsonNode boundary) {
		return boundary == null || boundary.isNull() || boundary.isMissingNode() ? null : boundary;
	}

	record CreateRegion(Long parentId, RegionLevel level, String code, String name, JsonNode boundary) {

		CreateRegion {
			boundary = presentOrNull(boundary);
		}

	}

	record UpdateRegion(String name, JsonNode boundary) {

		UpdateRegion {
			boundary = presentOrNull(boundary);
		}

	}

	/** A boundary drawn on the map, checked before it is saved. */
	record ValidateBoundary(Long parentId, Long regionId, JsonNode geometry) {

		ValidateBoundary {
			geometry = presentOrNull(geometry);
		}

	}

	/**
	 * A grid cut in two along {@code line}: the grid keeps the larger piece, a new grid
	 * {@code code}/{@code name} gets the other.
	 */
	record SplitRegion(JsonNode line, String code, String name) {

		SplitRegion {
			line = presentOrNull(line);
		}

	}

	/** Adjacent grids joined: the first keeps its code and takes the union. */
	record MergeRegions(java.util.List<Long> ids, String name) {
	}

}
