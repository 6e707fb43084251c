import { useEffect, useRef } from 'react';
import { type EChartsCoreOption, echarts } from './echarts';

export interface ChartClick {
  seriesIndex?: number;
  dataIndex: number;
}

/** One ECharts instance in a div: created once, updated with each option, resized with its box. */
export function EChart({ option, onClick, height = 300, testId }: { option: EChartsCoreOption; onClick?: (e: ChartClick) => void; height?: number; testId: string }) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<ReturnType<typeof echarts.init> | null>(null);
  const clickRef = useRef(onClick);
  clickRef.current = onClick;

  useEffect(() => {
    if (!box.current) return;
    const instance = echarts.init(box.current);
    chart.current = instance;
    instance.on('click', (e) => clickRef.current?.({ dataIndex: e.dataIndex, ...(e.seriesIndex !== undefined ? { seriesIndex: e.seriesIndex } : {}) }));
    const resize = new ResizeObserver(() => instance.resize());
    resize.observe(box.current);
    return () => {
      resize.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption(option, { notMerge: true });
  }, [option]);

  return <div ref={box} style={{ width: '100%', height }} data-testid={testId} />;
}
