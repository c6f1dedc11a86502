package org.govgrid.ops.security;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * The inventory of what runs: every CycloneDX SBOM packed under {@code META-INF/sbom}
 * (the server's from the cyclonedx Maven plugin, the web part's from npm), read once.
 */
@Component
class Sbom {

	static final String LOCATION = "classpath*:META-INF/sbom/*.cdx.json";

	private static final Logger log = LoggerFactory.getLogger(Sbom.class);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private volatile List<SbomComponent> components;

	/** Every Maven and npm component, once each. */
	List<SbomComponent> components() {
		List<SbomComponent> read = this.components;
		if (read == null) {
			read = read();
			this.components = read;
		}
		return read;
	}

	private static List<SbomComponent> read() {
		Map<String, SbomComponent> found = new LinkedHashMap<>();
		try {
			for (Resource resource : new PathMatchingResourcePatternResolver().getResources(LOCATION)) {
				try (InputStream in = resource.getInputStream()) {
					components(JSON.readTree(in)).forEach((c) -> found.putIfAbsent(c.key() + "@" + c.version(), c));
				}
			}
		}
		catch (IOException | RuntimeException ex) {
			log.warn("Could not read the SBOM: {}", ex.getMessage());
		}
		return List.copyOf(found.values());
	}

	static List<SbomComponent> components(JsonNode bom) {
		List<SbomComponent> list = new ArrayList<>();
		collect(bom.path("components"), list);
		return list;
	}

	private static void collect(JsonNode components, List<SbomComponent> list) {
		for (JsonNode component : components) {
			SbomComponent.fromPurl(component.path("purl").stringValue(null)).ifPresent(list::add);
			collect(component.path("components"), list);
		}
	}

}
