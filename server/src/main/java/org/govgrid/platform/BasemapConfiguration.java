package org.govgrid.platform;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The basemap, resolved (and checked) once at start. */
@Configuration(proxyBeanMethods = false)
class BasemapConfiguration {

	private static final Logger log = LoggerFactory.getLogger(BasemapConfiguration.class);

	@Bean
	Basemap basemap(BasemapProperties settings) {
		Basemap basemap = Basemap.resolve(settings);
		if ("tianditu".equals(basemap.provider()) && settings.tianditu().key().isBlank()) {
			log.warn("govgrid.map.provider is tianditu but govgrid.map.tianditu.key is empty: 天地图 refuses tiles "
					+ "without a key");
		}
		log.info("Basemap: {} ({}), layers {}", basemap.provider(), basemap.crs(),
				basemap.layers().stream().map(Basemap.Layer::key).toList());
		return basemap;
	}

}
