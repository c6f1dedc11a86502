import type { Hotspot } from '@/api';

/** Metres per degree of latitude (as the server's clustering uses). */
const METRES_PER_DEGREE = 111_320;

/** The smallest circle drawn, in pixels, so that a tight hotspot stays visible. */
export const MIN_RADIUS_PX = 12;

/**
 * The on-screen radius of a circle of `metres` around `[lon, lat]`, given the map's
 * projection `coord` (lon/lat → pixels): the distance to the point `metres` east.
 */
export function pixelRadius(
  coord: (point: number[]) => number[],
  lon: number,
  lat: number,
  metres: number,
): number {
  const centre = coord([lon, lat]);
  const east = coord([lon + metres / (METRES_PER_DEGREE * Math.cos((lat * Math.PI) / 180)), lat]);
  const r = Math.abs((east[0] ?? 0) - (centre[0] ?? 0));
  return Math.max(MIN_RADIUS_PX, Number.isFinite(r) ? r : 0);
}

/** The data of the hotspot layer: `[lon, lat, radiusMeters, count]` with the hotspot itself. */
export function hotspotData(hotspots: Hotspot[]) {
  return hotspots.map((h) => ({ value: [h.lon, h.lat, h.radiusMeters, h.count], hotspot: h }));
}

/** The trend in words: `+3`, `-2`, `±0`. */
export function signed(change: number): string {
  return change > 0 ? `+${change}` : change < 0 ? String(change) : '±0';
}

interface CustomApi {
  value: (dimension: number) => number | string;
  coord: (point: number[]) => number[];
}

/** An ECharts custom series drawing each hotspot as a circle of its real radius with its count. */
export function hotspotSeries(hotspots: Hotspot[], dark: boolean) {
  return {
    type: 'custom',
    coordinateSystem: 'geo',
    zlevel: 1,
    data: hotspotData(hotspots),
    renderItem: (_params: unknown, api: CustomApi) => {
      const lon = Number(api.value(0));
      const lat = Number(api.value(1));
      const [x, y] = api.coord([lon, lat]);
      const r = pixelRadius(api.coord, lon, lat, Number(api.value(2)));
      return {
        type: 'group',
        children: [
          {
            type: 'circle',
            shape: { cx: x, cy: y, r },
            style: {
              // orange, apart from the red and blue of the alert markers and the grid fill
              fill: dark ? 'rgba(255, 140, 60, 0.5)' : 'rgba(242, 121, 43, 0.55)',
              stroke: dark ? '#ffb27a' : '#f2792b',
              lineWidth: 2,
            },
          },
          {
            type: 'text',
            style: {
              text: String(api.value(3)),
              x,
              y,
              align: 'center',
              verticalAlign: 'middle',
              fill: '#ffffff',
              stroke: 'rgba(90, 30, 0, 0.85)',
              lineWidth: 3,
              font: 'bold 12px sans-serif',
            },
          },
        ],
      };
    },
  };
}
