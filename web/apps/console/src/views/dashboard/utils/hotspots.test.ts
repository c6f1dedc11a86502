import { describe, expect, it } from 'vitest';
import { hotspotData, MIN_RADIUS_PX, pixelRadius, signed } from './hotspots';

// a plain equirectangular "map": 1 px per 0.0001° of longitude and latitude
const coord = ([lon, lat]: number[]) => [(lon ?? 0) * 10_000, -(lat ?? 0) * 10_000];

describe('hotspot layer', () => {
  it('draws a circle of the real radius at the map scale', () => {
    // 150 m east at 31.3°N is about 0.001577° of longitude: ~15.8 px here
    expect(pixelRadius(coord, 120.5, 31.3, 150)).toBeCloseTo(15.77, 1);
  });

  it('never draws a circle too small to see', () => {
    expect(pixelRadius(coord, 120.5, 31.3, 1)).toBe(MIN_RADIUS_PX);
  });

  it('carries each hotspot with its centre, radius and count', () => {
    const hotspot = {
      lon: 120.5,
      lat: 31.3,
      radiusMeters: 80,
      count: 12,
      topCategories: [],
      trend: { previous: 2, change: 10 },
      firstReportedAt: '2026-12-01T00:00:00Z',
      lastReportedAt: '2026-12-03T00:00:00Z',
    };
    expect(hotspotData([hotspot])).toEqual([{ value: [120.5, 31.3, 80, 12], hotspot }]);
  });

  it('signs the trend', () => {
    expect([signed(3), signed(-2), signed(0)]).toEqual(['+3', '-2', '±0']);
  });
});
