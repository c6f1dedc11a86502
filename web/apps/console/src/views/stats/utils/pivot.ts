import {
  STATS_RATE_MEASURES,
  type StatsDimension,
  type StatsMeasure,
  type StatsQueryResult,
} from '@/api';

/** Measures that add up across rows (a total row makes sense for them). */
export const ADDITIVE_MEASURES: readonly StatsMeasure[] = ['count', 'closed', 'overdue'];

export interface PivotColumn {
  /** `m:count` or `c:<second key>:count` */
  prop: string;
  measure: StatsMeasure;
  /** the second dimension's key and label, when it is spread as columns */
  group?: { key: string; label: string };
}

export interface PivotRow {
  /** one label per row dimension */
  labels: string[];
  /** `PivotColumn.prop` → value */
  cells: Record<string, number | null>;
}

export interface Pivot {
  /** the dimensions shown as row headers */
  rowDimensions: StatsDimension[];
  columns: PivotColumn[];
  /** column groups in order (the second dimension's values), empty when not spread */
  groups: { key: string; label: string }[];
  rows: PivotRow[];
  /** sums of the additive measures (null for the others) */
  totals: Record<string, number | null>;
}

/**
 * Lays the query result out as a table: the first dimension (and a third, if any) as rows;
 * the second either as columns (`spread`) or as more row headers.
 */
export function pivot(
  result: StatsQueryResult,
  label: (dimension: StatsDimension, key: string, name: string) => string,
  spread: boolean,
): Pivot {
  const dims = result.dimensions;
  const measures = result.measures;
  const spreadIndex = spread && dims.length >= 2 ? 1 : -1;
  const rowIndexes = dims.map((_, i) => i).filter((i) => i !== spreadIndex);
  const groups: { key: string; label: string }[] = [];
  if (spreadIndex >= 0) {
    const seen = new Set<string>();
    for (const row of result.rows) {
      const k = row.keys[spreadIndex];
      if (k && !seen.has(k.key)) {
        seen.add(k.key);
        groups.push({ key: k.key, label: label(dims[spreadIndex]!, k.key, k.name) });
      }
    }
  }
  const columns: PivotColumn[] =
    spreadIndex >= 0
      ? groups.flatMap((group) =>
          measures.map((measure) => ({ prop: `c:${group.key}:${measure}`, measure, group })),
        )
      : measures.map((measure) => ({ prop: `m:${measure}`, measure }));

  const rows = new Map<string, PivotRow>();
  for (const row of result.rows) {
    const rowKey = rowIndexes.map((i) => row.keys[i]?.key ?? '').join('\u0001');
    let target = rows.get(rowKey);
    if (!target) {
      target = {
        labels: rowIndexes.map((i) => {
          const k = row.keys[i];
          return k ? label(dims[i]!, k.key, k.name) : '';
        }),
        cells: {},
      };
      rows.set(rowKey, target);
    }
    for (const measure of measures) {
      const value = row.values[measure] ?? null;
      const prop =
        spreadIndex >= 0 ? `c:${row.keys[spreadIndex]?.key ?? ''}:${measure}` : `m:${measure}`;
      target.cells[prop] = value;
    }
  }
  const list = [...rows.values()];
  const totals: Record<string, number | null> = {};
  for (const column of columns) {
    totals[column.prop] = ADDITIVE_MEASURES.includes(column.measure)
      ? list.reduce((sum, row) => sum + (row.cells[column.prop] ?? 0), 0)
      : null;
  }
  return {
    rowDimensions: rowIndexes.map((i) => dims[i]!),
    columns,
    groups,
    rows: list,
    totals,
  };
}

/** A measure's value as shown: rates in percent, hours and ratings with two decimals. */
export function formatMeasure(measure: StatsMeasure, value: number | null | undefined): string {
  if (value == null || Number.isNaN(value)) return '—';
  if (STATS_RATE_MEASURES.includes(measure)) return `${Math.round(value * 1000) / 10}%`;
  if (ADDITIVE_MEASURES.includes(measure)) return String(value);
  return (Math.round(value * 100) / 100).toString();
}

/** The table as sheet rows (header first), the total row last. */
export function pivotRows(
  table: Pivot,
  names: {
    dimension: (d: StatsDimension) => string;
    measure: (m: StatsMeasure) => string;
    total: string;
  },
): (string | number | null)[][] {
  const header = [
    ...table.rowDimensions.map(names.dimension),
    ...table.columns.map((c) =>
      c.group ? `${c.group.label} · ${names.measure(c.measure)}` : names.measure(c.measure),
    ),
  ];
  const body = table.rows.map((row) => [
    ...row.labels,
    ...table.columns.map((c) => row.cells[c.prop] ?? null),
  ]);
  const totals = [
    names.total,
    ...table.rowDimensions.slice(1).map(() => ''),
    ...table.columns.map((c) => table.totals[c.prop] ?? null),
  ];
  return [header, ...body, totals];
}
