package org.govgrid.party;

import java.util.List;
import java.util.function.Function;

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
		return layer(new MapLayerDescriptor("party-organizations", "party:organization:read", "党组织",
				"Party organisations", "party", "#c62828", 100),
				query -> map.organizations(query.area(), box(query), query.limit()));
	}

	@Bean
	MapLayerProvider partyActivitiesLayer(PartyMap map) {
		return layer(new MapLayerDescriptor("party-activities", "party:activity:read", "党建活动", "Party activities",
				"flag", "#ad1457", 101), query -> map.activities(query.area(), box(query), query.now(), query.limit()));
	}

	private static double[] box(MapLayerQuery query) {
		return query.box() == null ? null : query.box().toArray();
	}

	private static MapLayerProvider layer(MapLayerDescriptor descriptor,
			Function<MapLayerQuery, List<MapFeature>> features) {
		return new MapLayerProvider() {

			@Override
			public MapLayerDescriptor descriptor() {
				return descriptor;
			}

			@Override
			public List<MapFeature> features(MapLayerQuery query) {
				return features.apply(query);
			}

		};
	}

}
