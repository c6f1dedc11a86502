// The crowd heat map's arithmetic: quarter-hour steps over the last days, and the colour of a
// count on a white → yellow → red scale.

export const QUARTER_MS = 15 * 60 * 1000;

/** The start of the quarter hour holding `time`. */
export function quarterOf(time: number): number {
  return Math.floor(time / QUARTER_MS) * QUARTER_MS;
}

/** The number of quarter-hour steps in `days` days (the slider's last index is this − 1). */
export function stepCount(days: number): number {
  return days * 96;
}

/** The bucket start of slider step `index`, counting back from `latest` (the last step). */
export function stepTime(latest: number, index: number, steps: number): number {
  return latest - (steps - 1 - index) * QUARTER_MS;
}

const STOPS: [number, [number, number, number]][] = [
  [0, [255, 247, 204]],
  [0.35, [254, 196, 79]],
  [0.7, [240, 101, 42]],
  [1, [189, 0, 38]],
];

/** The fill colour of `count` against the scale's top `max` (at least 1). */
export function heatColour(count: number | null, max: number): string {
  if (count == null) return '#d5d9e0';
  const share = Math.min(1, Math.max(0, count / Math.max(1, max)));
  for (let i = 1; i < STOPS.length; i++) {
    const [at, colour] = STOPS[i];
    const [prevAt, prev] = STOPS[i - 1];
    if (share <= at) {
      const f = (share - prevAt) / (at - prevAt);
      const mix = prev.map((c, k) => Math.round(c + (colour[k] - c) * f));
      return `rgb(${mix[0]}, ${mix[1]}, ${mix[2]})`;
    }
  }
  return 'rgb(189, 0, 38)';
}

/** How many times its usual count a grid holds, one decimal; null without both. */
export function usualRatio(people: number | null, usual: number | null): number | null {
  if (people == null || usual == null || usual <= 0) return null;
  return Math.round((people / usual) * 10) / 10;
}
