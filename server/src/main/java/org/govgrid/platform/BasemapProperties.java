package org.govgrid.platform;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The basemap settings under {@code govgrid.map.*} (docs/ops/basemap.md). Bound beside
 * {@link GovGridProperties.Map}, which keeps {@code tile-url} and {@code attribution} for
 * the code that already reads them.
 *
 * @param provider {@code tianditu}, {@code xyz} or empty (xyz when a tile URL is set,
 * otherwise no basemap: grids on a blank canvas, as before)
 * @param tileUrl the xyz vector (or only) layer, {@code {s}}, {@code {z}}, {@code {x}},
 * {@code {y}} placeholders
 * @param imageryUrl an optional xyz imagery layer offered beside it
 * @param subdomains the letters or digits {@code {s}} takes in xyz URLs
 * @param attribution shown in the map corner; 天地图 gets its own when empty
 * @param tianditu the 天地图 key and tile matrix
 */
@ConfigurationProperties("govgrid.map")
public record BasemapProperties(@DefaultValue("") String provider, @DefaultValue("") String tileUrl,
		@DefaultValue("") String imageryUrl, @DefaultValue("abc") String subdomains,
		@DefaultValue("") String attribution, @DefaultValue Tianditu tianditu) {

	/**
	 * 天地图 WMTS.
	 *
	 * @param key the {@code tk} of the 天地图 developer console (a server-side key bound to
	 * the installation's domain)
	 * @param matrix {@code w} (Web Mercator, EPSG:3857) or {@code c} (CGCS2000 lon/lat,
	 * EPSG:4490)
	 * @param host where the tiles come from, {@code {s}} for the subdomain; a proxy or a
	 * test server may stand in
	 * @param subdomains the {@code t0–t7} servers
	 */
	public record Tianditu(@DefaultValue("") String key, @DefaultValue("w") String matrix,
			@DefaultValue("https://t{s}.tianditu.gov.cn") String host, @DefaultValue("01234567") String subdomains) {
	}

}
