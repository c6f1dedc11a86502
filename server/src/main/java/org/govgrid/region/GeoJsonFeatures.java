package org.govgrid.region;

import java.util.ArrayList;
import java.util.List;

import org.govgrid.platform.FieldErrors;
import org.govgrid.region.BoundaryImportModel.Options;
import org.govgrid.region.BoundaryImportModel.SourceFeature;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a GeoJSON FeatureCollection into source features: the code, name and parent code
 * from the named properties, the geometry left as it is for the checks.
 */
final class GeoJsonFeatures {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private GeoJsonFeatures() {
	}

	/**
	 * The features, or {@code null} with {@code errors} filled when the file is unusable.
	 */
	static List<SourceFeature> read(byte[] content, Options options, FieldErrors errors) {
		JsonNode root;
		try {
			root = JSON.readTree(content);
		}
		catch (JacksonException ex) {
			errors.add("file", "not valid JSON / 文件不是有效的 JSON");
			return null;
		}
		if (root == null || !"FeatureCollection".equals(root.path("type").asString(""))
				|| !root.path("features").isArray()) {
			errors.add("file", "must be a GeoJSON FeatureCollection / 文件须为 GeoJSON FeatureCollection");
			return null;
		}
		JsonNode features = root.path("features");
		if (features.isEmpty()) {
			errors.add("file", "the FeatureCollection has no features / 文件中没有要素");
			return null;
		}
		List<SourceFeature> read = new ArrayList<>(features.size());
		for (int i = 0; i < features.size(); i++) {
			JsonNode feature = features.get(i);
			JsonNode properties = feature.path("properties");
			read.add(new SourceFeature(i, text(properties, options.codeField()), text(properties, options.nameField()),
					text(properties, options.parentCodeField()), feature.get("geometry")));
		}
		return read;
	}

	/** A property as trimmed text (numbers too: codes often arrive as numbers). */
	private static String text(JsonNode properties, String field) {
		JsonNode value = properties.get(field);
		if (value == null || value.isNull() || value.isContainer()) {
			return null;
		}
		String text = value.isIntegralNumber() ? value.bigIntegerValue().toString() : value.asString();
		return text == null || text.isBlank() ? null : text.trim();
	}

}
