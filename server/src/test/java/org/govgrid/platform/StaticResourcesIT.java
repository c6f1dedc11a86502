package org.govgrid.platform;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.govgrid.support.ApiClient;
import org.govgrid.support.ApiIntegrationTest;
import org.govgrid.support.ApiClient.Response;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console is served from the jar; history routes fall back to index.html; APIs never
 * do.
 */
class StaticResourcesIT extends ApiIntegrationTest {

	@Test
	void consoleRoutesServeTheAppAndUnknownApisAreProblems() {
		ApiClient anonymous = new ApiClient(this.port);
		Response index = anonymous.get("/");
		assertThat(index.status()).isEqualTo(200);
		assertThat(index.body()).contains("<div id=\"app\"");
		assertThat(anonymous.get("/system/users").body()).isEqualTo(index.body());
		assertThat(anonymous.get("/regions").body()).isEqualTo(index.body());

		Matcher script = Pattern.compile("/assets/[^\"]+\\.js").matcher(index.body());
		assertThat(script.find()).isTrue();
		Response asset = anonymous.get(script.group());
		assertThat(asset.status()).isEqualTo(200);
		assertThat(asset.contentType()).contains("javascript");
		// hashed assets are cached for good; the page that names them never is
		assertThat(asset.header("Cache-Control")).contains("max-age=31536000", "immutable");
		assertThat(index.header("Cache-Control")).contains("no-store");

		assertThat(anonymous.get("/no-such-file.png").status()).isEqualTo(404);
		Response unknownApi = new ApiClient(this.port).get("/api/v1/config/no-such-thing");
		assertThat(unknownApi.status()).isIn(401, 404);
		assertThat(unknownApi.contentType()).startsWith("application/problem+json");
	}

}
