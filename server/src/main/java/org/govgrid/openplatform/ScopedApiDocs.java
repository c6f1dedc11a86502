package org.govgrid.openplatform;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import org.springdoc.webmvc.api.OpenApiWebMvcResource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The platform's OpenAPI document cut down to the operations a set of permission codes
 * allows (a client's scopes, or the caller's own codes): a developer of another system
 * reads only what its credential can call. Operations without permission codes (people's
 * own pages, sign-in) are left out, as is everything outside {@code /api} and
 * {@code /open311}.
 */
@Component
class ScopedApiDocs {

	private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");

	private final OpenApiWebMvcResource documents;

	private final JsonMapper json;

	private final String docsPath;

	ScopedApiDocs(OpenApiWebMvcResource documents, JsonMapper json,
			@Value("${springdoc.api-docs.path:/v3/api-docs}") String docsPath) {
		this.documents = documents;
		this.json = json;
		this.docsPath = docsPath;
	}

	ObjectNode allowedBy(Collection<String> permissions, String title, HttpServletRequest request) {
		ObjectNode document;
		try {
			document = (ObjectNode) this.json.readTree(this.documents.openapiJson(request, this.docsPath, Locale.ROOT));
		}
		catch (com.fasterxml.jackson.core.JsonProcessingException ex) {
			throw new IllegalStateException("the OpenAPI document could not be written", ex);
		}
		narrow(document, Set.copyOf(permissions));
		((ObjectNode) document.path("info")).put("title", title);
		return document;
	}

	/** Removes from {@code document} every operation that {@code held} does not allow. */
	static void narrow(ObjectNode document, Set<String> held) {
		ObjectNode paths = (ObjectNode) document.path("paths");
		List<String> emptied = new ArrayList<>();
		for (String path : paths.propertyNames()) {
			ObjectNode item = (ObjectNode) paths.get(path);
			boolean published = path.startsWith("/api/") || path.startsWith("/open311/");
			List<String> refused = new ArrayList<>();
			for (String method : item.propertyNames()) {
				if (METHODS.contains(method) && !(published && allows(item.get(method), held))) {
					refused.add(method);
				}
			}
			item.remove(refused);
			if (item.propertyNames().stream().noneMatch(METHODS::contains)) {
				emptied.add(path);
			}
		}
		paths.remove(emptied);
	}

	private static boolean allows(JsonNode operation, Set<String> held) {
		for (JsonNode alternative : operation.path(ApiDocsPermissions.EXTENSION)) {
			boolean all = !alternative.isEmpty();
			for (JsonNode code : alternative) {
				all &= held.contains(code.asString());
			}
			if (all) {
				return true;
			}
		}
		return false;
	}

}
