package org.govgrid.platform;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class BasemapTests {

	private static BasemapProperties settings(String provider, String tileUrl, String imageryUrl, String key,
			String matrix) {
		return new BasemapProperties(provider, tileUrl, imageryUrl, "abc", "",
				new BasemapProperties.Tianditu(key, matrix, "https://t{s}.tianditu.gov.cn", "01234567"));
	}

	@Test
	void nothingConfiguredIsABlankCanvasAsBefore() {
		Basemap basemap = Basemap.resolve(settings("", "", "", "", "w"));
		assertThat(basemap.provider()).isEqualTo("none");
		assertThat(basemap.layers()).isEmpty();
		assertThat(basemap.tileOrigins()).isEmpty();
	}

	@Test
	void aTileUrlAloneIsOneSelfHostedXyzLayer() {
		Basemap basemap = Basemap.resolve(settings("", "http://{s}.tiles.intranet:8080/{z}/{x}/{y}.png", "", "", "w"));
		assertThat(basemap.provider()).isEqualTo("xyz");
		assertThat(basemap.crs()).isEqualTo("EPSG:3857");
		assertThat(basemap.layers()).extracting(Basemap.Layer::key).containsExactly("vector");
		assertThat(basemap.layers().get(0).tiles().get(0).url())
			.isEqualTo("http://{s}.tiles.intranet:8080/{z}/{x}/{y}.png");
		assertThat(basemap.tileOrigins()).containsExactly("http://*.tiles.intranet:8080");
	}

	@Test
	void xyzOffersImageryWhenItHasAUrl() {
		Basemap basemap = Basemap
			.resolve(settings("xyz", "http://tiles/vec/{z}/{x}/{y}.png", "http://tiles/img/{z}/{x}/{y}.jpg", "", "w"));
		assertThat(basemap.layers()).extracting(Basemap.Layer::key).containsExactly("vector", "imagery");
	}

	@Test
	void tiandituWebMercatorHasVectorAndImageryEachWithItsAnnotation() {
		Basemap basemap = Basemap.resolve(settings("tianditu", "", "", "k&1", "w"));
		assertThat(basemap.crs()).isEqualTo("EPSG:3857");
		assertThat(basemap.attribution()).isEqualTo("© 天地图");
		Basemap.Layer vector = basemap.layers().get(0);
		Basemap.Layer imagery = basemap.layers().get(1);
		assertThat(vector.key()).isEqualTo("vector");
		assertThat(vector.tiles()).extracting(Basemap.Tiles::url)
			.containsExactly("https://t{s}.tianditu.gov.cn/vec_w/wmts?SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0"
					+ "&LAYER=vec&STYLE=default&TILEMATRIXSET=w&FORMAT=tiles&TILEMATRIX={z}&TILEROW={y}&TILECOL={x}"
					+ "&tk=k%261",
					"https://t{s}.tianditu.gov.cn/cva_w/wmts?SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0"
							+ "&LAYER=cva&STYLE=default&TILEMATRIXSET=w&FORMAT=tiles&TILEMATRIX={z}&TILEROW={y}"
							+ "&TILECOL={x}&tk=k%261");
		assertThat(vector.tiles()).extracting(Basemap.Tiles::annotation).containsExactly(false, true);
		assertThat(imagery.key()).isEqualTo("imagery");
		assertThat(imagery.tiles().get(0).url()).contains("/img_w/wmts?").contains("LAYER=img");
		assertThat(imagery.tiles().get(1).url()).contains("/cia_w/wmts?").contains("LAYER=cia");
		assertThat(vector.tiles().get(0).subdomains()).isEqualTo("01234567");
		assertThat(vector.tiles().get(0).zoomOffset()).isZero();
		assertThat(vector.tiles().get(0).maxNativeZoom()).isEqualTo(18);
		assertThat(basemap.tileOrigins()).containsExactly("https://*.tianditu.gov.cn");
	}

	@Test
	void tiandituCgcs2000IsALonLatMatrixOneZoomAhead() {
		Basemap basemap = Basemap.resolve(settings("tianditu", "", "", "k", "c"));
		assertThat(basemap.crs()).isEqualTo("EPSG:4490");
		Basemap.Tiles vec = basemap.layers().get(0).tiles().get(0);
		assertThat(vec.url()).contains("/vec_c/wmts?").contains("TILEMATRIXSET=c");
		// 天地图 _c matrix 1 (two tiles for the world) is a lon/lat map's zoom 0
		assertThat(vec.zoomOffset()).isEqualTo(1);
		assertThat(vec.maxNativeZoom()).isEqualTo(17);
	}

	@Test
	void refusesWhatCannotWork() {
		assertThatIllegalStateException().isThrownBy(() -> Basemap.resolve(settings("google", "", "", "", "w")))
			.withMessageContaining("govgrid.map.provider");
		assertThatIllegalStateException().isThrownBy(() -> Basemap.resolve(settings("tianditu", "", "", "k", "x")))
			.withMessageContaining("govgrid.map.tianditu.matrix");
	}

}
