package org.govgrid.identity;

import org.govgrid.platform.Basemap;
import org.govgrid.platform.BasemapProperties;
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

	@Test
	void letsTheBrowserFetchTilesForThePhoneAppsOfflineCache() {
		Basemap tianditu = Basemap.resolve(new BasemapProperties("tianditu", "", "", "abc", "",
				new BasemapProperties.Tianditu("k", "w", "http://127.0.0.1:9/t{s}", "01234567")));
		String policy = SecurityConfiguration.contentSecurityPolicy(tianditu, "");
		assertThat(policy).contains("img-src 'self' data: blob: https: http://127.0.0.1:9;")
			.contains("connect-src 'self' http://127.0.0.1:9;");
		Basemap online = Basemap.resolve(new BasemapProperties("tianditu", "", "", "abc", "",
				new BasemapProperties.Tianditu("k", "w", "https://t{s}.tianditu.gov.cn", "01234567")));
		assertThat(SecurityConfiguration.contentSecurityPolicy(online, ""))
			.contains("connect-src 'self' https://*.tianditu.gov.cn;");
	}

}
