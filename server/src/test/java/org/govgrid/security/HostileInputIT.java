package org.govgrid.security;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.govgrid.support.ApiClient;
import org.govgrid.support.ApiClient.Response;
import org.govgrid.support.ApiIntegrationTest;
import org.govgrid.support.TestImages;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bad-input corpus (issue 21 item 4): one row per hostile input, each answered with a
 * clean 4xx RFC 9457 problem naming the field where there is one, with nothing written
 * (the listed snapshots of the touched tables are equal before and after), and the
 * process healthy after the whole table. Free text holding SQL or script is stored as
 * text (the escaping is tested where it is shown), so SQL and script payloads here go
 * into fields with a shape: codes, usernames, phones, sort keys.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileInputIT extends ApiIntegrationTest {

	private static final String GRID = "320505006001001";

	private static final String TOWN = "320505006";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String TEN_MB = "长".repeat(10 * 1024 * 1024 / 3);

	private ApiClient worker;

	private ApiClient admin;

	private ApiClient center;

	private long town;

	private long grid;

	/** A row of the corpus. */
	record Case(String name, Supplier<Response> call, List<Integer> statuses, String field, List<String> snapshots) {
	}

	@BeforeAll
	void actors() {
		this.worker = this.accounts.signedIn(this.port, "GRID_WORKER", GRID);
		this.admin = this.accounts.signedIn(this.port, "SYS_ADMIN", "320500");
		this.center = this.accounts.signedIn(this.port, "CENTER_STAFF", TOWN);
		this.town = this.accounts.region(TOWN).id();
		this.grid = this.accounts.region(GRID).id();
	}

	@TestFactory
	Stream<DynamicTest> everyHostileInputIsACleanProblemAndWritesNothing() {
		List<Case> cases = cases();
		assertThat(cases).hasSizeGreaterThanOrEqualTo(60);
		List<DynamicTest> tests = new ArrayList<>();
		for (Case c : cases) {
			tests.add(DynamicTest.dynamicTest(c.name(), () -> check(c)));
		}
		tests.add(DynamicTest.dynamicTest("the process is healthy after the table", () -> {
			Response health = new ApiClient(this.port).get("/actuator/health");
			assertThat(health.status()).isEqualTo(200);
			assertThat(health.json().path("status").asString()).isEqualTo("UP");
		}));
		return tests.stream();
	}

	private void check(Case c) {
		List<Object> before = snapshot(c.snapshots());
		Response response = c.call().get();
		assertThat(response.status()).as(c.name() + ": " + response.body()).isIn(c.statuses());
		assertThat(response.contentType()).as(c.name() + ": " + response.body()).startsWith("application/problem+json");
		assertThat(response.json().path("status").asInt()).as(c.name()).isEqualTo(response.status());
		assertThat(response.body()).as(c.name() + ": no stack trace").doesNotContain("Exception", "\tat ");
		if (c.field() != null) {
			// the field itself or a part of it (boundary.coordinates[0][0])
			assertThat(response.errorFields()).as(c.name() + ": " + response.body())
				.anyMatch(f -> f.equals(c.field()) || f.startsWith(c.field() + ".") || f.startsWith(c.field() + "["));
		}
		assertThat(snapshot(c.snapshots())).as(c.name() + ": nothing written").isEqualTo(before);
	}

	private List<Object> snapshot(List<String> queries) {
		List<Object> values = new ArrayList<>();
		for (String query : queries) {
			values.add(this.jdbc.queryForObject(query.startsWith("select") ? query : "select count(*) from " + query,
					String.class));
		}
		return values;
	}

	// ---- the table

	private List<Case> cases() {
		List<Case> cases = new ArrayList<>();
		List<String> events = List.of("event", "event_flow");
		List<String> users = List.of("app_user", "user_role");
		List<String> people = List.of("bd_person");
		List<String> orgs = List.of("bd_organization");
		List<String> files = List.of("stored_file");
		List<String> imports = List.of("import_job", "import_error");
		String boundary = "select md5(coalesce(boundary::text, '')) from region where code = '" + GRID + "'";
		List<String> region = List.of("region", boundary);

		// event reports: wrong types, missing and extra fields, sizes, text, numbers
		cases.add(bad("event: lon is a string", () -> report(r -> r.put("lon", "east")), "lon", events));
		cases.add(bad("event: lat is an object", () -> report(r -> r.put("lat", Map.of("deg", 31))), "lat", events));
		cases.add(bad("event: description is an array", () -> report(r -> r.put("description", List.of("a", "b"))),
				"description", events));
		cases.add(bad("event: categoryCode missing", () -> report(r -> r.remove("categoryCode")), "categoryCode",
				events));
		cases.add(bad("event: lon and lat missing", () -> report(r -> {
			r.remove("lon");
			r.remove("lat");
		}), "lon", events));
		cases.add(bad("event: extra status and id fields do not rescue a missing category", () -> report(r -> {
			r.remove("categoryCode");
			r.put("status", "CLOSED");
			r.put("id", 1);
		}), "categoryCode", events));
		cases.add(bad("event: 10 MB description", () -> report(r -> r.put("description", TEN_MB)), "description",
				List.of(400, 413), events));
		cases
			.add(raw("event: unpaired high surrogate in description", "description", "\\ud800", "description", events));
		cases.add(raw("event: unpaired low surrogate in address", "address", "\\udc01", "address", events));
		cases.add(raw("event: NUL in address", "address", "\\u0000", "address", events));
		cases.add(raw("event: escape character in description", "description", "\\u001b[2J", "description", events));
		cases.add(bad("event: SQL in categoryCode", () -> report(r -> r.put("categoryCode", "QT-01' or '1'='1")),
				"categoryCode", events));
		cases.add(bad("event: script in categoryCode",
				() -> report(r -> r.put("categoryCode", "<script>alert(1)</script>")), "categoryCode", events));
		cases.add(bad("event: lon 181", () -> report(r -> r.put("lon", 181.0)), "lon", events));
		cases.add(bad("event: lat -91", () -> report(r -> r.put("lat", -91.0)), "lat", events));
		cases.add(bad("event: lon 1e400", () -> this.worker.postRaw("/api/v1/events",
				json(reportBody()).replaceFirst("\"lon\":[^,}]+", "\"lon\":1e400")), "lon", events));
		cases.add(bad("event: lon NaN as text", () -> report(r -> r.put("lon", "NaN")), "lon", events));
		cases.add(bad("event: unknown source", () -> report(r -> r.put("source", "HACKER")), "source", events));
		cases.add(bad("event: truncated JSON", () -> this.worker.postRaw("/api/v1/events", "{\"categoryCode\":"), null,
				events));
		cases.add(bad("event: a JSON array instead of an object",
				() -> this.worker.postRaw("/api/v1/events", "[" + json(reportBody()) + "]"), null, events));
		cases.add(bad("event: JSON nested 5,000 deep",
				() -> this.worker.postRaw("/api/v1/events",
						json(reportBody()).replaceFirst("\\{", "{\"x\":" + "[".repeat(5000) + "]".repeat(5000) + ",")),
				null, events));
		cases.add(bad("event: text/plain body", () -> textPlain("/api/v1/events", json(reportBody())), null,
				List.of(415), events));
		cases.add(bad("event: point outside every grid of the caller (0,0)", () -> report(r -> {
			r.put("lon", 0.0);
			r.put("lat", 0.0);
		}), null, List.of(400, 404, 422), events));

		// user administration: look-alike usernames, sizes, types, SQL
		cases.add(bad("user: Cyrillic look-alike username", () -> user(u -> u.put("username", "\u0430dmin")),
				"username", users));
		cases.add(bad("user: full-width username", () -> user(u -> u.put("username", "ａｄｍｉｎ")), "username", users));
		cases.add(bad("user: zero-width space in username", () -> user(u -> u.put("username", "ad\u200bmin")),
				"username", users));
		cases.add(bad("user: SQL in username", () -> user(u -> u.put("username", "admin'--")), "username", users));
		cases.add(bad("user: 10 MB display name", () -> user(u -> u.put("displayName", TEN_MB)), "displayName",
				List.of(400, 413), users));
		cases.add(bad("user: escape character in display name", () -> user(u -> u.put("displayName", "网格\u001b员")),
				"displayName", users));
		cases.add(bad("user: roles is a string", () -> user(u -> u.put("roles", "GRID_WORKER")), "roles", users));
		cases.add(bad("user: scopeRegionId is a word", () -> user(u -> u.put("scopeRegionId", "town")), "scopeRegionId",
				users));
		cases.add(bad("user: scopeRegionId -1", () -> user(u -> u.put("scopeRegionId", -1)), "scopeRegionId", users));
		cases.add(bad("user: SQL in phone", () -> user(u -> u.put("phone", "13800138000' or 1=1")), "phone", users));
		cases.add(bad("user: unknown role", () -> user(u -> u.put("roles", List.of("ROOT"))), "roles", users));
		cases.add(bad("user: empty object", () -> this.admin.postRaw("/api/v1/users", "{}"), "username", users));
		cases.add(bad("sign-in: Cyrillic look-alike of admin",
				() -> new ApiClient(this.port).login("\u0430dmin", "GovGrid@2026"), null, List.of(400, 401),
				List.of("app_user")));
		cases.add(bad("sign-in: 1 MB username", () -> new ApiClient(this.port).login("a".repeat(1 << 20), "x"), null,
				List.of(400, 401, 413), List.of("app_user")));

		// list filters: paging, sort keys, text
		cases.add(bad("events list: size -1", () -> this.center.get("/api/v1/events?size=-1"), "size", events));
		cases.add(bad("events list: size 100000", () -> this.center.get("/api/v1/events?size=100000"), "size", events));
		cases.add(bad("events list: page -5", () -> this.center.get("/api/v1/events?page=-5"), "page", events));
		cases.add(bad("events list: page is a word", () -> this.center.get("/api/v1/events?page=abc"), "page", events));
		cases.add(bad("events list: size beyond int", () -> this.center.get("/api/v1/events?size=99999999999"), "size",
				events));
		cases.add(bad("events list: sort by a column that is not offered",
				() -> this.center.get("/api/v1/events?sort=password_hash"), "sort", events));
		cases.add(bad("events list: SQL as sort key",
				() -> this.center.get("/api/v1/events?sort=id%3Bdrop%20table%20event"), "sort", events));
		cases.add(bad("events list: control character in keyword",
				() -> this.center.get("/api/v1/events?keyword=%E5%8D%A0%07"), "keyword", events));
		cases.add(bad("people list: gridId is a word", () -> this.center.get("/api/v1/people?gridId=abc"), "gridId",
				people));
		cases.add(bad("people list: size 0", () -> this.center.get("/api/v1/people?size=0"), "size", people));
		cases.add(bad("users list: NUL in q", () -> this.admin.get("/api/v1/users?q=%00"), "q", users));
		cases.add(bad("users list: size -1", () -> this.admin.get("/api/v1/users?size=-1"), "size", users));

		// region boundaries (GeoJSON)
		cases.add(bad("region: self-intersecting bow-tie boundary",
				() -> boundary(polygon(120.60, 31.30, 120.61, 31.31, 120.61, 31.30, 120.60, 31.31, 120.60, 31.30)),
				"boundary", region));
		cases.add(bad("region: longitude 200 in the boundary",
				() -> boundary(polygon(200, 31.30, 200.01, 31.30, 200.01, 31.31, 200, 31.30)), "boundary", region));
		cases.add(bad("region: latitude 95 in the boundary",
				() -> boundary(polygon(120.6, 95, 120.61, 95, 120.61, 95.01, 120.6, 95)), "boundary", region));
		cases.add(bad("region: ring not closed",
				() -> boundary(polygon(120.60, 31.30, 120.61, 31.30, 120.61, 31.31, 120.60, 31.31)), "boundary",
				region));
		cases.add(bad("region: a Point as boundary",
				() -> boundary(Map.of("type", "Point", "coordinates", List.of(120.6, 31.3))), "boundary", region));
		cases.add(bad("region: boundary as WKT text", () -> boundary("POLYGON((120 31, 121 31, 121 32, 120 31))"),
				"boundary", region));
		cases.add(bad("region: coordinates as strings",
				() -> boundary(Map.of("type", "Polygon", "coordinates",
						List.of(List.of(List.of("a", "b"), List.of("c", "d"), List.of("e", "f"), List.of("a", "b"))))),
				"boundary", region));

		// people and organisations: check characters, dates
		cases.add(bad("person: ID number with a bad check character",
				() -> person(p -> p.put("idNumber", badCheck(org.govgrid.support.TestIds.idNumber()))), "idNumber",
				people));
		cases.add(bad("person: birth date in year 0", () -> person(p -> p.put("birthDate", "0000-01-01")), "birthDate",
				people));
		cases.add(bad("person: birth date in 9999", () -> person(p -> p.put("birthDate", "9999-12-31")), "birthDate",
				people));
		cases.add(bad("person: 30 February", () -> person(p -> p.put("birthDate", "2026-02-30")), "birthDate", people));
		cases.add(bad("person: valid-to in year 0", () -> person(p -> p.put("validTo", "0000-06-01")), "validTo",
				people));
		cases.add(bad("organisation: credit code with a bad check character",
				() -> organization(o -> o.put("creditCode", "91320505MA1XXXXXX0")), "creditCode", orgs));
		cases.add(bad("organisation: staff count -5", () -> organization(o -> o.put("staffCount", -5)), "staffCount",
				orgs));
		cases.add(bad("organisation: staff count is a word", () -> organization(o -> o.put("staffCount", "many")),
				"staffCount", orgs));

		// uploads
		cases.add(
				bad("upload: a jpg that is really html",
						() -> this.worker.upload("/api/v1/files", "photo.jpg",
								"<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8)),
						"file", files));
		cases.add(bad("upload: an mp4 that is really text",
				() -> this.worker.upload("/api/v1/files", "clip.mp4", "not a video".getBytes(StandardCharsets.UTF_8)),
				"file", files));
		cases.add(bad("upload: an svg with script", () -> this.worker.upload("/api/v1/files", "x.svg",
				"<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>".getBytes(StandardCharsets.UTF_8)),
				"file", files));
		cases.add(bad("upload: empty file", () -> this.worker.upload("/api/v1/files", "empty.jpg", new byte[0]), "file",
				files));
		cases.add(bad("upload: path traversal in the file name",
				() -> this.worker.upload("/api/v1/files", "../../../etc/passwd.png", TestImages.png(8, 8)), "file",
				files));
		cases.add(bad("upload: Windows path in the file name",
				() -> this.worker.upload("/api/v1/files", "..\\..\\boot.ini.png", TestImages.png(8, 8)), "file",
				files));
		cases.add(bad("upload: small Content-Length, more bytes sent", () -> lyingUpload(200, 64 * 1024), null, files));
		cases.add(bad("upload: 2 GB announced, a few bytes sent", () -> lyingUpload(2L * 1024 * 1024 * 1024, 1024),
				null, List.of(400, 413), files));

		// imports
		cases.add(bad("import: xlsx zip bomb",
				() -> this.center.upload("/api/v1/imports?kind=people", "bomb.xlsx", zipBomb()), "file", imports));
		cases.add(bad("import: xlsx with an external entity",
				() -> this.center.upload("/api/v1/imports?kind=people", "xxe.xlsx", externalEntity()), "file",
				imports));
		cases.add(bad("import: not a zip, named xlsx", () -> this.center.upload("/api/v1/imports?kind=people",
				"fake.xlsx", "<html>hello</html>".getBytes(StandardCharsets.UTF_8)), "file", imports));
		cases.add(
				bad("import: path traversal as the kind", () -> this.center.upload("/api/v1/imports?kind=..%2F..%2Fetc",
						"a.csv", "a,b\r\n".getBytes(StandardCharsets.UTF_8)), "kind", List.of(400, 404), imports));
		return cases;
	}

	// ---- how the rows are made

	private static Case bad(String name, Supplier<Response> call, String field, List<String> snapshots) {
		return new Case(name, call, List.of(400), field, snapshots);
	}

	private static Case bad(String name, Supplier<Response> call, String field, List<Integer> statuses,
			List<String> snapshots) {
		return new Case(name, call, statuses, field, snapshots);
	}

	/**
	 * An event report whose {@code key} holds {@code escape} written raw into the JSON.
	 */
	private Case raw(String name, String key, String escape, String field, List<String> snapshots) {
		return bad(name, () -> {
			Map<String, Object> body = reportBody();
			body.put(key, "占道@@BAD@@经营");
			return this.worker.postRaw("/api/v1/events", json(body).replace("@@BAD@@", escape));
		}, field, snapshots);
	}

	private Map<String, Object> reportBody() {
		return eventReport("CSGL-01", GRID, "GRID_WORKER", "恶意输入测试", "恶意输入测试路");
	}

	private Response report(java.util.function.Consumer<Map<String, Object>> change) {
		Map<String, Object> body = reportBody();
		change.accept(body);
		return this.worker.postRaw("/api/v1/events", json(body));
	}

	private Response user(java.util.function.Consumer<Map<String, Object>> change) {
		Map<String, Object> form = new HashMap<>();
		form.put("username", "hi_" + System.nanoTime() % 1_000_000_000);
		form.put("displayName", "恶意输入");
		form.put("scopeRegionId", this.town);
		form.put("roles", List.of("GRID_WORKER"));
		change.accept(form);
		return this.admin.postRaw("/api/v1/users", json(form));
	}

	private Response person(java.util.function.Consumer<Map<String, Object>> change) {
		Map<String, Object> form = new HashMap<>();
		form.put("idNumber", org.govgrid.support.TestIds.idNumber());
		form.put("name", "恶意输入");
		form.put("householdType", "REGISTERED");
		form.put("currentAddress", "恶意输入测试路1号");
		form.put("gridId", this.grid);
		change.accept(form);
		return this.worker.postRaw("/api/v1/people", json(form));
	}

	private Response organization(java.util.function.Consumer<Map<String, Object>> change) {
		Map<String, Object> form = new HashMap<>();
		form.put("name", "恶意输入测试公司" + System.nanoTime());
		form.put("kind", "ENTERPRISE");
		form.put("gridId", this.grid);
		change.accept(form);
		return this.worker.postRaw("/api/v1/organizations", json(form));
	}

	private Response boundary(Object geometry) {
		Map<String, Object> form = new LinkedHashMap<>();
		form.put("name", "恶意边界");
		form.put("boundary", geometry);
		return this.admin.put("/api/v1/regions/" + this.grid, form);
	}

	private Response textPlain(String path, String body) {
		try {
			java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
			java.net.http.HttpResponse<String> response = http
				.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + this.port + path))
					.header("Content-Type", "text/plain")
					.header("Cookie",
							"GOVGRID_SESSION=" + this.worker.sessionCookie() + "; XSRF-TOKEN="
									+ this.worker.cookie("XSRF-TOKEN"))
					.header("X-XSRF-TOKEN", this.worker.cookie("XSRF-TOKEN"))
					.POST(java.net.http.HttpRequest.BodyPublishers.ofString(body))
					.build(), java.net.http.HttpResponse.BodyHandlers.ofString());
			return new Response(response.statusCode(), response.body(),
					response.headers().firstValue("Content-Type").orElse(""), response.headers());
		}
		catch (IOException | InterruptedException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * A multipart upload over a bare socket whose Content-Length announces
	 * {@code announced} bytes while {@code sent} bytes of body follow.
	 */
	private Response lyingUpload(long announced, int sent) {
		String boundary = "hostile" + System.nanoTime();
		byte[] png = TestImages.png(64, 64);
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.png\"\r\n"
				+ "Content-Type: image/png\r\n\r\n")
			.getBytes(StandardCharsets.UTF_8));
		while (body.size() < sent) {
			body.writeBytes(png);
		}
		body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		this.worker.get("/api/v1/auth/me");
		String xsrf = this.worker.cookie("XSRF-TOKEN");
		String head = "POST /api/v1/files HTTP/1.1\r\nHost: localhost:" + this.port + "\r\n"
				+ "Content-Type: multipart/form-data; boundary=" + boundary + "\r\nContent-Length: " + announced
				+ "\r\n" + "Cookie: GOVGRID_SESSION=" + this.worker.sessionCookie() + "; XSRF-TOKEN=" + xsrf + "\r\n"
				+ "X-XSRF-TOKEN: " + xsrf + "\r\nConnection: close\r\n\r\n";
		try (Socket socket = new Socket("localhost", this.port)) {
			socket.setSoTimeout(30_000);
			OutputStream out = socket.getOutputStream();
			out.write(head.getBytes(StandardCharsets.US_ASCII));
			try {
				out.write(body.toByteArray());
				out.flush();
				if (announced > sent) {
					socket.shutdownOutput();
				}
			}
			catch (IOException closedEarly) {
				// the server may answer and close before the body is through
			}
			InputStream in = socket.getInputStream();
			String answer = new String(in.readAllBytes(), StandardCharsets.UTF_8);
			int status = Integer.parseInt(answer.substring(9, 12));
			String headers = answer.substring(0, answer.indexOf("\r\n\r\n"));
			String contentType = headers.lines()
				.filter(l -> l.toLowerCase().startsWith("content-type:"))
				.map(l -> l.substring(13).strip())
				.findFirst()
				.orElse("");
			String rest = answer.substring(answer.indexOf("\r\n\r\n") + 4);
			if (headers.toLowerCase().contains("transfer-encoding: chunked")) {
				rest = dechunk(rest);
			}
			return new Response(status, rest, contentType, java.net.http.HttpHeaders.of(Map.of(), (a, b) -> true));
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String dechunk(String chunked) {
		StringBuilder out = new StringBuilder();
		String rest = chunked;
		while (!rest.isEmpty()) {
			int eol = rest.indexOf("\r\n");
			if (eol < 0) {
				break;
			}
			int length = Integer.parseInt(rest.substring(0, eol).strip(), 16);
			if (length == 0) {
				break;
			}
			byte[] bytes = rest.substring(eol + 2).getBytes(StandardCharsets.UTF_8);
			String piece = new String(bytes, 0, Math.min(length, bytes.length), StandardCharsets.UTF_8);
			out.append(piece);
			rest = rest.substring(eol + 2 + piece.length()).replaceFirst("^\r\n", "");
		}
		return out.toString();
	}

	private static Map<String, Object> polygon(double... lonLat) {
		List<List<Double>> ring = new ArrayList<>();
		for (int i = 0; i < lonLat.length; i += 2) {
			ring.add(List.of(lonLat[i], lonLat[i + 1]));
		}
		return Map.of("type", "Polygon", "coordinates", List.of(ring));
	}

	/** The same ID number with another check character. */
	private static String badCheck(String id) {
		char check = id.charAt(17);
		char other = check == '0' ? '1' : '0';
		return id.substring(0, 17) + other;
	}

	private static String json(Object body) {
		return JSON.writeValueAsString(body);
	}

	/** A workbook whose one sheet inflates from a few MB to 1 GiB of spaces. */
	private static byte[] zipBomb() {
		return workbook(out -> {
			out.write(
					"<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>"
						.getBytes(StandardCharsets.UTF_8));
			byte[] spaces = new byte[1 << 20];
			java.util.Arrays.fill(spaces, (byte) ' ');
			for (int i = 0; i < 1024; i++) {
				out.write(spaces);
			}
			out.write("</sheetData></worksheet>".getBytes(StandardCharsets.UTF_8));
		});
	}

	/** A workbook whose sheet declares an external entity reading a local file. */
	private static byte[] externalEntity() {
		return workbook(out -> out.write(("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
				+ "<!DOCTYPE worksheet [<!ENTITY xxe SYSTEM \"file:///etc/hostname\">]>\n"
				+ "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>"
				+ "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>&xxe;</t></is></c></row></sheetData></worksheet>")
			.getBytes(StandardCharsets.UTF_8)));
	}

	interface SheetWriter {

		void write(OutputStream out) throws IOException;

	}

	private static byte[] workbook(SheetWriter sheet) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
			entry(zip, "[Content_Types].xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
					+ "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
					+ "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
					+ "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
					+ "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
					+ "<Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
					+ "</Types>");
			entry(zip, "_rels/.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
					+ "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
					+ "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/>"
					+ "</Relationships>");
			entry(zip, "xl/workbook.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
					+ "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
					+ "<sheets><sheet name=\"Sheet1\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>");
			entry(zip, "xl/_rels/workbook.xml.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
					+ "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
					+ "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
					+ "</Relationships>");
			zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
			sheet.write(zip);
			zip.closeEntry();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		return bytes.toByteArray();
	}

	private static void entry(ZipOutputStream zip, String name, String content) throws IOException {
		zip.putNextEntry(new ZipEntry(name));
		zip.write(content.getBytes(StandardCharsets.UTF_8));
		zip.closeEntry();
	}

}
