package org.govgrid.openplatform;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

class ApiDocsPermissionsTests {

	@Test
	void authorityExpressionsBecomeAlternatives() {
		assertThat(ApiDocsPermissions.alternatives("hasAuthority('event:case:read')"))
			.containsExactly(List.of("event:case:read"));
		assertThat(ApiDocsPermissions.alternatives("hasAnyAuthority('a:b:c', 'd:e:f') or hasAuthority('g:h:i')"))
			.containsExactly(List.of("a:b:c"), List.of("d:e:f"), List.of("g:h:i"));
		assertThat(ApiDocsPermissions.alternatives("hasAuthority('a') and hasAnyAuthority('b','c')"))
			.containsExactly(List.of("a", "b"), List.of("a", "c"));
		assertThat(ApiDocsPermissions.alternatives("@guard.check(#id)")).isEmpty();
		assertThat(ApiDocsPermissions.alternatives("hasAuthority('a') or isAnonymous()")).isEmpty();
	}

	@Test
	void narrowingKeepsOnlyAllowedOperationsAndDropsEmptiedPaths() {
		JsonMapper json = JsonMapper.builder().build();
		ObjectNode document = (ObjectNode) json.readTree("""
				{"paths": {
				  "/api/v1/events": {
				    "get": {"x-permissions": [["event:case:read"]]},
				    "post": {"x-permissions": [["event:case:report"]]},
				    "parameters": []},
				  "/api/v1/people": {"get": {"x-permissions": [["basedata:person:read"]]}},
				  "/api/v1/auth/me": {"get": {}},
				  "/actuator/health": {"get": {"x-permissions": [["event:case:read"]]}},
				  "/api/v1/both": {"get": {"x-permissions": [["x", "event:case:read"], ["event:case:read"]]}},
				  "/api/v1/needs-two": {"get": {"x-permissions": [["x", "event:case:read"]]}}}}""");
		ScopedApiDocs.narrow(document, Set.of("event:case:read"));
		assertThat(document.path("paths").propertyNames()).containsExactlyInAnyOrder("/api/v1/events", "/api/v1/both");
		assertThat(document.path("paths").path("/api/v1/events").propertyNames()).containsExactlyInAnyOrder("get",
				"parameters");
	}

}
