package org.govgrid.platform;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Settings the console needs before login (anonymous). */
@RestController
class PublicConfigController {

	private final GovGridProperties properties;

	PublicConfigController(GovGridProperties properties) {
		this.properties = properties;
	}

	@GetMapping("/api/v1/config/public")
	PublicConfig publicConfig() {
		return new PublicConfig(blankToNull(this.properties.map().tileUrl()),
				blankToNull(this.properties.map().attribution()), "GovGrid 基层治理平台");
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value;
	}

	record PublicConfig(String mapTileUrl, String mapAttribution, String appName) {
	}

}
