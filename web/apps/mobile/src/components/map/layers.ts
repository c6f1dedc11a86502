import type { BoundaryGeometry, GridFeatureCollection } from '@govgrid/api';
import { attachBasemap, basemapCrs, currentBasemap } from '@govgrid/shared';
import L from 'leaflet';
import { t } from '../../locales';

/** The worker's grids (blue) and the boundary of their scope (dashed) on a blank canvas. */
export function scopeLayer(
  boundary: BoundaryGeometry | null | undefined,
  grids: GridFeatureCollection | null | undefined,
): L.FeatureGroup {
  const group = L.featureGroup();
  const features = (grids?.features ?? []).filter((f) => f.geometry);
  if (features.length) {
    L.geoJSON({ type: 'FeatureCollection', features } as GeoJSON.FeatureCollection, {
      interactive: false,
      style: {
        className: 'map-grid',
        color: '#1d5fd1',
        weight: 2,
        opacity: 0.8,
        fillColor: '#1d5fd1',
        fillOpacity: 0.08,
      },
    }).addTo(group);
  }
  if (boundary) {
    L.geoJSON(boundary as GeoJSON.Geometry, {
      interactive: false,
      style: {
        className: 'map-boundary',
        color: '#0f2144',
        weight: 2,
        dashArray: '6 5',
        fillOpacity: features.length ? 0 : 0.08,
      },
    }).addTo(group);
  }
  return group;
}

/**
 * A map with the configured basemap (loaded before the app mounts; the last one seen when
 * offline) and its 矢量/影像 switch, or a blank canvas without one; a small attribution, zoom
 * buttons. Tiles go through the service worker's tile cache.
 */
export function blankMap(container: HTMLElement): L.Map {
  const basemap = currentBasemap();
  const map = L.map(container, {
    crs: basemapCrs(basemap),
    center: [31.3, 120.6],
    zoom: 13,
    attributionControl: basemap.layers.length > 0,
    zoomControl: true,
  });
  map.attributionControl?.setPrefix(false);
  attachBasemap(map, {
    basemap,
    labels: { vector: t('basemap.vector'), imagery: t('basemap.imagery') },
  });
  return map;
}
