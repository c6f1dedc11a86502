package org.govgrid.openplatform;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;

/** The two document forms of GeoReport v2, as the spec's examples show them. */
class Open311FormatTests {

	private final JsonMapper json = JsonMapper.builder().build();

	@Test
	void aListIsAJsonArrayOrARootOfItemsWithTheFieldsInOrderAndEmptyElementsForNothing() {
		Map<String, Object> request = new LinkedHashMap<>();
		request.put("service_request_id", "SJ20261207000001");
		request.put("status", "open");
		request.put("description", "井盖 <破损> & 松动");
		request.put("zipcode", null);
		request.put("lat", 31.29);

		ResponseEntity<String> asJson = Open311Format.JSON.list(HttpStatus.OK, "service_requests", "request",
				List.of(request), this.json);
		assertThat(asJson.getHeaders().getContentType().toString()).isEqualTo("application/json;charset=UTF-8");
		assertThat(asJson.getBody()).isEqualTo(
				"[{\"service_request_id\":\"SJ20261207000001\",\"status\":\"open\",\"description\":\"井盖 <破损> & 松动\",\"zipcode\":null,\"lat\":31.29}]");

		ResponseEntity<String> asXml = Open311Format.XML.list(HttpStatus.CREATED, "service_requests", "request",
				List.of(request), this.json);
		assertThat(asXml.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		assertThat(asXml.getHeaders().getContentType().toString()).isEqualTo("text/xml;charset=UTF-8");
		assertThat(asXml.getBody()).startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>")
			.endsWith("<service_requests><request><service_request_id>SJ20261207000001</service_request_id>"
					+ "<status>open</status><description>井盖 &lt;破损&gt; &amp; 松动</description><zipcode/>"
					+ "<lat>31.29</lat></request></service_requests>");
	}

	@Test
	void aDefinitionIsAnObjectAndItsListsHoldSingularElements() {
		Map<String, Object> definition = new LinkedHashMap<>();
		definition.put("service_code", "CSGL-01");
		definition.put("attributes", List.of(Map.of("code", "SIZE")));
		assertThat(Open311Format.JSON.object("service_definition", definition, this.json).getBody())
			.isEqualTo("{\"service_code\":\"CSGL-01\",\"attributes\":[{\"code\":\"SIZE\"}]}");
		assertThat(Open311Format.XML.object("service_definition", definition, this.json).getBody())
			.endsWith("<service_definition><service_code>CSGL-01</service_code>"
					+ "<attributes><attribute><code>SIZE</code></attribute></attributes></service_definition>");
	}

	@Test
	void errorsAreTheSpecsListWithTheStatusAsCode() {
		Open311Exception error = new Open311Exception(HttpStatus.FORBIDDEN, "Invalid api_key");
		assertThat(Open311Format.JSON.errors(error.status(), error.errors(), this.json).getBody())
			.isEqualTo("[{\"code\":403,\"description\":\"Invalid api_key\"}]");
		assertThat(Open311Format.XML.errors(error.status(), error.errors(), this.json).getBody())
			.endsWith("<errors><error><code>403</code><description>Invalid api_key</description></error></errors>");
		assertThat(Open311Format.of("html")).isNull();
		assertThat(Open311Format.ofPath("/open311/v2/requests.xml")).isEqualTo(Open311Format.XML);
	}

}
