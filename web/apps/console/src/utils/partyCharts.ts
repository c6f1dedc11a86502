import { LIGHT, PALETTE } from '@/views/dashboard/utils/charts';

// The ECharts options of the 党建统计 page (party red first, then the console's palette).

export const PARTY_PALETTE = ['#c8161d', '#e8684a', '#f2a93b', ...PALETTE];

const axis = {
  axisLabel: { color: LIGHT.text },
  axisLine: { lineStyle: { color: LIGHT.line } },
};

/** Activities per month as bars. */
export function monthBarOption(months: readonly { month: string; count: number }[], name: string) {
  return {
    color: [PARTY_PALETTE[0]],
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    grid: { left: 8, right: 16, top: 24, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: months.map((m) => m.month), ...axis },
    yAxis: {
      type: 'value',
      minInterval: 1,
      axisLabel: { color: LIGHT.text },
      splitLine: { lineStyle: { color: LIGHT.line } },
    },
    series: [
      {
        name,
        type: 'bar',
        barMaxWidth: 28,
        label: { show: true, position: 'top', color: LIGHT.text },
        data: months.map((m) => m.count),
      },
    ],
  };
}

/** A doughnut of named counts, legend below (parts of zero left out of the ring). */
export function doughnutOption(items: readonly { name: string; value: number }[]) {
  return {
    color: PARTY_PALETTE,
    tooltip: { trigger: 'item', formatter: '{b}: {c} ({d}%)' },
    legend: { type: 'scroll', bottom: 0, textStyle: { color: LIGHT.text }, itemWidth: 12 },
    series: [
      {
        type: 'pie',
        radius: ['40%', '66%'],
        center: ['50%', '44%'],
        label: { color: LIGHT.text, formatter: '{b}\n{c}' },
        data: items.filter((i) => i.value > 0),
      },
    ],
  };
}

/** Horizontal bars of named counts, the first on top. */
export function horizontalBarOption(
  items: readonly { name: string; value: number }[],
  options: { percent?: boolean } = {},
) {
  const reversed = [...items].reverse();
  return {
    color: [PARTY_PALETTE[0]],
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      ...(options.percent ? { valueFormatter: (v: number) => `${v}%` } : {}),
    },
    grid: { left: 8, right: 48, top: 8, bottom: 8, containLabel: true },
    xAxis: {
      type: 'value',
      minInterval: 1,
      ...(options.percent ? { max: 100 } : {}),
      axisLabel: { color: LIGHT.text, ...(options.percent ? { formatter: '{value}%' } : {}) },
      splitLine: { lineStyle: { color: LIGHT.line } },
    },
    yAxis: {
      type: 'category',
      data: reversed.map((i) => i.name),
      axisLabel: { color: LIGHT.text, width: 110, overflow: 'truncate' },
      axisLine: { lineStyle: { color: LIGHT.line } },
      axisTick: { show: false },
    },
    series: [
      {
        type: 'bar',
        barMaxWidth: 18,
        label: {
          show: true,
          position: 'right',
          color: LIGHT.text,
          ...(options.percent ? { formatter: '{c}%' } : {}),
        },
        data: reversed.map((i) => i.value),
      },
    ],
  };
}
