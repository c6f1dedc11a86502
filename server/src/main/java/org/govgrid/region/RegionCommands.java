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

}
