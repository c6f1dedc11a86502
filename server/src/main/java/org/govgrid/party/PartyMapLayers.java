package org.govgrid.party;

import java.util.List;

import org.govgrid.panorama.MapFeature;
import org.govgrid.panorama.MapLayerDescriptor;
import org.govgrid.panorama.MapLayerProvider;
import org.govgrid.panorama.MapLayerQuery;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The panoramic map's party layers: 党组织 and the last 90 days' 党建活动. */
@Configuration(proxyBeanMethods = false)
class PartyMapLayers {

	@Bean
	MapLayerProvider partyOrganizationsLayer(PartyMap map) {
		MapLayerDescriptor descriptor = new MapLayerDescriptor("party-organizations", "party:organization:read", "党组织",
				"Party organisations", "party", "#c62828", 100);
		return new MapLayerProvider() {

			@Override
			public MapLayerDescriptor descriptor() {
				return descriptor;
			}

			@Override
			public List<MapFeature> features(MapLayerQuery query) {
				return map.organizations(query.area(), query.box() == null ? null : query.box().toArray(),
						query.limit());
			}

		};
	}

	@Bean
	MapLayerProvider partyActivitiesLayer(PartyMap map) {
		MapLayerDescriptor descriptor = new MapLayerDescriptor("party-activities", "party:activity:read", "党建活动",
				"Party activities", "flag", "#ad1457", 101);
		return new MapLayerProvider() {

			@Override
			public MapLayerDescriptor descriptor() {
				return descriptor;
			}

			@Override
			public List<MapFeature> features(MapLayerQuery query) {
				return map.activities(query.area(), query.box() == null ? null : query.box().toArray(), query.now(),
						query.limit());
			}

		};
	}

}
