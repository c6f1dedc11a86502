package org.govgrid.region;

import java.util.Locale;

import tools.jackson.databind.JsonNode;
import org.locationtech.jts.geom.Geometry;

/** The pieces of a bulk boundary import, from the uploaded file to the rows written. */
final class BoundaryImportModel {

	private BoundaryImportModel() {
	}

	/** Source coordinate systems: WGS-84 and CGCS2000 are taken as they are. */
	enum Crs {

		WGS84, CGCS2000, GCJ02;

		static Crs parse(String value) {
			if (value == null || value.isBlank()) {
				return WGS84;
			}
			String normal = value.trim().toUpperCase(Locale.ROOT).replace("-", "").replace("_", "");
			for (Crs crs : values()) {
				if (crs.name().equals(normal)) {
					return crs;
				}
			}
			return null;
		}

		Geometry toWgs84(Geometry geometry) {
			return this == GCJ02 ? Gcj02.toWgs84(geometry) : geometry;
		}

	}

	/** What the uploader chose: which attributes hold what, and whether to write. */
	record Options(boolean dryRun, String codeField, String nameField, String parentCodeField, Crs crs) {
	}

	/** One feature of the file, as read (0-based index in the file). */
	record SourceFeature(int index, String code, String name, String parentCode, JsonNode geometry) {
	}

	/** One problem of one feature; {@code code} is the feature's code as given. */
	record FeatureError(int index, String code, String message) {
	}

	/** A feature that passed every check, with everything its row needs. */
	record Planned(String code, String name, RegionLevel level, String parentCode, String path, Geometry shape) {
	}

}
