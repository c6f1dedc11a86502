package org.govgrid.identity;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ContentSecurityPolicyTests {

	@Test
	void allowsAPlainHttpTileServerOnlyWhenConfigured() {
		assertThat(SecurityConfiguration.contentSecurityPolicy("")).contains("img-src 'self' data: blob: https:;");
		assertThat(SecurityConfiguration.contentSecurityPolicy("http://{s}.tiles.intranet:8080/{z}/{x}/{y}.png"))
			.contains("img-src 'self' data: blob: https: http://*.tiles.intranet:8080;");
		assertThat(SecurityConfiguration.contentSecurityPolicy("https://t0.tianditu.gov.cn/img_w/wmts"))
			.contains("img-src 'self' data: blob: https:;");
	}

}
