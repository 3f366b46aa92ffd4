/**
 * Apache ECharts, only what the statistics draw: bar charts on a grid with tooltip and legend,
 * on canvas (from `echarts/core`; the full bundle is several times larger). Imported by the
 * statistics screen alone, so it is in that section's lazy chunk and loaded when opened.
 */
import { BarChart } from 'echarts/charts';
import type { BarSeriesOption } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import type { GridComponentOption, LegendComponentOption, TooltipComponentOption } from 'echarts/components';
// `use` is ECharts' registry, not a React hook: renamed so neither readers nor the hooks lint confuse them.
import { init, use as registerEchartsParts, type ComposeOption, type ECharts } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';

registerEchartsParts([BarChart, GridComponent, TooltipComponent, LegendComponent, CanvasRenderer]);

/** An option the registered parts can draw. */
export type StatisticsChartOption = ComposeOption<
  BarSeriesOption | GridComponentOption | TooltipComponentOption | LegendComponentOption
>;

export { init, type ECharts };
