import { attachBasemap, basemapOf, currentBasemap, type BasemapControl } from '@govgrid/shared';
import type L from 'leaflet';
import { t } from '@/locales';

/**
 * The basemap on one of the console's maps (GridMap, PointMap, TrackMap, CoverageMap…): the
 * configured layers (loaded before the app mounts) with the 矢量/影像 switch, or, without them,
 * the single `tileUrl` a page passed, as before. Call again to redraw; `remove()` on the old one.
 */
export function putBasemap(
  map: L.Map,
  tileUrl?: string | null,
  attribution?: string | null,
): BasemapControl {
  const configured = currentBasemap();
  const basemap = configured.layers.length
    ? configured
    : basemapOf({ mapTileUrl: tileUrl ?? null, mapAttribution: attribution ?? null, appName: '' });
  return attachBasemap(map, {
    basemap,
    attribution: attribution || undefined,
    labels: { vector: t('basemap.vector'), imagery: t('basemap.imagery') },
  });
}
