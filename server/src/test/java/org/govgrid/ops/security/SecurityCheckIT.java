package org.govgrid.ops.security;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.govgrid.support.ApiClient;
import org.govgrid.support.ApiClient.Response;
import org.govgrid.support.ApiIntegrationTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The daily security check (issue 15 item 6): an OSV advisory naming a component version
 * of the build's SBOM is found, one that does not is not; the demo profile (on in the
 * tests) is found; a bad feed is refused whole; the auditor reads and loads nothing.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SecurityCheckIT extends ApiIntegrationTest {

	private static final String CITY = "320500";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private ApiClient security;

	private ApiClient auditor;

	/** A component the SBOM holds: the HTML sanitiser. */
	private String jsoupVersion;

	@BeforeAll
	void setUp() throws IOException {
		this.security = this.accounts.signedIn(this.port, "SEC_ADMIN", CITY);
		this.auditor = this.accounts.signedIn(this.port, "AUDITOR", CITY);
		try (InputStream in = getClass().getResourceAsStream("/META-INF/sbom/application.cdx.json")) {
			assertThat(in).as("the SBOM made by the build").isNotNull();
			for (JsonNode component : JSON.readTree(in).path("components")) {
				if (component.path("purl").asString().startsWith("pkg:maven/org.jsoup/jsoup@")) {
					this.jsoupVersion = component.path("version").asString();
				}
			}
		}
		assertThat(this.jsoupVersion).isNotBlank();
	}

	@Test
	void aVulnerableVersionFromAnOsvFileAndTheDemoProfileAreFound() {
		String tag = "GOVGRID-IT-" + System.nanoTime();
		String feed = """
				[{"id":"%1$s-HIT","modified":"2026-11-30T00:00:00Z","summary":"Test: jsoup sanitiser bypass",
				  "aliases":["CVE-2099-0001"],"database_specific":{"severity":"HIGH"},
				  "affected":[{"package":{"ecosystem":"Maven","name":"org.jsoup:jsoup"},"versions":["%2$s"]}]},
				 {"id":"%1$s-FIXED","summary":"Test: fixed long ago",
				  "affected":[{"package":{"ecosystem":"Maven","name":"org.jsoup:jsoup"},
				    "ranges":[{"type":"ECOSYSTEM","events":[{"introduced":"0"},{"fixed":"0.1"}]}]}]},
				 {"id":"%1$s-OTHER","summary":"Test: not in the SBOM",
				  "affected":[{"package":{"ecosystem":"Maven","name":"org.example:nothing"},"versions":["%2$s"]}]}]"""
			.formatted(tag, this.jsoupVersion);
		long noticesBefore = notices();
		int auditedBefore = advisoryLoads();

		Response loaded = this.security.postRaw("/api/v1/ops/advisories", feed);

		assertThat(loaded.status()).as(loaded.body()).isEqualTo(200);
		assertThat(loaded.json().path("loaded").asInt()).isEqualTo(3);
		JsonNode report = loaded.json().path("report");
		assertThat(report.path("components").asInt()).isGreaterThan(100);
		JsonNode hit = finding(report, "VULNERABLE_COMPONENT", "org.jsoup:jsoup@" + this.jsoupVersion, tag + "-HIT");
		assertThat(hit).as(report.toString()).isNotNull();
		assertThat(hit.path("severity").asString()).isEqualTo("HIGH");
		assertThat(hit.path("detail").asString()).contains("CVE-2099-0001");
		assertThat(finding(report, "VULNERABLE_COMPONENT", null, tag + "-FIXED")).isNull();
		assertThat(finding(report, "VULNERABLE_COMPONENT", null, tag + "-OTHER")).isNull();
		JsonNode demo = finding(report, "DEMO_PROFILE", null, null);
		assertThat(demo).as(report.toString()).isNotNull();
		assertThat(demo.path("severity").asString()).isEqualTo("HIGH");
		assertThat(report.path("counts").path("HIGH").asInt()).isGreaterThanOrEqualTo(2);
		assertThat(notices()).as("the findings notify the admins").isGreaterThan(noticesBefore);

		// the auditor reads the same report
		Response latest = this.auditor.get("/api/v1/ops/security-reports/latest");
		assertThat(latest.status()).isEqualTo(200);
		assertThat(latest.json().path("id").asLong()).isEqualTo(report.path("id").asLong());
		assertThat(advisoryLoads()).isEqualTo(auditedBefore + 1);
	}

	@Test
	void aZipOfOsvFilesLoadsEachFile() throws Exception {
		String tag = "GOVGRID-ZIP-" + System.nanoTime();
		ByteArrayOutputStream zip = new ByteArrayOutputStream();
		try (ZipOutputStream out = new ZipOutputStream(zip)) {
			for (int i = 1; i <= 2; i++) {
				out.putNextEntry(new ZipEntry("maven/" + tag + "-" + i + ".json"));
				out.write("""
						{"id":"%s-%d","summary":"zip test","affected":[{"package":{"ecosystem":"npm","name":"left-pad"},
						 "versions":["0.0.1"]}]}""".formatted(tag, i).getBytes(StandardCharsets.UTF_8));
				out.closeEntry();
			}
			out.putNextEntry(new ZipEntry("README.txt"));
			out.write("not an advisory".getBytes(StandardCharsets.UTF_8));
			out.closeEntry();
		}
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/api/v1/ops/advisories"))
				.header("Content-Type", "application/zip")
				.header("Cookie",
						"GOVGRID_SESSION=" + this.security.sessionCookie() + "; XSRF-TOKEN="
								+ this.security.cookie("XSRF-TOKEN"))
				.header("X-XSRF-TOKEN", this.security.cookie("XSRF-TOKEN"))
				.POST(HttpRequest.BodyPublishers.ofByteArray(zip.toByteArray()))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		assertThat(JSON.readTree(response.body()).path("loaded").asInt()).isEqualTo(2);
		assertThat(this.jdbc.queryForObject("select count(*) from ops_advisory where id like ?", Integer.class,
				tag + "-%"))
			.isEqualTo(2);
	}

	@Test
	void aBadFeedIsRefusedWholeNamingEveryBadField() {
		String tag = "GOVGRID-BAD-" + System.nanoTime();
		Response refused = this.security.postRaw("/api/v1/ops/advisories", """
				[{"id":"%s","affected":[]},{"id":"","affected":{}},{"id":"ok-%s","affected":[],"modified":"soon"}]"""
			.formatted(tag, tag));
		assertThat(refused.status()).as(refused.body()).isEqualTo(400);
		assertThat(refused.errorFields()).containsExactlyInAnyOrder("file[1].id", "file[1].affected",
				"file[2].modified");
		assertThat(this.jdbc.queryForObject("select count(*) from ops_advisory where id in (?, ?)", Integer.class, tag,
				"ok-" + tag))
			.as("nothing half-written")
			.isZero();
		assertThat(this.security.postRaw("/api/v1/ops/advisories", "not json").status()).isEqualTo(400);
		// 三员分立: the auditor loads nothing
		assertThat(this.auditor.postRaw("/api/v1/ops/advisories", "[]").status()).isEqualTo(403);
	}

	private int advisoryLoads() {
		return this.jdbc.queryForObject(
				"select count(*) from audit_log where action = 'OPS_ADVISORIES_LOAD' and username = ?", Integer.class,
				username(this.security));
	}

	private long notices() {
		return this.jdbc.queryForObject("select count(*) from notification where user_id = ? and kind = ?", Long.class,
				this.accounts.id(username(this.security)), SecurityReports.FINDINGS_NOTICE);
	}

	private static String username(ApiClient client) {
		return client.get("/api/v1/auth/me").json().path("username").asString();
	}

	/** The finding with this code (and subject and advisory, where given), or null. */
	private static JsonNode finding(JsonNode report, String code, String subject, String advisory) {
		for (JsonNode finding : report.path("findings")) {
			if (finding.path("code").asString().equals(code)
					&& (subject == null || finding.path("subject").asString().equals(subject))
					&& (advisory == null || finding.path("advisoryId").asString().equals(advisory))) {
				return finding;
			}
		}
		return null;
	}

}
