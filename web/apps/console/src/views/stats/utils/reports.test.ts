import type { AssessmentReportRow, PersonnelReportRow, TaskReportRow } from '@/api';
import { reportParams } from '@/api';
import { describe, expect, it } from 'vitest';
import {
  assessmentChart,
  overallOnTimeRate,
  periodOf,
  periodRange,
  personnelChart,
  rangeFromQuery,
  rangeToQuery,
  sameQuery,
  sum,
  TASK_PARTS,
  taskChart,
  taskParts,
} from './reports';

const task = (name: string, t: Partial<TaskReportRow>): TaskReportRow => ({
  assigneeId: name.length,
  assigneeName: name,
  tasks: 0,
  done: 0,
  doneOnTime: 0,
  open: 0,
  cancelled: 0,
  overdue: 0,
  ...t,
});

const grid = (code: string, g: Partial<AssessmentReportRow>): AssessmentReportRow => ({
  gridId: Number(code.slice(-3)),
  gridCode: code,
  gridName: `网格${code.slice(-3)}`,
  events: 0,
  closed: 0,
  onTimeRate: null,
  avgHandlingHours: null,
  satisfaction: null,
  overdue: 0,
  patrols: 0,
  patrolHours: 0,
  records: 0,
  recordsApproved: 0,
  ...g,
});

describe('report periods', () => {
  it('runs from the first day of the month, quarter or year up to today', () => {
    expect(periodRange('month', '2026-12-06')).toEqual(['2026-12-01', '2026-12-06']);
    expect(periodRange('quarter', '2026-12-06')).toEqual(['2026-10-01', '2026-12-06']);
    expect(periodRange('quarter', '2026-03-31')).toEqual(['2026-01-01', '2026-03-31']);
    expect(periodRange('year', '2026-12-06')).toEqual(['2026-01-01', '2026-12-06']);
    expect(periodRange('lastYear', '2026-12-06')).toEqual(['2025-01-01', '2025-12-31']);
  });

  it('recognises a range as its period, anything else as custom', () => {
    expect(periodOf(['2026-10-01', '2026-12-06'], '2026-12-06')).toBe('quarter');
    expect(periodOf(['2025-01-01', '2025-12-31'], '2026-12-06')).toBe('lastYear');
    expect(periodOf(['2026-02-03', '2026-12-06'], '2026-12-06')).toBe('custom');
  });
});

describe('report query', () => {
  it('reads a shared link and falls back to the caller’s area and this year', () => {
    expect(
      rangeFromQuery({ regionId: '12', from: '2026-02-01', to: '2026-03-01' }, '2026-12-06', 5),
    ).toEqual({
      regionId: 12,
      range: ['2026-02-01', '2026-03-01'],
    });
    expect(
      rangeFromQuery({ regionId: 'x', from: '2026-03-01', to: '2026-02-01' }, '2026-12-06', 5),
    ).toEqual({
      regionId: 5,
      range: ['2026-01-01', '2026-12-06'],
    });
    expect(rangeFromQuery({ from: 'tomorrow' }, '2026-12-06', null).regionId).toBeNull();
  });

  it('sends the same parameters for the rows, the xlsx and the address', () => {
    const filters = { regionId: 7, from: '2026-01-01', to: '2026-06-30' };
    expect(reportParams(filters)).toEqual(filters);
    expect(reportParams({ regionId: null, from: '', to: '2026-06-30' })).toEqual({
      to: '2026-06-30',
    });
    expect(rangeToQuery(filters)).toEqual({ regionId: '7', from: '2026-01-01', to: '2026-06-30' });
    expect(sameQuery(rangeToQuery(filters), { ...rangeToQuery(filters), tab: 'x' })).toBe(true);
    expect(sameQuery(rangeToQuery(filters), { from: '2026-01-01', to: '2026-06-30' })).toBe(false);
    expect(sameQuery({}, {})).toBe(true);
  });
});

describe('task chart', () => {
  const rows = [
    task('网格员一', { tasks: 10, done: 6, doneOnTime: 4, open: 3, overdue: 1, cancelled: 1 }),
    task('网格员二', { tasks: 2, open: 2 }),
  ];

  it('stacks each assignee’s tasks into parts that add up to the tasks', () => {
    for (const row of rows) {
      const parts = taskParts(row);
      expect(TASK_PARTS.reduce((total, p) => total + parts[p], 0)).toBe(row.tasks);
    }
    expect(taskParts(rows[0]!)).toEqual({
      doneOnTime: 4,
      doneLate: 2,
      inTime: 2,
      overdue: 1,
      cancelled: 1,
    });
  });

  it('has one stacked bar series per part, in assignee order', () => {
    const option = taskChart(rows, (p) => `label:${p}`)!;
    expect(option.xAxis.data).toEqual(['网格员一', '网格员二']);
    expect(option.series.map((s) => s.name)).toEqual(TASK_PARTS.map((p) => `label:${p}`));
    expect(option.series.every((s) => s.stack === 'tasks')).toBe(true);
    expect(option.series.find((s) => s.name === 'label:inTime')!.data).toEqual([2, 2]);
  });

  it('draws nothing without rows', () => {
    expect(taskChart([], String)).toBeNull();
    expect(personnelChart([], String)).toBeNull();
    expect(assessmentChart([], String)).toBeNull();
  });
});

describe('personnel chart', () => {
  it('has bars of counts and a line of patrol hours on the second axis', () => {
    const rows: PersonnelReportRow[] = [
      {
        userId: 1,
        name: '甲',
        reports: 3,
        patrols: 2,
        patrolHours: 1.5,
        patrolKm: 4.2,
        records: 5,
        recordsApproved: 4,
      },
    ];
    const option = personnelChart(rows, String)!;
    expect(option.series.map((s) => [s.name, s.type, s.data])).toEqual([
      ['reports', 'bar', [3]],
      ['patrols', 'bar', [2]],
      ['records', 'bar', [5]],
      ['patrolHours', 'line', [1.5]],
    ]);
    expect(option.series[3]).toMatchObject({ yAxisIndex: 1 });
  });
});

describe('assessment chart and figures', () => {
  const rows = [
    grid('320505006001001', { events: 10, closed: 4, onTimeRate: 0.75 }),
    grid('320505006001002', { events: 3, closed: 0 }),
    grid('320505006001003', { events: 6, closed: 6, onTimeRate: 0.5 }),
  ];

  it('stacks closed and not closed events and shows the on-time rate in percent with gaps', () => {
    const option = assessmentChart(rows, String)!;
    const [closed, unclosed, onTime] = option.series;
    expect(closed!.data).toEqual([4, 0, 6]);
    expect(unclosed!.data).toEqual([6, 3, 0]);
    expect(onTime!.data).toEqual([75, null, 50]);
  });

  it('weights the grids’ on-time rates by their closures', () => {
    // (0.75·4 + 0.5·6) / 10 closures
    expect(overallOnTimeRate(rows)).toBeCloseTo(0.6);
    expect(overallOnTimeRate([rows[1]!])).toBeNull();
    expect(sum(rows, (r) => r.events)).toBe(19);
  });
});
