import { useEffect, useRef } from 'react';
import { init, type ECharts, type ReportChartOption } from './echarts-setup';

/**
 * One ECharts chart on a canvas, redrawn when its option changes and resized with its box and for
 * printing (so the printed page gets a chart drawn at the page's width, not the screen's). For
 * assistive technology it is an image with a label; the same figures are in the table after it.
 */
export function EChart({ option, label, height = 320 }: { option: ReportChartOption; label: string; height?: number }) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<ECharts | null>(null);

  useEffect(() => {
    const element = box.current;
    if (!element) return;
    // Twice the pixels of a plain screen: printed to PDF the chart stays sharp.
    const instance = init(element, undefined, { renderer: 'canvas', devicePixelRatio: Math.max(2, window.devicePixelRatio) });
    chart.current = instance;
    const resize = () => instance.resize();
    const observer = new ResizeObserver(resize);
    observer.observe(element);
    window.addEventListener('beforeprint', resize);
    window.addEventListener('afterprint', resize);
    return () => {
      observer.disconnect();
      window.removeEventListener('beforeprint', resize);
      window.removeEventListener('afterprint', resize);
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption(option, true);
  }, [option]);

  return <div ref={box} className="mgr-rep-chart" role="img" aria-label={label} style={{ height }} />;
}
