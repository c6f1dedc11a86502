package org.govgrid.openplatform;

import java.io.ByteArrayInputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import javax.xml.parsers.DocumentBuilderFactory;

import org.govgrid.support.ApiClient;
import org.govgrid.support.ApiClient.Response;
import org.govgrid.support.ApiIntegrationTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 16 item 6: Open311 GeoReport v2. A real third-party client (Code for America's
 * {@code open311} for Node, {@link Open311Client}) lists services, posts a request and
 * reads it back, and sees it {@code closed} once its event is walked to 已结案 by the demo
 * accounts. Beside it: the XML forms, Open311's errors, region and source scoping,
 * idempotency, tokens, bearer tokens and the rate limit. The client of 狮山街道 (320505006,
 * where the demo accounts work) reports there; 枫桥街道 (320505007) is out of its region.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class Open311IT extends ApiIntegrationTest {

	private static final String SHISHAN = "320505006";

	private static final String FENGQIAO = "320505007";

	private static final String GRID_1 = SHISHAN + "001001";

	private ApiClient admin;

	private MachineCalls machine;

	private Client shishan;

	private Client fengqiao;

	@BeforeAll
	void clients() {
		this.admin = this.accounts.signedIn(this.port, "SYS_ADMIN", "320500");
		this.machine = new MachineCalls(this.port);
		this.shishan = client("Open311 狮山测试", List.of("open311"), SHISHAN, 1000);
		this.fengqiao = client("Open311 枫桥测试", List.of("open311"), FENGQIAO, 1000);
	}

	@Test
	void aThirdPartyOpen311ClientListsServicesPostsAndReadsBackARequestThatClosesWithItsEvent() {
		double[] point = center(GRID_1);
		JsonNode run = Open311Client.run("submit", "http://localhost:" + this.port + "/open311/discovery.json",
				this.shishan.clientId(), this.shishan.secret(), "CSGL-01", Double.toString(point[1]),
				Double.toString(point[0]), "Open311 测试：人行道上有占道经营的摊位");
		assertThat(run.path("endpoint").asString()).as("found through the discovery document").isEqualTo(endpoint());
		assertThat(run.path("changeset").asString()).isNotBlank();
		assertThat(run.path("services").asInt()).isGreaterThan(10);
		assertThat(run.path("service").path("group").asString()).isEqualTo("城市管理");
		assertThat(run.path("service").path("type").asString()).isEqualTo("realtime");
		assertThat(run.path("definition").path("service_code").asString()).isEqualTo("CSGL-01");
		String id = run.path("created").get(0).path("service_request_id").asString();
		assertThat(id).matches("SJ\\d{14}");
		JsonNode read = run.path("read").get(0);
		assertThat(read.path("service_request_id").asString()).isEqualTo(id);
		assertThat(read.path("status").asString()).isEqualTo("open");
		String department = this.jdbc.queryForObject("select name from department where code = ?", String.class,
				SHISHAN + "-CG");
		assertThat(read.path("agency_responsible").asString()).isEqualTo(department);
		assertThat(read.path("media_url").asString()).isEqualTo("https://photos.example.cn/open311/scene.jpg");
		assertThat(read.path("lat").asDouble()).isEqualTo(point[1]);
		// the client turns the spec's ISO 8601 times (+08:00) into dates
		assertThat(java.time.Instant.parse(read.path("expected_datetime").asString()))
			.isAfter(java.time.Instant.parse(read.path("requested_datetime").asString()));
		assertThat(get(
				"/open311/v2/requests/" + run.path("created").get(0).path("service_request_id").asString() + ".json",
				this.shishan)
			.json()
			.get(0)
			.path("requested_datetime")
			.asString()).endsWith("+08:00");

		Map<String, Object> event = this.jdbc
			.queryForMap("select id, source, status, reporter_name, reporter_id from event where code = ?", id);
		assertThat(event).containsEntry("source", "CITIZEN").containsEntry("status", "DISPATCHED");
		assertThat(event.get("reporter_name")).isEqualTo("李明");
		long eventId = ((Number) event.get("id")).longValue();

		ApiClient deptCg = this.accounts.demo(this.port, "dept_cg");
		ApiClient worker1 = this.accounts.demo(this.port, "worker1");
		assertThat(deptCg.post("/api/v1/events/" + eventId + "/sign", Map.of()).status()).isEqualTo(200);
		assertThat(deptCg.post("/api/v1/events/" + eventId + "/resolve", Map.of("comment", "摊位已劝离")).status())
			.isEqualTo(200);
		assertThat(Open311Client.run("read", endpoint(), id).path("read").get(0).path("status").asString())
			.as("resolved but not yet verified is still open")
			.isEqualTo("open");
		Response verified = worker1.post("/api/v1/events/" + eventId + "/verify",
				Map.of("passed", true, "comment", "现场已核实"));
		assertThat(verified.json().path("status").asString()).as(verified.body()).isEqualTo("CLOSED");

		JsonNode closed = Open311Client.run("read", endpoint(), id).path("read").get(0);
		assertThat(closed.path("status").asString()).isEqualTo("closed");
		assertThat(closed.path("status_notes").asString()).startsWith("已结案");
		// an anonymous reader gets no description and no handler's notes
		assertThat(closed.path("description").isNull()).isTrue();
		assertThat(closed.path("status_notes").asString()).doesNotContain("现场已核实");
		JsonNode asClient = get("/open311/v2/requests/" + id + ".json", this.shishan).json().get(0);
		assertThat(asClient.path("description").asString()).isEqualTo("Open311 测试：人行道上有占道经营的摊位");
		assertThat(asClient.path("status_notes").asString()).contains("现场已核实");
	}

	@Test
	void theXmlFormsParseAsXml() throws Exception {
		Document discovery = xml(this.machine.anonymousGet("/open311/discovery.xml"), "discovery");
		Element endpoint = (Element) discovery.getElementsByTagName("endpoint").item(0);
		assertThat(endpoint.getElementsByTagName("url").item(0).getTextContent())
			.isEqualTo(endpoint().replaceFirst("/$", ""));
		assertThat(endpoint.getElementsByTagName("format").getLength()).isEqualTo(2);
		Document services = xml(this.machine.anonymousGet("/open311/v2/services.xml"), "services");
		Element first = (Element) services.getElementsByTagName("service").item(0);
		assertThat(first.getElementsByTagName("service_code").item(0).getTextContent()).isNotBlank();
		assertThat(first.getElementsByTagName("metadata").item(0).getTextContent()).isEqualTo("false");
		assertThat(first.getElementsByTagName("group").item(0).getTextContent()).isNotBlank();
		Document definition = xml(this.machine.anonymousGet("/open311/v2/services/CSGL-01.xml"), "service_definition");
		assertThat(definition.getElementsByTagName("service_code").item(0).getTextContent()).isEqualTo("CSGL-01");
		assertThat(definition.getElementsByTagName("attributes").getLength()).isEqualTo(1);

		Response posted = post("/open311/v2/requests.xml", this.shishan, report("CSGL-02", GRID_1, "XML 测试：楼道乱堆杂物"),
				null);
		assertThat(posted.status()).as(posted.body()).isEqualTo(201);
		Document created = xml(posted, "service_requests");
		String id = created.getElementsByTagName("service_request_id").item(0).getTextContent();
		assertThat(created.getElementsByTagName("service_notice").getLength()).isEqualTo(1);
		Document one = xml(this.machine.anonymousGet("/open311/v2/requests/" + id + ".xml"), "service_requests");
		Element request = (Element) one.getElementsByTagName("request").item(0);
		assertThat(request.getElementsByTagName("status").item(0).getTextContent()).isEqualTo("open");
		assertThat(request.getElementsByTagName("long").item(0).getTextContent()).isNotBlank();
		Document list = xml(this.machine.anonymousGet("/open311/v2/requests.xml?service_request_id=" + id),
				"service_requests");
		assertThat(list.getElementsByTagName("request").getLength()).isEqualTo(1);
		String token = created.getElementsByTagName("token").item(0).getTextContent();
		Document tokenDocument = xml(this.machine.anonymousGet("/open311/v2/tokens/" + token + ".xml"),
				"service_requests");
		assertThat(tokenDocument.getElementsByTagName("service_request_id").item(0).getTextContent()).isEqualTo(id);

		Response error = post("/open311/v2/requests.xml", this.shishan, report("NOPE-99", GRID_1, "XML 错误"), null);
		assertThat(error.status()).isEqualTo(400);
		Document errors = xml(error, "errors");
		assertThat(errors.getElementsByTagName("code").item(0).getTextContent()).isEqualTo("400");
		assertThat(errors.getElementsByTagName("description").item(0).getTextContent()).startsWith("service_code");
	}

	@Test
	void errorsComeInOpen311FormatWithTheRightStatus() {
		Response badService = post("/open311/v2/requests.json", this.shishan, report("NOPE-99", GRID_1, "错误测试"), null);
		assertThat(badService.status()).isEqualTo(400);
		assertThat(badService.contentType()).startsWith("application/json");
		assertThat(badService.json().get(0).path("code").asInt()).isEqualTo(400);
		assertThat(descriptions(badService)).anyMatch(d -> d.startsWith("service_code: no such service"));

		Map<String, String> noPlace = report("CSGL-01", GRID_1, "没有坐标");
		noPlace.remove("lat");
		noPlace.remove("long");
		noPlace.put("address_string", "狮山路 1 号");
		noPlace.put("email", "not-an-address");
		Response missing = post("/open311/v2/requests.json", this.shishan, noPlace, null);
		assertThat(missing.status()).isEqualTo(400);
		assertThat(descriptions(missing)).as("every bad field at once")
			.anyMatch(d -> d.startsWith("lat/long: required"))
			.anyMatch(d -> d.startsWith("email:"));

		Map<String, String> badKey = report("CSGL-01", GRID_1, "错误凭证");
		badKey.put("api_key", this.shishan.clientId());
		badKey.put("api_secret", "wrong-secret");
		Response forbidden = post("/open311/v2/requests.json", null, badKey, null);
		assertThat(forbidden.status()).isEqualTo(403);
		assertThat(descriptions(forbidden)).anyMatch(d -> d.startsWith("Invalid api_key"));
		Map<String, String> unknownKey = report("CSGL-01", GRID_1, "未知凭证");
		unknownKey.put("api_key", "gg-nobody");
		unknownKey.put("api_secret", "x");
		assertThat(post("/open311/v2/requests.json", null, unknownKey, null).status()).isEqualTo(403);

		Response anonymous = post("/open311/v2/requests.json", null, report("CSGL-01", GRID_1, "匿名"), null);
		assertThat(anonymous.status()).isEqualTo(401);
		assertThat(anonymous.json().get(0).path("code").asInt()).isEqualTo(401);

		Client reader = client("无 open311 权限", List.of("events:read"), SHISHAN, 100);
		Response noScope = post("/open311/v2/requests.json", reader, report("CSGL-01", GRID_1, "无权限"), null);
		assertThat(noScope.status()).isEqualTo(403);
		assertThat(this.jdbc.queryForObject(
				"select count(*) from audit_log where action = 'ACCESS_DENIED' and username = ?", Integer.class,
				"api-" + reader.clientId()))
			.isEqualTo(1);

		Response outOfRegion = post("/open311/v2/requests.json", this.shishan,
				report("CSGL-01", FENGQIAO + "001001", "区域外"), null);
		assertThat(outOfRegion.status()).isEqualTo(400);
		assertThat(descriptions(outOfRegion)).anyMatch(d -> d.startsWith("long: the point is outside your area"));

		Response badDate = this.machine.anonymousGet("/open311/v2/requests.json?start_date=yesterday&status=pending");
		assertThat(badDate.status()).isEqualTo(400);
		assertThat(descriptions(badDate)).anyMatch(d -> d.startsWith("start_date"))
			.anyMatch(d -> d.startsWith("status"));
		Response unknownService = this.machine.anonymousGet("/open311/v2/services/NOPE-99.json");
		assertThat(unknownService.status()).isEqualTo(404);
		assertThat(unknownService.json().get(0).path("code").asInt()).isEqualTo(404);
		assertThat(this.machine.anonymousGet("/open311/v2/services.html").status()).isEqualTo(404);
		assertThat(this.jdbc.queryForObject("select count(*) from event where description in ('错误测试', '区域外', '匿名')",
				Integer.class))
			.as("nothing written on an error")
			.isZero();
	}

	@Test
	void readsAreScopedByRegionForClientsAndToCitizenRequestsForEveryone() {
		String fengqiaoRequest = created(post("/open311/v2/requests.json", this.fengqiao,
				report("CSGL-05", FENGQIAO + "001001", "枫桥：共享单车乱停放"), null));
		String shishanRequest = created(
				post("/open311/v2/requests.json", this.shishan, report("CSGL-05", GRID_1, "狮山：共享单车乱停放"), null));

		Response hidden = get("/open311/v2/requests/" + fengqiaoRequest + ".json", this.shishan);
		assertThat(hidden.status()).isEqualTo(404);
		assertThat(hidden.json().get(0).path("code").asInt()).isEqualTo(404);
		assertThat(get("/open311/v2/requests/" + fengqiaoRequest + ".json", this.fengqiao).status()).isEqualTo(200);
		assertThat(this.machine.anonymousGet("/open311/v2/requests/" + fengqiaoRequest + ".json").status())
			.isEqualTo(200);

		JsonNode list = get("/open311/v2/requests.json?service_code=CSGL-05&status=open", this.shishan).json();
		List<String> ids = new java.util.ArrayList<>();
		list.forEach(r -> ids.add(r.path("service_request_id").asString()));
		assertThat(ids).contains(shishanRequest).doesNotContain(fengqiaoRequest);
		String path = this.accounts.region(SHISHAN).path();
		for (String id : ids) {
			assertThat(this.jdbc.queryForMap("select source, region_path from event where code = ?", id))
				.containsEntry("source", "CITIZEN")
				.extractingByKey("region_path")
				.asString()
				.startsWith(path + "/");
		}
		JsonNode both = this.machine
			.anonymousGet("/open311/v2/requests.json?service_request_id=" + shishanRequest + "," + fengqiaoRequest)
			.json();
		assertThat(both.size()).isEqualTo(2);

		// a grid worker's report is no citizen request: not found, even for the public
		ApiClient worker = this.accounts.signedIn(this.port, "GRID_WORKER", SHISHAN);
		Response workerReport = worker.post("/api/v1/events",
				eventReport("QT-01", GRID_1, "GRID_WORKER", "Open311 测试：网格员上报", "狮山测试地址"));
		String workerCode = workerReport.json().path("code").asString();
		assertThat(this.machine.anonymousGet("/open311/v2/requests/" + workerCode + ".json").status()).isEqualTo(404);
		assertThat(get("/open311/v2/requests/" + workerCode + ".json", this.shishan).status()).isEqualTo(404);
	}

	@Test
	void aRepeatedRequestIdAnswersTheSameRequestAndBearerTokensWorkToo() {
		String key = UUID.randomUUID().toString();
		Response first = post("/open311/v2/requests.json", this.shishan, report("CSGL-02", GRID_1, "幂等测试"), key);
		assertThat(first.status()).as(first.body()).isEqualTo(201);
		Response again = post("/open311/v2/requests.json", this.shishan, report("CSGL-02", GRID_1, "幂等测试"), key);
		assertThat(again.status()).isEqualTo(200);
		assertThat(created(again)).isEqualTo(created(first));
		assertThat(again.json().get(0).path("token").asString())
			.isEqualTo(first.json().get(0).path("token").asString());
		Map<String, String> byField = report("CSGL-02", GRID_1, "幂等测试");
		byField.put("service_request_id", key);
		assertThat(created(post("/open311/v2/requests.json", this.shishan, byField, null))).isEqualTo(created(first));
		assertThat(this.jdbc.queryForObject("select count(*) from event where idempotency_key = ?", Integer.class,
				"open311:" + key))
			.isEqualTo(1);
		// another client with the same id makes its own request
		Client other = client("Open311 另一应用", List.of("open311"), SHISHAN, 100);
		assertThat(created(post("/open311/v2/requests.json", other, report("CSGL-02", GRID_1, "幂等测试"), key)))
			.isNotEqualTo(created(first));

		String token = this.machine.accessToken(this.shishan.clientId(), this.shishan.secret(), "open311");
		Map<String, String> form = report("CSGL-04", GRID_1, "令牌上报：广告牌歪斜");
		form.remove("api_key");
		form.remove("api_secret");
		form.put("phone", "13812345678");
		Response bearer = this.machine.form("/open311/v2/requests.json", "Bearer " + token, encode(form));
		assertThat(bearer.status()).as(bearer.body()).isEqualTo(201);
		String id = created(bearer);
		assertThat(this.jdbc.queryForMap("select reporter_phone, reporter_phone_cipher from event where code = ?", id))
			.as("the phone is sealed at rest like every reporter's")
			.containsEntry("reporter_phone", "138****5678")
			.extractingByKey("reporter_phone_cipher")
			.isNotNull();
		JsonNode tokenAnswer = this.machine
			.anonymousGet("/open311/v2/tokens/" + bearer.json().get(0).path("token").asString() + ".json")
			.json();
		assertThat(tokenAnswer.get(0).path("service_request_id").asString()).isEqualTo(id);
		assertThat(this.machine.anonymousGet("/open311/v2/tokens/" + UUID.randomUUID() + ".json").status())
			.isEqualTo(404);
		assertThat(this.machine.form("/open311/v2/requests.json", "Bearer not-a-token", encode(form)).status())
			.isEqualTo(403);
	}

	@Test
	void theClientsRateLimitApplies() {
		Client slow = client("Open311 限流测试", List.of("open311"), SHISHAN, 2);
		assertThat(get("/open311/v2/services.json", slow).status()).isEqualTo(200);
		assertThat(get("/open311/v2/services.json", slow).status()).isEqualTo(200);
		Response limited = get("/open311/v2/services.json", slow);
		assertThat(limited.status()).isEqualTo(429);
		assertThat(limited.header("Retry-After")).isNotBlank();
		assertThat(limited.json().get(0).path("code").asInt()).isEqualTo(429);
		// the public read is not the client's
		assertThat(this.machine.anonymousGet("/open311/v2/services.json").status()).isEqualTo(200);
	}

	record Client(long id, String clientId, String secret) {
	}

	private Client client(String name, List<String> scopes, String town, int rate) {
		Response created = this.admin.post("/api/v1/open/clients",
				Map.of("name", name, "unit", "Open311 测试单位", "scopes", scopes, "regionId",
						this.accounts.region(town).id(), "rateLimitPerMinute", rate, "allowedIps", List.of()));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		JsonNode body = created.json();
		return new Client(body.path("id").asLong(), body.path("clientId").asString(),
				body.path("clientSecret").asString());
	}

	/**
	 * A form at a grid's centre, with the client's api_key and api_secret (added by
	 * post).
	 */
	private Map<String, String> report(String service, String gridCode, String description) {
		double[] point = center(gridCode);
		Map<String, String> form = new LinkedHashMap<>();
		form.put("service_code", service);
		form.put("lat", Double.toString(point[1]));
		form.put("long", Double.toString(point[0]));
		form.put("description", description);
		form.put("jurisdiction_id", "suzhou.gusu");
		return form;
	}

	private Response post(String path, Client client, Map<String, String> form, String idempotencyKey) {
		Map<String, String> body = new LinkedHashMap<>(form);
		if (client != null) {
			body.put("api_key", client.clientId());
			body.put("api_secret", client.secret());
		}
		if (idempotencyKey != null) {
			body.put("service_request_id", idempotencyKey);
		}
		return this.machine.form(path, null, encode(body));
	}

	/** A read as the client, by api_key and api_secret in the query. */
	private Response get(String path, Client client) {
		String separator = path.contains("?") ? "&" : "?";
		return this.machine.anonymousGet(path + separator + "api_key=" + client.clientId() + "&api_secret="
				+ URLEncoder.encode(client.secret(), StandardCharsets.UTF_8));
	}

	private static String created(Response response) {
		assertThat(response.status()).as(response.body()).isIn(200, 201);
		return response.json().get(0).path("service_request_id").asString();
	}

	private static List<String> descriptions(Response response) {
		List<String> descriptions = new java.util.ArrayList<>();
		response.json().forEach(error -> descriptions.add(error.path("description").asString()));
		return descriptions;
	}

	private static String encode(Map<String, String> form) {
		return form.entrySet()
			.stream()
			.map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
					+ URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
	}

	private static Document xml(Response response, String root) throws Exception {
		assertThat(response.contentType()).startsWith("text/xml");
		Document document = DocumentBuilderFactory.newInstance()
			.newDocumentBuilder()
			.parse(new ByteArrayInputStream(response.body().getBytes(StandardCharsets.UTF_8)));
		assertThat(document.getDocumentElement().getTagName()).isEqualTo(root);
		return document;
	}

	private String endpoint() {
		return "http://localhost:" + this.port + "/open311/v2/";
	}

}
