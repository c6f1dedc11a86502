import type { StatsMeasure, StatsMonth, StatsShare } from '@/api';

/** The measures the grid map can colour by. */
export const MAP_MEASURES: StatsMeasure[] = [
  'count',
  'onTimeRate',
  'overdue',
  'avgHandlingHours',
  'satisfaction',
];

/** The console's chart palette (brand blue first). */
export const PALETTE = [
  '#1f5fbf',
  '#2fa8a0',
  '#f2a93b',
  '#e8684a',
  '#6b8fd6',
  '#9a60b4',
  '#5ab1ef',
  '#8fc31f',
  '#d87a80',
  '#6e7074',
];

/** Event levels in the colours of their gravity. */
export const LEVEL_COLOURS: Record<string, string> = {
  GENERAL: '#5b8ff9',
  MAJOR: '#f6bd16',
  SERIOUS: '#f08c3a',
  EXTRAORDINARY: '#e8473c',
};

export interface ChartLook {
  /** text colour (dark on the console, light on the big screen) */
  text: string;
  /** axis and split lines */
  line: string;
}

export const LIGHT: ChartLook = { text: '#4b5563', line: '#e5e8ef' };
export const DARK: ChartLook = { text: '#c9d6ee', line: 'rgba(120, 160, 220, 0.25)' };

/** A data item that remembers its share (for the click that drills). */
export interface ShareDatum {
  name: string;
  value: number;
  share: StatsShare;
  itemStyle?: { color: string };
}

function shareData(
  shares: readonly StatsShare[],
  label: (code: string) => string,
  colours?: Record<string, string>,
): ShareDatum[] {
  return shares.map((share) => ({
    name: label(share.key) || share.name,
    value: share.count,
    share,
    ...(colours?.[share.key] ? { itemStyle: { color: colours[share.key]! } } : {}),
  }));
}

/** A doughnut of shares, legend below. */
export function pieOption(
  shares: readonly StatsShare[],
  label: (code: string) => string,
  look: ChartLook = LIGHT,
  colours?: Record<string, string>,
) {
  return {
    color: PALETTE,
    tooltip: { trigger: 'item', formatter: '{b}: {c} ({d}%)' },
    legend: {
      type: 'scroll',
      bottom: 0,
      textStyle: { color: look.text },
      itemWidth: 12,
      itemHeight: 12,
    },
    series: [
      {
        type: 'pie',
        radius: ['42%', '68%'],
        center: ['50%', '44%'],
        avoidLabelOverlap: true,
        label: { color: look.text, formatter: '{b}\n{c}' },
        data: shareData(shares, label, colours),
      },
    ],
  };
}

/** Horizontal bars, the biggest on top (categories, rankings). */
export function barOption(
  shares: readonly StatsShare[],
  label: (code: string) => string,
  look: ChartLook = LIGHT,
  options: { horizontal?: boolean; colours?: Record<string, string>; color?: string } = {},
) {
  const data = shareData(shares, label, options.colours);
  const horizontal = options.horizontal ?? true;
  const categories = data.map((d) => d.name);
  const valueAxis = {
    type: 'value',
    minInterval: 1,
    axisLabel: { color: look.text },
    splitLine: { lineStyle: { color: look.line } },
  };
  const categoryAxis = {
    type: 'category',
    data: horizontal ? [...categories].reverse() : categories,
    axisLabel: { color: look.text, width: 96, overflow: 'truncate' },
    axisLine: { lineStyle: { color: look.line } },
    axisTick: { show: false },
  };
  return {
    color: [options.color ?? PALETTE[0]],
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    grid: { left: 8, right: 40, top: 12, bottom: 8, containLabel: true },
    xAxis: horizontal ? valueAxis : categoryAxis,
    yAxis: horizontal ? categoryAxis : valueAxis,
    series: [
      {
        type: 'bar',
        barMaxWidth: 22,
        label: { show: true, position: horizontal ? 'right' : 'top', color: look.text },
        data: horizontal ? [...data].reverse() : data,
      },
    ],
  };
}

/** Reported (bars) and closed (line) per month. */
export function monthlyOption(
  months: readonly StatsMonth[],
  names: { reported: string; handled: string },
  look: ChartLook = LIGHT,
) {
  return {
    color: [PALETTE[0], PALETTE[2]],
    tooltip: { trigger: 'axis' },
    legend: { top: 0, textStyle: { color: look.text } },
    grid: { left: 8, right: 16, top: 32, bottom: 8, containLabel: true },
    xAxis: {
      type: 'category',
      data: months.map((m) => m.month),
      axisLabel: { color: look.text },
      axisLine: { lineStyle: { color: look.line } },
    },
    yAxis: {
      type: 'value',
      minInterval: 1,
      axisLabel: { color: look.text },
      splitLine: { lineStyle: { color: look.line } },
    },
    series: [
      {
        name: names.reported,
        type: 'bar',
        barMaxWidth: 24,
        data: months.map((m) => m.reported),
      },
      {
        name: names.handled,
        type: 'line',
        smooth: true,
        symbolSize: 7,
        data: months.map((m) => m.handled),
      },
    ],
  };
}

/** The on-time rate as a gauge (0–100 %); an empty gauge when nothing was closed. */
export function gaugeOption(rate: number | null, name: string, look: ChartLook = LIGHT) {
  const percent = rate == null ? 0 : Math.round(rate * 1000) / 10;
  return {
    series: [
      {
        type: 'gauge',
        startAngle: 210,
        endAngle: -30,
        min: 0,
        max: 100,
        radius: '92%',
        center: ['50%', '58%'],
        progress: {
          show: true,
          width: 12,
          itemStyle: { color: percent >= 90 ? '#2fa8a0' : '#f2a93b' },
        },
        axisLine: { lineStyle: { width: 12, color: [[1, look.line]] } },
        axisTick: { show: false },
        splitLine: { show: false },
        axisLabel: { show: false },
        pointer: { show: false },
        anchor: { show: false },
        title: { show: true, offsetCenter: [0, '42%'], color: look.text, fontSize: 13 },
        detail: {
          valueAnimation: true,
          offsetCenter: [0, '-4%'],
          fontSize: 26,
          fontWeight: 600,
          color: look.text === LIGHT.text ? '#0f2144' : '#ffffff',
          formatter: rate == null ? '—' : '{value}%',
        },
        data: [{ value: percent, name }],
      },
    ],
  };
}

/** `0.934` → `93.4%`, nothing → `—`. */
export function percent(rate: number | null | undefined): string {
  if (rate == null || Number.isNaN(rate)) return '—';
  return `${Math.round(rate * 1000) / 10}%`;
}

/** Hours with one decimal, nothing → `—`. */
export function hours(value: number | null | undefined): string {
  if (value == null || Number.isNaN(value)) return '—';
  return (Math.round(value * 10) / 10).toString();
}
