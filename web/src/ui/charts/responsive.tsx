// Charts are drawn at the pixel width of their container (not scaled down from a fixed viewBox),
// so their text keeps its size on a 360 px phone. The width is measured with a ResizeObserver.
import { type ReactNode, useLayoutEffect, useRef, useState } from 'react';
import { DEFAULT_WIDTH } from './theme.ts';

export function Responsive({
  children,
  max = 760,
}: {
  children: (width: number) => ReactNode;
  max?: number;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState<number | null>(null);
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element) return;
    const measure = () => setWidth(Math.min(max, Math.floor(element.getBoundingClientRect().width)));
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, [max]);
  return (
    <div ref={ref} className="chart-box">
      {children(width ?? Math.min(max, DEFAULT_WIDTH))}
    </div>
  );
}
