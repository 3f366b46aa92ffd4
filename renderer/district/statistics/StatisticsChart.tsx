import { useEffect, useRef } from 'react';
import { init, type StatisticsChartOption } from './echarts-setup';

/**
 * One bar chart on a canvas, redrawn when its option changes and resized with its box. For
 * assistive technology it is an image with a label; the same figures are in the table below.
 */
export function StatisticsChart({
  option,
  label,
  height = 280,
}: {
  option: StatisticsChartOption;
  label: string;
  height?: number;
}) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<ReturnType<typeof init> | null>(null);

  useEffect(() => {
    const element = box.current;
    if (!element) return;
    const instance = init(element, undefined, { renderer: 'canvas' });
    chart.current = instance;
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(element);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption(option, true);
  }, [option]);

  return <div ref={box} className="dst-stat-chart" role="img" aria-label={label} style={{ height }} />;
}
