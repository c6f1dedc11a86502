package org.govgrid.platform;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Settings the console and the phone app need before login (anonymous). */
@RestController
class PublicConfigController {

	private final GovGridProperties properties;

	private final Basemap basemap;

	PublicConfigController(GovGridProperties properties, Basemap basemap) {
		this.properties = properties;
		this.basemap = basemap;
	}

	@GetMapping("/api/v1/config/public")
	PublicConfig publicConfig() {
		return new PublicConfig(blankToNull(mapTileUrl()), blankToNull(this.properties.map().attribution()),
				"GovGrid 基层治理平台", this.basemap);
	}

	/**
	 * The single Web Mercator URL older clients draw: the xyz setting as before, or 天地图's
	 * vector base (none for its lon/lat matrix, which they cannot draw).
	 */
	private String mapTileUrl() {
		if (!"tianditu".equals(this.basemap.provider())) {
			return this.properties.map().tileUrl();
		}
		if (!Basemap.WEB_MERCATOR.equals(this.basemap.crs())) {
			return null;
		}
		Basemap.Tiles vector = this.basemap.layers().get(0).tiles().get(0);
		return vector.url().replace("{s}", vector.subdomains().substring(0, 1));
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value;
	}

	/** {@code mapBasemap}: the resolved layer set the maps switch between. */
	record PublicConfig(String mapTileUrl, String mapAttribution, String appName, Basemap mapBasemap) {
	}

}
