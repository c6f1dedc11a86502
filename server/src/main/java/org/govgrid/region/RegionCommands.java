package org.govgrid.region;

import tools.jackson.databind.JsonNode;

/** Request bodies of the region API. */
final class RegionCommands {

	private RegionCommands() {
	}

	record CreateRegion(Long parentId, RegionLevel level, String code, String name, JsonNode boundary) {
	}

	record UpdateRegion(String name, JsonNode boundary) {
	}

}
