/**
 * Apache ECharts, only what the reports draw: from `echarts/core` with the bar, line, pie and
 * heat-map charts, the grid, tooltip, legend and visual-map components, and the canvas renderer
 * (the full `echarts` bundle is several times larger). This module is imported by the reports
 * section alone, which the console loads when it is opened, so no kiosk ever downloads it.
 */
import { BarChart, HeatmapChart, LineChart, PieChart } from 'echarts/charts';
import type { BarSeriesOption, HeatmapSeriesOption, LineSeriesOption, PieSeriesOption } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent, VisualMapComponent } from 'echarts/components';
import type {
  GridComponentOption,
  LegendComponentOption,
  TooltipComponentOption,
  VisualMapComponentOption,
} from 'echarts/components';
// `use` is ECharts' registry, not a React hook: renamed so neither readers nor the hooks lint confuse them.
import { init, use as registerEchartsParts, type ComposeOption, type ECharts } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';

registerEchartsParts([
  BarChart,
  LineChart,
  PieChart,
  HeatmapChart,
  GridComponent,
  TooltipComponent,
  LegendComponent,
  VisualMapComponent,
  CanvasRenderer,
]);

/** An option the registered charts and components can draw (typed: a series of another kind does not compile). */
export type ReportChartOption = ComposeOption<
  | BarSeriesOption
  | LineSeriesOption
  | PieSeriesOption
  | HeatmapSeriesOption
  | GridComponentOption
  | TooltipComponentOption
  | LegendComponentOption
  | VisualMapComponentOption
>;

export { init, type ECharts };
