import type { MapFeatureProperties, MapLayerType } from '@/api';

// The panoramic map's pure logic: which box to ask the server for, when a pan needs no new
// request, how much a marker weighs in its cluster, and where a marker leads.

/** A box in degrees: west, south, east, north. */
export interface Box {
  west: number;
  south: number;
  east: number;
  north: number;
}

/** What a layer holds now: the box it was loaded for and whether the server cut it short. */
export interface Loaded {
  box: Box;
  truncated: boolean;
  zoom: number;
}

/** The box grown by `factor` of its size on every side (loads a margin, so small pans are free). */
export function padBox(box: Box, factor = 0.5): Box {
  const dx = (box.east - box.west) * factor;
  const dy = (box.north - box.south) * factor;
  return {
    west: Math.max(-180, box.west - dx),
    south: Math.max(-90, box.south - dy),
    east: Math.min(180, box.east + dx),
    north: Math.min(90, box.north + dy),
  };
}

/** `minLon,minLat,maxLon,maxLat` with six decimals (about 10 cm), as the server reads it. */
export function bboxParam(box: Box): string {
  return [box.west, box.south, box.east, box.north].map((n) => n.toFixed(6)).join(',');
}

export function contains(outer: Box, inner: Box): boolean {
  return (
    outer.west <= inner.west &&
    outer.south <= inner.south &&
    outer.east >= inner.east &&
    outer.north >= inner.north
  );
}

/**
 * Whether a layer must be asked again for the view: nothing loaded, the view left the loaded
 * box, or the layer was cut at its cap and the user zoomed in (the closer box holds fewer points,
 * so the server can now send them all).
 */
export function needsReload(loaded: Loaded | null | undefined, view: Box, zoom: number): boolean {
  if (!loaded) return true;
  if (!contains(loaded.box, view)) return true;
  return loaded.truncated && zoom > loaded.zoom;
}

/** How many a marker counts for in its cluster: the people of a house, else one. */
export function markerWeight(type: MapLayerType, properties: MapFeatureProperties): number {
  if (type === 'people') {
    const count = Number(properties.count);
    return Number.isFinite(count) && count > 0 ? count : 1;
  }
  return 1;
}

/** The page a marker opens: the record's drawer, a house for the people layer, the event. */
export function featurePath(type: MapLayerType, properties: MapFeatureProperties): string {
  switch (type) {
    case 'people':
      return `/basedata/houses/${properties.houseId ?? properties.id}`;
    case 'events':
      return `/events/${properties.id}`;
    default:
      return `/basedata/${type}/${properties.id}`;
  }
}

/** The short sign on a marker of each layer. */
export const LAYER_SIGNS: Record<MapLayerType, string> = {
  people: '人',
  houses: '房',
  organizations: '组',
  places: '场',
  things: '部',
  events: '事',
};

/** One colour per layer (markers, clusters and the legend). */
export const LAYER_COLOURS: Record<MapLayerType, string> = {
  people: '#1d5fd1',
  houses: '#0f9d8a',
  organizations: '#8e44ad',
  places: '#d9822b',
  things: '#566573',
  events: '#e23b3b',
};
