export interface ChartPadding {
  left: number;
  right: number;
  top: number;
  bottom: number;
}

/** The bar charts' baseline with its 0 and maximum ticks. */
export function ValueAxis({ width, pad, plotH, max, maxTickOffset }: { width: number; pad: ChartPadding; plotH: number; max: number; maxTickOffset: number }) {
  return (
    <>
      <line x1={pad.left} x2={width - pad.right} y1={pad.top + plotH} y2={pad.top + plotH} className="axis" />
      <text x={pad.left - 6} y={pad.top + maxTickOffset} className="tick" textAnchor="end">{max}</text>
      <text x={pad.left - 6} y={pad.top + plotH} className="tick" textAnchor="end">0</text>
    </>
  );
}
