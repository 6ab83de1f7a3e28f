import { useId, type ReactNode } from 'react';

interface ChartFigureProps {
  title: string;
  /** One sentence that says what the chart shows, read to screen readers in place of the picture. */
  summary: string;
  chart: ReactNode;
  table: { head: string[]; rows: (string | number)[][] };
}

/**
 * A chart with its words: the picture is one image named by its summary, and the same numbers
 * are a real table (open by default for screen readers through the disclosure).
 */
export function ChartFigure({ title, summary, chart, table }: ChartFigureProps) {
  const titleId = useId();
  return (
    <figure className="chart" aria-labelledby={titleId}>
      <figcaption id={titleId}>
        <h3>{title}</h3>
        <p className="hint">{summary}</p>
      </figcaption>
      <div role="img" aria-label={`${title}: ${summary}`} className="chart-picture">
        {chart}
      </div>
      <details>
        <summary>Show the numbers as a table</summary>
        <table className="data-table">
          <caption className="visually-hidden">{title}</caption>
          <thead>
            <tr>{table.head.map((h) => <th key={h} scope="col">{h}</th>)}</tr>
          </thead>
          <tbody>
            {table.rows.map((row, i) => (
              <tr key={i}>
                {row.map((cell, j) => (j === 0 ? <th key={j} scope="row">{cell}</th> : <td key={j}>{cell}</td>))}
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
