// The panoramic map's pure logic: which box to ask the server for and when a pan needs no new
// request (how each layer looks: ./mapLayers.ts).

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
