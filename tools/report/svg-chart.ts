import { escapeHtml } from './escape-html';

/** One point of a chart: a period's label and its value (undefined: nothing to show that period). */
export interface ChartPoint {
  readonly label: string;
  readonly value: number | undefined;
}

export interface ChartOptions {
  /** Unique on the page (the SVG's title and description are referred to by id). */
  readonly id: string;
  readonly title: string;
  /** Read by screen readers instead of the drawing. */
  readonly description: string;
  readonly points: readonly ChartPoint[];
}

const WIDTH = 340;
const HEIGHT = 150;
const LEFT = 40;
const RIGHT = 10;
const TOP = 12;
const BOTTOM = 28;
const PLOT_W = WIDTH - LEFT - RIGHT;
const PLOT_H = HEIGHT - TOP - BOTTOM;

/** x of the i-th of n points. */
function x(index: number, count: number): number {
  return LEFT + (count <= 1 ? PLOT_W / 2 : (index / (count - 1)) * PLOT_W);
}

function frame(options: ChartOptions, yLabels: ReadonlyArray<readonly [number, string]>, body: string): string {
  const { id, points } = options;
  const grid = yLabels
    .map(([y, text]) => {
      const top = TOP + PLOT_H - y * PLOT_H;
      return (
        `<line x1="${LEFT}" x2="${WIDTH - RIGHT}" y1="${top}" y2="${top}" class="grid"/>` +
        `<text x="${LEFT - 6}" y="${top + 4}" text-anchor="end">${text}</text>`
      );
    })
    .join('');
  const ticks = xTicks(points.length)
    .map((index) => {
      const anchor = index === 0 ? 'start' : index === points.length - 1 ? 'end' : 'middle';
      return `<text x="${x(index, points.length)}" y="${HEIGHT - 8}" text-anchor="${anchor}">${escapeHtml(points[index].label)}</text>`;
    })
    .join('');
  return (
    `<svg viewBox="0 0 ${WIDTH} ${HEIGHT}" width="${WIDTH}" height="${HEIGHT}" role="img" ` +
    `aria-labelledby="${id}-title ${id}-desc" class="chart">` +
    `<title id="${id}-title">${escapeHtml(options.title)}</title>` +
    `<desc id="${id}-desc">${escapeHtml(options.description)}</desc>` +
    `${grid}${body}${ticks}</svg>`
  );
}

/** The first, last and (when there is room) middle point get a label on the time axis. */
function xTicks(count: number): number[] {
  if (count === 0) return [];
  if (count === 1) return [0];
  return count > 4 ? [0, Math.floor((count - 1) / 2), count - 1] : [0, count - 1];
}

/** A share (0-1) over time: a line, broken where a period had nothing to divide by; dots when few points. */
export function rateChart(options: ChartOptions): string {
  const { points } = options;
  let path = '';
  let drawing = false;
  points.forEach((point, index) => {
    if (point.value === undefined) {
      drawing = false;
      return;
    }
    const command = drawing ? 'L' : 'M';
    path += `${command}${x(index, points.length).toFixed(1)} ${(TOP + PLOT_H - point.value * PLOT_H).toFixed(1)}`;
    drawing = true;
  });
  const dots =
    points.length <= 45
      ? points
          .map((point, index) =>
            point.value === undefined
              ? ''
              : `<circle cx="${x(index, points.length).toFixed(1)}" cy="${(TOP + PLOT_H - point.value * PLOT_H).toFixed(1)}" r="2.5"/>`,
          )
          .join('')
      : '';
  const body = `<path d="${path}" class="line"/>${dots}`;
  return frame(
    options,
    [
      [0, '0%'],
      [0.5, '50%'],
      [1, '100%'],
    ],
    body,
  );
}

/** A count over time: one bar a period. */
export function countChart(options: ChartOptions): string {
  const { points } = options;
  const max = Math.max(1, ...points.map((point) => point.value ?? 0));
  const scale = niceMax(max);
  const slot = PLOT_W / Math.max(1, points.length);
  const width = Math.max(1, slot * 0.7);
  const bars = points
    .map((point, index) => {
      const height = ((point.value ?? 0) / scale) * PLOT_H;
      const left = LEFT + index * slot + (slot - width) / 2;
      return `<rect x="${left.toFixed(1)}" y="${(TOP + PLOT_H - height).toFixed(1)}" width="${width.toFixed(1)}" height="${height.toFixed(1)}"/>`;
    })
    .join('');
  return frame(
    options,
    [
      [0, '0'],
      [0.5, compact(scale / 2)],
      [1, compact(scale)],
    ],
    `<g class="bars">${bars}</g>`,
  );
}

/** A round number at or above the maximum, so the axis reads 0 / 50 / 100 rather than 0 / 43.5 / 87. */
function niceMax(max: number): number {
  const magnitude = 10 ** Math.floor(Math.log10(max));
  const step = [1, 2, 5, 10].find((factor) => factor * magnitude >= max) ?? 10;
  return step * magnitude;
}

function compact(value: number): string {
  if (value >= 1_000_000) return `${+(value / 1_000_000).toFixed(1)}M`;
  if (value >= 1_000) return `${+(value / 1_000).toFixed(1)}k`;
  return String(+value.toFixed(1));
}
