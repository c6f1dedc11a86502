import type { StatsQueryResult } from '@/api';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { formatMeasure, pivot, pivotRows } from './pivot';
import { buildXlsx, columnName } from './xlsx';

const result: StatsQueryResult = {
  dimensions: ['grid', 'level'],
  measures: ['count', 'onTimeRate'],
  rows: [
    {
      keys: [
        { key: 'G1', name: '第1网格' },
        { key: 'GENERAL', name: 'GENERAL' },
      ],
      values: { count: 3, onTimeRate: 0.5 },
    },
    {
      keys: [
        { key: 'G1', name: '第1网格' },
        { key: 'MAJOR', name: 'MAJOR' },
      ],
      values: { count: 1, onTimeRate: null },
    },
    {
      keys: [
        { key: 'G2', name: '第2网格' },
        { key: 'GENERAL', name: 'GENERAL' },
      ],
      values: { count: 2, onTimeRate: 1 },
    },
  ],
};
const label = (_d: string, key: string, name: string) => (key === 'GENERAL' ? '一般' : name);

describe('multi-dimensional table', () => {
  it('spreads the second dimension as columns', () => {
    const p = pivot(result, label, true);
    expect(p.rowDimensions).toEqual(['grid']);
    expect(p.groups.map((g) => g.label)).toEqual(['一般', 'MAJOR']);
    expect(p.rows.map((r) => r.labels)).toEqual([['第1网格'], ['第2网格']]);
    expect(p.rows[0]!.cells).toEqual({
      'c:GENERAL:count': 3,
      'c:GENERAL:onTimeRate': 0.5,
      'c:MAJOR:count': 1,
      'c:MAJOR:onTimeRate': null,
    });
    expect(p.totals['c:GENERAL:count']).toBe(5);
    expect(p.totals['c:GENERAL:onTimeRate']).toBeNull();
  });

  it('or keeps it as grouped rows', () => {
    const p = pivot(result, label, false);
    expect(p.rowDimensions).toEqual(['grid', 'level']);
    expect(p.rows).toHaveLength(3);
    expect(p.totals['m:count']).toBe(6);
    const sheet = pivotRows(p, {
      dimension: (d) => d,
      measure: (m) => m,
      total: '合计',
    });
    expect(sheet[0]).toEqual(['grid', 'level', 'count', 'onTimeRate']);
    expect(sheet.at(-1)).toEqual(['合计', '', 6, null]);
  });

  it('formats rates in percent and averages with two decimals', () => {
    expect(formatMeasure('onTimeRate', 0.9345)).toBe('93.5%');
    expect(formatMeasure('avgHandlingHours', 18.456)).toBe('18.46');
    expect(formatMeasure('count', 12)).toBe('12');
    expect(formatMeasure('satisfaction', null)).toBe('—');
  });
});

describe('xlsx export', () => {
  it('names columns like Excel', () => {
    expect([0, 25, 26, 27, 701, 702].map(columnName)).toEqual(['A', 'Z', 'AA', 'AB', 'ZZ', 'AAA']);
  });

  it('writes a workbook with inline strings and numbers', () => {
    const bytes = buildXlsx([
      {
        name: '多维统计: 2026/11',
        rows: [
          ['网格', '件数'],
          ['第1网格 <A&B>', 3],
          [null, 2.5],
        ],
      },
    ]);
    const files = unzipSync(bytes);
    expect(Object.keys(files).sort()).toEqual([
      '[Content_Types].xml',
      '_rels/.rels',
      'xl/_rels/workbook.xml.rels',
      'xl/styles.xml',
      'xl/workbook.xml',
      'xl/worksheets/sheet1.xml',
    ]);
    expect(strFromU8(files['xl/workbook.xml']!)).toContain('name="多维统计  2026 11"');
    const sheet = strFromU8(files['xl/worksheets/sheet1.xml']!);
    expect(sheet).toContain(
      '<c r="A2" t="inlineStr"><is><t xml:space="preserve">第1网格 &lt;A&amp;B&gt;</t></is></c>',
    );
    expect(sheet).toContain('<c r="B2"><v>3</v></c>');
    expect(sheet).toContain('<row r="3"><c r="B3"><v>2.5</v></c></row>');
  });
});
