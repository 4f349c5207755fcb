// The <svg> every chart shares: a title and a description for assistive technology (role=img with
// aria-labelledby), the app's font, and a fixed pixel width so text keeps its size at 360 px.
import type { ReactNode } from 'react';
import { FONT } from './theme.ts';

export interface ChartText {
  /** Read first by assistive technology; also the PDF's caption. */
  title: string;
  /** What the chart shows and where its figures are as text (the table beneath it). */
  description: string;
  /** Unique on the page: prefixes the ids of the title, description and patterns. */
  id: string;
}

export function ChartFrame({
  text,
  width,
  height,
  children,
}: {
  text: ChartText;
  width: number;
  height: number;
  children: ReactNode;
}) {
  return (
    <svg
      xmlns="http://www.w3.org/2000/svg"
      width={width}
      height={height}
      viewBox={`0 0 ${width} ${height}`}
      role="img"
      aria-labelledby={`${text.id}-title ${text.id}-desc`}
      fontFamily={FONT}
      className="chart"
    >
      <title id={`${text.id}-title`}>{text.title}</title>
      <desc id={`${text.id}-desc`}>{text.description}</desc>
      {children}
    </svg>
  );
}
