package org.govgrid.panorama;

import org.govgrid.basedata.BaseDataKind;
import org.govgrid.basedata.BaseDataMap;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The layers of base-data objects (地、物、组织), one entry each. */
@Configuration(proxyBeanMethods = false)
class ObjectLayers {

	private static final String OBJECT_READ = "basedata:object:read";

	@Bean
	MapLayerProvider housesLayer(BaseDataMap baseData) {
		return new ObjectLayer(new MapLayerDescriptor("houses", OBJECT_READ, "房屋", "Houses", "house", "#0f9d8a", 20),
				BaseDataKind.HOUSE, baseData);
	}

	@Bean
	MapLayerProvider organizationsLayer(BaseDataMap baseData) {
		return new ObjectLayer(new MapLayerDescriptor("organizations", OBJECT_READ, "组织", "Organisations",
				"organization", "#8e44ad", 30), BaseDataKind.ORGANIZATION, baseData);
	}

	@Bean
	MapLayerProvider placesLayer(BaseDataMap baseData) {
		return new ObjectLayer(new MapLayerDescriptor("places", OBJECT_READ, "场所", "Places", "place", "#d9822b", 40),
				BaseDataKind.PLACE, baseData);
	}

	@Bean
	MapLayerProvider thingsLayer(BaseDataMap baseData) {
		return new ObjectLayer(
				new MapLayerDescriptor("things", OBJECT_READ, "部件", "Facilities", "thing", "#566573", 50),
				BaseDataKind.THING, baseData);
	}

}
