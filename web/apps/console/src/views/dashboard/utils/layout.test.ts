import type { DashboardWidget } from '@/api';
import { describe, expect, it } from 'vitest';
import {
  add,
  arrange,
  DEFAULT_LAYOUT,
  missing,
  move,
  remove,
  resize,
  toRequest,
  widgetErrors,
} from './layout';

const overlap = (ws: DashboardWidget[]) =>
  ws.some((a, i) =>
    ws.some(
      (b, j) => i !== j && a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h,
    ),
  );

describe('dashboard layout', () => {
  it('keeps the default layout as it is: no overlaps, within 24 columns', () => {
    const ws = arrange(DEFAULT_LAYOUT.widgets);
    expect(overlap(ws)).toBe(false);
    expect(ws.every((w) => w.x >= 0 && w.x + w.w <= 24)).toBe(true);
    expect(ws.map((w) => w.type).sort()).toEqual(DEFAULT_LAYOUT.widgets.map((w) => w.type).sort());
  });

  it('shows the open alerts by default, beside the monthly trend', () => {
    const ws = arrange(DEFAULT_LAYOUT.widgets);
    const alerts = ws.find((w) => w.type === 'alerts');
    const monthly = ws.find((w) => w.type === 'monthly')!;
    expect(alerts).toMatchObject({ y: monthly.y, x: monthly.x + monthly.w, w: 8, h: 8 });
    expect(missing(ws)).not.toContain('alerts');
  });

  it('drops unknown and repeated types and pulls widgets up into gaps', () => {
    const ws = arrange([
      { type: 'total', x: 0, y: 5, w: 6, h: 2 },
      { type: 'total', x: 6, y: 0, w: 6, h: 2 },
      { type: 'nonsense' as never, x: 0, y: 0, w: 6, h: 2 },
      { type: 'map', x: 30, y: 0, w: 40, h: 6 },
    ]);
    expect(ws.map((w) => w.type)).toEqual(['map', 'total']);
    expect(ws.find((w) => w.type === 'map')).toMatchObject({ x: 0, w: 24, y: 0 });
    expect(ws.find((w) => w.type === 'total')).toMatchObject({ y: 6 });
  });

  it('moves up past the widget above (a swap) and sideways by a column', () => {
    const start = arrange([
      { type: 'total', x: 0, y: 0, w: 12, h: 2 },
      { type: 'monthly', x: 0, y: 2, w: 12, h: 4 },
    ]);
    const up = move(start, 'monthly', 'up');
    expect(up.find((w) => w.type === 'monthly')!.y).toBe(0);
    expect(up.find((w) => w.type === 'total')!.y).toBe(4);
    const down = move(up, 'monthly', 'down');
    expect(down.find((w) => w.type === 'total')!.y).toBe(0);
    const right = move(start, 'total', 'right');
    expect(right.find((w) => w.type === 'total')!.x).toBe(1);
    expect(move(right, 'total', 'left').find((w) => w.type === 'total')!.x).toBe(0);
    expect(overlap(up)).toBe(false);
  });

  it('resizes within bounds and makes room below', () => {
    const start = arrange([
      { type: 'total', x: 0, y: 0, w: 6, h: 2 },
      { type: 'satisfaction', x: 6, y: 0, w: 6, h: 2 },
    ]);
    const wider = resize(start, 'total', 8, 0);
    expect(wider.find((w) => w.type === 'total')!.w).toBe(14);
    expect(overlap(wider)).toBe(false);
    expect(wider.find((w) => w.type === 'satisfaction')!.y).toBe(2);
    const narrow = resize(start, 'total', -20, -5);
    expect(narrow.find((w) => w.type === 'total')).toMatchObject({ w: 4, h: 1 });
  });

  it('removes, adds below everything and lists what can be added', () => {
    const ws = remove(arrange(DEFAULT_LAYOUT.widgets), 'byLevel');
    expect(ws.some((w) => w.type === 'byLevel')).toBe(false);
    expect(missing(ws)).toContain('byLevel');
    const back = add(ws, 'workerRanking');
    const ranking = back.find((w) => w.type === 'workerRanking')!;
    expect(ranking).toMatchObject({ w: 8, h: 8, x: 0 });
    expect(overlap(back)).toBe(false);
    expect(add(back, 'workerRanking')).toHaveLength(back.length);
  });

  it('sends only the stored keys and maps the server’s field errors to widgets', () => {
    const ws = arrange([{ type: 'total', x: 0, y: 0, w: 6, h: 2 }]);
    expect(toRequest(ws)).toEqual({
      widgets: [{ type: 'total', x: 0, y: 0, w: 6, h: 2, option: null }],
    });
    const errors = widgetErrors(
      [
        { field: 'widgets[0].w', message: 'too wide' },
        { field: 'widgets', message: 'too many' },
      ],
      ws,
    );
    expect(errors.byType.total).toEqual(['w: too wide']);
    expect(errors.general).toEqual(['widgets: too many']);
  });
});
