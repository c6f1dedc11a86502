// The ECharts parts the console draws with, registered once (keeps the bundle to what is used).
import {
  BarChart,
  CustomChart,
  EffectScatterChart,
  GaugeChart,
  LineChart,
  MapChart,
  PieChart,
} from 'echarts/charts';
import {
  GeoComponent,
  GridComponent,
  LegendComponent,
  TooltipComponent,
  VisualMapContinuousComponent,
} from 'echarts/components';
import { registerMap, use } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';

use([
  CanvasRenderer,
  BarChart,
  CustomChart,
  LineChart,
  PieChart,
  GaugeChart,
  MapChart,
  EffectScatterChart,
  GeoComponent,
  GridComponent,
  LegendComponent,
  TooltipComponent,
  VisualMapContinuousComponent,
]);

export { registerMap };
