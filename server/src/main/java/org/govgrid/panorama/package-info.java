/**
 * 全景网格 (标准 7.2.2a): people, houses, places, organisations, things, events, disputes and
 * daily notes of an area on one map, as GeoJSON layers from one registry of
 * {@link org.govgrid.panorama.MapLayerProvider}s, and a grid's profile (its boundary,
 * workers, base data in numbers, recent events and key people, masked).
 */
package org.govgrid.panorama;
