package org.govgrid.platform;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The basemap the clients draw, resolved once from {@link BasemapProperties}: its tile
 * matrix and the layer set (vector, and imagery where there is one), each layer a base
 * and, for 天地图, its annotation tiles.
 *
 * @param provider {@code none}, {@code xyz} or {@code tianditu}
 * @param crs {@code EPSG:3857} or {@code EPSG:4490} (天地图 {@code _c})
 * @param attribution the map corner's text, or null
 * @param layers the layers the user may switch between; empty: no basemap
 */
public record Basemap(String provider, String crs, String attribution, List<Layer> layers) {

	public static final String WEB_MERCATOR = "EPSG:3857";

	public static final String CGCS2000 = "EPSG:4490";

	/**
	 * One switchable layer.
	 *
	 * @param key {@code vector} or {@code imagery} (the clients label them 矢量/影像)
	 * @param tiles drawn bottom to top
	 */
	public record Layer(String key, List<Tiles> tiles) {
	}

	/**
	 * A tile source.
	 *
	 * @param url the template ({@code {s} {z} {x} {y}})
	 * @param subdomains what {@code {s}} takes
	 * @param zoomOffset added to the map's zoom for {@code {z}}: 天地图 {@code _c} starts at
	 * matrix 1 where a lon/lat map starts at zoom 0
	 * @param maxNativeZoom the deepest zoom (the map's) the source has tiles for
	 * @param annotation a transparent label layer over a base
	 */
	public record Tiles(String url, String subdomains, int zoomOffset, int maxNativeZoom, boolean annotation) {
	}

	/** The basemap for these settings; a setting that cannot work stops the start. */
	public static Basemap resolve(BasemapProperties settings) {
		String provider = settings.provider().strip().toLowerCase(Locale.ROOT);
		if (provider.isEmpty()) {
			provider = settings.tileUrl().isBlank() ? "none" : "xyz";
		}
		String attribution = settings.attribution().isBlank() ? null : settings.attribution().strip();
		return switch (provider) {
			case "none" -> new Basemap("none", WEB_MERCATOR, attribution, List.of());
			case "xyz" -> xyz(settings, attribution);
			case "tianditu" -> tianditu(settings.tianditu(), attribution == null ? "© 天地图" : attribution);
			default -> throw new IllegalStateException(
					"govgrid.map.provider must be tianditu, xyz or empty, not '" + settings.provider() + "'");
		};
	}

	private static Basemap xyz(BasemapProperties settings, String attribution) {
		if (settings.tileUrl().isBlank()) {
			return new Basemap("none", WEB_MERCATOR, attribution, List.of());
		}
		Layer vector = new Layer("vector",
				List.of(new Tiles(settings.tileUrl().strip(), settings.subdomains(), 0, 19, false)));
		if (settings.imageryUrl().isBlank()) {
			return new Basemap("xyz", WEB_MERCATOR, attribution, List.of(vector));
		}
		Layer imagery = new Layer("imagery",
				List.of(new Tiles(settings.imageryUrl().strip(), settings.subdomains(), 0, 19, false)));
		return new Basemap("xyz", WEB_MERCATOR, attribution, List.of(vector, imagery));
	}

	private static Basemap tianditu(BasemapProperties.Tianditu settings, String attribution) {
		String matrix = settings.matrix().strip().toLowerCase(Locale.ROOT);
		if (!matrix.equals("w") && !matrix.equals("c")) {
			throw new IllegalStateException(
					"govgrid.map.tianditu.matrix must be w (Web Mercator) or c (CGCS2000), not '" + settings.matrix()
							+ "'");
		}
		boolean lonLat = matrix.equals("c");
		// 天地图 has matrices 1–18; on a lon/lat map matrix 1 is zoom 0
		int zoomOffset = lonLat ? 1 : 0;
		int maxNativeZoom = 18 - zoomOffset;
		List<Layer> layers = List.of(
				new Layer("vector",
						List.of(tiandituTiles(settings, "vec", matrix, zoomOffset, maxNativeZoom, false),
								tiandituTiles(settings, "cva", matrix, zoomOffset, maxNativeZoom, true))),
				new Layer("imagery", List.of(tiandituTiles(settings, "img", matrix, zoomOffset, maxNativeZoom, false),
						tiandituTiles(settings, "cia", matrix, zoomOffset, maxNativeZoom, true))));
		return new Basemap("tianditu", lonLat ? CGCS2000 : WEB_MERCATOR, attribution, layers);
	}

	private static Tiles tiandituTiles(BasemapProperties.Tianditu settings, String layer, String matrix, int zoomOffset,
			int maxNativeZoom, boolean annotation) {
		String host = settings.host().strip().replaceAll("/+$", "");
		String url = host + "/" + layer + "_" + matrix + "/wmts?SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0&LAYER="
				+ layer + "&STYLE=default&TILEMATRIXSET=" + matrix
				+ "&FORMAT=tiles&TILEMATRIX={z}&TILEROW={y}&TILECOL={x}&tk="
				+ URLEncoder.encode(settings.key().strip(), StandardCharsets.UTF_8);
		return new Tiles(url, settings.subdomains(), zoomOffset, maxNativeZoom, annotation);
	}

	/**
	 * The origins the tiles come from, a subdomain placeholder's label as {@code *}
	 * ({@code https://*.tianditu.gov.cn}): the browser must be allowed to load images
	 * from them, and the phone app's service worker to fetch them into its cache.
	 */
	public Set<String> tileOrigins() {
		Set<String> origins = new LinkedHashSet<>();
		for (Layer layer : this.layers) {
			for (Tiles tiles : layer.tiles()) {
				String url = tiles.url();
				int scheme = url.indexOf("://");
				if (scheme < 0) {
					continue;
				}
				int end = url.indexOf('/', scheme + 3);
				String origin = end < 0 ? url : url.substring(0, end);
				origins.add(origin.replaceAll("[^/.:]*\\{[a-z]}[^/.:]*", "*"));
			}
		}
		return origins;
	}

}
