import { describe, expect, it } from 'vitest';
import { bboxParam, needsReload, padBox, type Box } from './panorama';

const view: Box = { west: 120.6, south: 31.3, east: 120.7, north: 31.4 };

describe('padBox and bboxParam', () => {
  it('grows the box by half its size on each side, within the globe', () => {
    const padded = padBox(view);
    expect(padded.west).toBeCloseTo(120.55);
    expect(padded.north).toBeCloseTo(31.45);
    expect(padBox({ west: -179, south: -89, east: 179, north: 89 })).toEqual({
      west: -180,
      south: -90,
      east: 180,
      north: 90,
    });
  });

  it('writes minLon,minLat,maxLon,maxLat', () => {
    expect(bboxParam(view)).toBe('120.600000,31.300000,120.700000,31.400000');
  });
});

describe('needsReload', () => {
  const loaded = { box: padBox(view), truncated: false, zoom: 14 };

  it('loads what was never loaded', () => {
    expect(needsReload(null, view, 14)).toBe(true);
  });

  it('keeps a layer while the view stays inside the loaded box', () => {
    const panned = { west: 120.62, south: 31.31, east: 120.72, north: 31.41 };
    expect(needsReload(loaded, panned, 14)).toBe(false);
    expect(needsReload(loaded, panned, 16)).toBe(false);
  });

  it('reloads when the view leaves the box', () => {
    expect(needsReload(loaded, { west: 120.7, south: 31.3, east: 120.8, north: 31.4 }, 14)).toBe(
      true,
    );
  });

  it('reloads a truncated layer on zooming in, not on zooming out', () => {
    const cut = { ...loaded, truncated: true };
    const closer = { west: 120.63, south: 31.33, east: 120.67, north: 31.37 };
    expect(needsReload(cut, closer, 15)).toBe(true);
    expect(needsReload(cut, closer, 14)).toBe(false);
  });
});
