package org.govgrid.panorama;

import java.util.List;

/**
 * One layer of the panoramic map. A Spring bean implementing this is on the map: listed
 * by {@code GET /api/v1/map/layers} to those holding its permission and served as
 * {@code GET /api/v1/map/layers/{type}.geojson}. The registry checks the permission, the
 * area (404 outside the caller's scope) and the box before asking for features, and cuts
 * the answer at its cap; a provider only reads what lies inside the query.
 */
public interface MapLayerProvider {

	/** What the layer list says about this layer. */
	MapLayerDescriptor descriptor();

	/**
	 * Up to {@code query.limit()} features inside {@code query.area()} and, when given,
	 * {@code query.box()}; more than the limit is not needed (one more tells the registry
	 * the layer was cut). Nothing in a feature may identify a person (ID number, phone).
	 */
	List<MapFeature> features(MapLayerQuery query);

}
