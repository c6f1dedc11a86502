import {
  DASHBOARD_WIDGET_TYPES,
  type DashboardLayout,
  type DashboardWidget,
  type DashboardWidgetType,
} from '@/api';

/** The dashboard is a 24-column grid; rows are `ROW_HEIGHT` px tall. */
export const COLUMNS = 24;
export const MAX_ROWS = 40;

/** Size of a widget when it is added (and the smallest it may get). */
export const WIDGET_SIZES: Record<DashboardWidgetType, { w: number; h: number; minW: number }> = {
  total: { w: 6, h: 4, minW: 4 },
  timeliness: { w: 12, h: 6, minW: 8 },
  satisfaction: { w: 6, h: 4, minW: 4 },
  monthly: { w: 12, h: 8, minW: 8 },
  byLevel: { w: 8, h: 8, minW: 6 },
  bySource: { w: 8, h: 8, minW: 6 },
  byStatus: { w: 8, h: 8, minW: 6 },
  byCategory: { w: 12, h: 8, minW: 8 },
  map: { w: 12, h: 10, minW: 8 },
  alerts: { w: 8, h: 8, minW: 6 },
  workerRanking: { w: 8, h: 8, minW: 6 },
  gridRanking: { w: 8, h: 8, minW: 6 },
  screening: { w: 8, h: 8, minW: 6 },
};

/**
 * What the dashboard shows until the user saves a layout: the server's default
 * (`DashboardLayouts.DEFAULT`), used here only when the server cannot be asked.
 */
export const DEFAULT_LAYOUT: DashboardLayout = {
  widgets: [
    { type: 'total', x: 0, y: 0, w: 6, h: 4 },
    { type: 'timeliness', x: 6, y: 0, w: 18, h: 4 },
    { type: 'monthly', x: 0, y: 4, w: 16, h: 8 },
    { type: 'alerts', x: 16, y: 4, w: 8, h: 8 },
    { type: 'byCategory', x: 0, y: 12, w: 10, h: 8 },
    { type: 'byLevel', x: 10, y: 12, w: 7, h: 8 },
    { type: 'bySource', x: 17, y: 12, w: 7, h: 8 },
    { type: 'map', x: 0, y: 20, w: 16, h: 10, option: 'onTimeRate' },
    { type: 'byStatus', x: 16, y: 20, w: 8, h: 10 },
  ],
};

const clamp = (value: number, min: number, max: number) => Math.min(max, Math.max(min, value));

function overlaps(a: DashboardWidget, b: DashboardWidget): boolean {
  return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

/** A widget inside the grid: whole numbers, at least its minimum size, within 24 columns. */
export function fit(widget: DashboardWidget): DashboardWidget {
  const size = WIDGET_SIZES[widget.type] ?? { w: 6, h: 3, minW: 3 };
  const w = clamp(Math.round(widget.w) || size.w, Math.min(size.minW, COLUMNS), COLUMNS);
  const h = clamp(Math.round(widget.h) || size.h, 1, MAX_ROWS);
  const x = clamp(Math.round(widget.x) || 0, 0, COLUMNS - w);
  const y = Math.max(0, Math.round(widget.y) || 0);
  return { ...widget, x, y, w, h };
}

/**
 * Places the widgets without overlaps and moves each one up as far as it goes (the
 * `first` widget keeps its place, the others make room). Keeps only known types, once each.
 */
export function arrange(widgets: readonly DashboardWidget[], first?: DashboardWidgetType) {
  const seen = new Set<string>();
  const known = widgets
    .filter((w) => (DASHBOARD_WIDGET_TYPES as readonly string[]).includes(w.type))
    .filter((w) => !seen.has(w.type) && seen.add(w.type))
    .map(fit);
  const order = (list: DashboardWidget[]) =>
    [...list].sort(
      (a, b) =>
        a.y - b.y ||
        Number(b.type === first) - Number(a.type === first) ||
        a.x - b.x ||
        a.type.localeCompare(b.type),
    );
  // 1. settle collisions: the preferred widget, then the earlier ones stay; later ones go down
  const placed: DashboardWidget[] = [];
  const settleOrder = [
    ...known.filter((w) => w.type === first),
    ...order(known.filter((w) => w.type !== first)),
  ];
  for (const widget of settleOrder) {
    const moved = { ...widget };
    while (placed.some((other) => overlaps(moved, other))) moved.y += 1;
    placed.push(moved);
  }
  // 2. move everything up as far as it goes
  const compact: DashboardWidget[] = [];
  for (const widget of order(placed)) {
    const moved = { ...widget };
    while (moved.y > 0 && !compact.some((other) => overlaps({ ...moved, y: moved.y - 1 }, other))) {
      moved.y -= 1;
    }
    compact.push(moved);
  }
  return order(compact);
}

export type LayoutMove = 'left' | 'right' | 'up' | 'down';

/** One step of a widget: a column sideways, or past the widget above / below it. */
export function move(
  widgets: readonly DashboardWidget[],
  type: DashboardWidgetType,
  to: LayoutMove,
) {
  const widget = widgets.find((w) => w.type === type);
  if (!widget) return [...widgets];
  const next = { ...widget };
  if (to === 'left') next.x = Math.max(0, widget.x - 1);
  if (to === 'right') next.x = Math.min(COLUMNS - widget.w, widget.x + 1);
  const sharesColumns = (o: DashboardWidget) =>
    o.type !== type && o.x < widget.x + widget.w && widget.x < o.x + o.w;
  if (to === 'up') {
    // above the nearest widget over it
    const above = widgets
      .filter((o) => sharesColumns(o) && o.y < widget.y)
      .sort((a, b) => b.y + b.h - (a.y + a.h) || b.y - a.y)[0];
    next.y = above ? above.y : Math.max(0, widget.y - 1);
  }
  if (to === 'down') {
    // below the nearest widget under it
    const below = widgets
      .filter((o) => sharesColumns(o) && o.y >= widget.y + widget.h - 1 && o.y > widget.y)
      .sort((a, b) => a.y - b.y)[0];
    next.y = below ? below.y + below.h : widget.y + 1;
  }
  return arrange(
    widgets.map((w) => (w.type === type ? next : w)),
    type,
  );
}

/** Wider / narrower by `dw` columns, taller / lower by `dh` rows. */
export function resize(
  widgets: readonly DashboardWidget[],
  type: DashboardWidgetType,
  dw: number,
  dh: number,
) {
  return arrange(
    widgets.map((w) => {
      if (w.type !== type) return w;
      const width = clamp(w.w + dw, WIDGET_SIZES[type].minW, COLUMNS);
      return { ...w, w: width, h: clamp(w.h + dh, 1, MAX_ROWS), x: Math.min(w.x, COLUMNS - width) };
    }),
    type,
  );
}

export function remove(widgets: readonly DashboardWidget[], type: DashboardWidgetType) {
  return arrange(widgets.filter((w) => w.type !== type));
}

/** Adds a widget at its default size below everything else. */
export function add(widgets: readonly DashboardWidget[], type: DashboardWidgetType) {
  if (widgets.some((w) => w.type === type)) return [...widgets];
  const bottom = widgets.reduce((max, w) => Math.max(max, w.y + w.h), 0);
  const size = WIDGET_SIZES[type];
  return arrange([...widgets, { type, x: 0, y: bottom, w: size.w, h: size.h }]);
}

/** Widget types not on the dashboard yet. */
export function missing(widgets: readonly DashboardWidget[]): DashboardWidgetType[] {
  return DASHBOARD_WIDGET_TYPES.filter((type) => !widgets.some((w) => w.type === type));
}

/** The layout as the server stores it (no extra keys). */
export function toRequest(widgets: readonly DashboardWidget[]): DashboardLayout {
  return {
    widgets: widgets.map(({ type, x, y, w, h, option }) => ({
      type,
      x,
      y,
      w,
      h,
      option: option ?? null,
    })),
  };
}

/**
 * The server's field errors (`widgets[3].w`) per widget type and overall
 * (`widgets` or another field): what the edit mode marks on each card.
 */
export function widgetErrors(
  errors: readonly { field: string; message: string }[],
  widgets: readonly DashboardWidget[],
): { byType: Partial<Record<DashboardWidgetType, string[]>>; general: string[] } {
  const byType: Partial<Record<DashboardWidgetType, string[]>> = {};
  const general: string[] = [];
  for (const { field, message } of errors) {
    const match = /^widgets\[(\d+)\](?:\.(\w+))?/.exec(field);
    const widget = match ? widgets[Number(match[1])] : undefined;
    if (widget) {
      const text = match?.[2] ? `${match[2]}: ${message}` : message;
      (byType[widget.type] ??= []).push(text);
    } else {
      general.push(field ? `${field}: ${message}` : message);
    }
  }
  return { byType, general };
}
