import type { BoundaryGeometry, GridFeatureCollection } from '@govgrid/api';
import L from 'leaflet';

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

/** A map without tiles, no attribution, zoom buttons. */
export function blankMap(container: HTMLElement): L.Map {
  return L.map(container, {
    center: [31.3, 120.6],
    zoom: 13,
    attributionControl: false,
    zoomControl: true,
  });
}
