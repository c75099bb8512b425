/**
 * A time series as an SVG of its own (no charting library: one line or bar shape, two axes' labels
 * and a hidden table is all a dashboard needs, for a few hundred bytes). The picture is labelled for
 * screen readers, and the numbers are also in a table they can read.
 */
import { useId } from './ui.tsx';

export interface Point {
  /** The bucket's start, ISO 8601. */
  at: string;
  value: number;
}

const WIDTH = 600;
const HEIGHT = 140;
const PAD = { top: 10, right: 8, bottom: 22, left: 44 };

const compact = new Intl.NumberFormat(undefined, { notation: 'compact', maximumFractionDigits: 1 });

export function TimeChart({
  title,
  points,
  unit = '',
  kind = 'bars',
  tickFormat,
}: {
  title: string;
  points: readonly Point[];
  unit?: string;
  kind?: 'bars' | 'line';
  /** How a bucket's start is labelled under the axis. */
  tickFormat: (at: Date) => string;
}) {
  const id = useId('chart');
  const max = Math.max(1, ...points.map((point) => point.value));
  const plotWidth = WIDTH - PAD.left - PAD.right;
  const plotHeight = HEIGHT - PAD.top - PAD.bottom;
  const step = points.length > 0 ? plotWidth / points.length : plotWidth;
  const x = (index: number) => PAD.left + index * step;
  const y = (value: number) => PAD.top + plotHeight - (value / max) * plotHeight;
  const total = points.reduce((sum, point) => sum + point.value, 0);
  const first = points[0];
  const last = points[points.length - 1];
  const summary = `${title}: ${compact.format(kind === 'bars' ? total : max)}${unit} ${kind === 'bars' ? 'in all' : 'at most'}`;
  return (
    <figure class="chart-figure">
      <figcaption id={`${id}-caption`}>
        <strong>{title}</strong> <span class="muted">{summary.slice(title.length + 2)}</span>
      </figcaption>
      <svg class="chart" viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-labelledby={`${id}-caption`}>
        <line class="axis" x1={PAD.left} x2={WIDTH - PAD.right} y1={y(0)} y2={y(0)} />
        <text class="tick" x={PAD.left - 6} y={y(max) + 4} text-anchor="end">
          {compact.format(max)}
          {unit}
        </text>
        <text class="tick" x={PAD.left - 6} y={y(0)} text-anchor="end">
          0
        </text>
        {kind === 'bars' ? (
          points.map((point, index) =>
            point.value > 0 ? (
              <rect
                key={point.at}
                class="bar"
                x={x(index) + step * 0.1}
                width={Math.max(step * 0.8, 1)}
                y={y(point.value)}
                height={y(0) - y(point.value)}
              />
            ) : null,
          )
        ) : (
          <polyline
            class="line"
            points={points.map((point, index) => `${x(index) + step / 2},${y(point.value)}`).join(' ')}
          />
        )}
        {first && (
          <text class="tick" x={PAD.left} y={HEIGHT - 6}>
            {tickFormat(new Date(first.at))}
          </text>
        )}
        {last && (
          <text class="tick" x={WIDTH - PAD.right} y={HEIGHT - 6} text-anchor="end">
            {tickFormat(new Date(last.at))}
          </text>
        )}
      </svg>
      <table class="visually-hidden">
        <caption>{title}</caption>
        <thead>
          <tr>
            <th scope="col">Time</th>
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
