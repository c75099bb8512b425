/**
 * A time series as bars in an SVG of its own (no charting library: one shape per bucket and four
 * labels are all a dashboard needs, for a few hundred bytes). The shapes stretch to the width they
 * are given; the labels are HTML beside them, so they keep their size on a phone. The figure is
 * labelled for screen readers, and its numbers are in a table they can read.
 */

export interface Point {
  /** The bucket's start, ISO 8601. */
  at: string;
  value: number;
}

const WIDTH = 600;
const HEIGHT = 100;

const compact = new Intl.NumberFormat(undefined, { notation: 'compact', maximumFractionDigits: 1 });

export function TimeChart({
  title,
  points,
  unit = '',
  summary = 'total',
  tickFormat,
}: {
  title: string;
  points: readonly Point[];
  unit?: string;
  /** What the caption says of the series: its total, or its highest value (for latencies). */
  summary?: 'total' | 'highest';
  /** How a bucket's start is labelled under the axis. */
  tickFormat: (at: Date) => string;
}) {
  const max = Math.max(0, ...points.map((point) => point.value));
  const scale = max || 1;
  const step = points.length > 0 ? WIDTH / points.length : WIDTH;
  const total = points.reduce((sum, point) => sum + point.value, 0);
  const first = points[0];
  const last = points[points.length - 1];
  const said = summary === 'total' ? `${compact.format(total)}${unit} in all` : `${compact.format(max)}${unit} at most`;
  return (
    <figure class="chart-figure" aria-label={`${title}: ${said}`}>
      <figcaption aria-hidden="true">
        <strong>{title}</strong> <span class="muted">{said}</span>
      </figcaption>
      <div class="chart-body" aria-hidden="true">
        <div class="chart-y">
          <span>
            {compact.format(max)}
            {unit}
          </span>
          <span>0</span>
        </div>
        <svg class="chart" viewBox={`0 0 ${WIDTH} ${HEIGHT}`} preserveAspectRatio="none" aria-hidden="true">
          <line class="axis" x1={0} x2={WIDTH} y1={HEIGHT} y2={HEIGHT} />
          {points.map((point, index) =>
            point.value > 0 ? (
              <rect
                key={point.at}
                class="bar"
                x={index * step + step * 0.1}
                width={Math.max(step * 0.8, 1)}
                y={HEIGHT - (point.value / scale) * HEIGHT}
                height={(point.value / scale) * HEIGHT}
              />
            ) : null,
          )}
        </svg>
      </div>
      {first && last && (
        <div class="chart-x" aria-hidden="true">
          <span>{tickFormat(new Date(first.at))}</span>
          <span>{tickFormat(new Date(last.at))}</span>
        </div>
      )}
      <table class="visually-hidden">
        <caption>{title}, where not zero</caption>
        <thead>
          <tr>
            <th scope="col">From</th>
            <th scope="col">Value</th>
          </tr>
        </thead>
        <tbody>
          {points
            .filter((point) => point.value > 0)
            .map((point) => (
              <tr key={point.at}>
                <td>{tickFormat(new Date(point.at))}</td>
                <td>
                  {point.value}
                  {unit}
                </td>
              </tr>
            ))}
        </tbody>
      </table>
    </figure>
  );
}
