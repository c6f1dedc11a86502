import type { WorkerPosition } from '@/api';

/** "85 m" / "1.2 km": distances on the dispatch dialog, in the caller's language. */
export function formatDistance(
  metres: number | null | undefined,
  t: (key: string, values: Record<string, unknown>) => string,
): string {
  if (metres === null || metres === undefined) return '';
  if (metres < 1000) return t('positions.distance', { m: Math.round(metres) });
  return t('positions.distanceKm', { km: (metres / 1000).toFixed(1) });
}

/** How long ago the fix was taken, from the server's `ageSeconds` plus the time since loading. */
export function formatAge(
  position: Pick<WorkerPosition, 'ageSeconds'>,
  sinceLoadSeconds: number,
  t: (key: string, values: Record<string, unknown>) => string,
): string {
  const seconds = Math.max(0, Math.round(position.ageSeconds + sinceLoadSeconds));
  if (seconds < 60) return t('positions.ago', { n: seconds });
  return t('positions.minutesAgo', { n: Math.floor(seconds / 60) });
}

/**
 * Runs `task` at most once per `gapMs`: a call inside the gap is run once at its end, so a burst
 * of stream events costs one fetch (and one audit row) rather than many.
 */
export function throttled(
  task: () => void,
  gapMs: number,
): { run: () => void; cancel: () => void } {
  let last = 0;
  let timer: ReturnType<typeof setTimeout> | null = null;
  const fire = () => {
    timer = null;
    last = Date.now();
    task();
  };
  return {
    run() {
      if (timer) return;
      const wait = last + gapMs - Date.now();
      if (wait <= 0) fire();
      else timer = setTimeout(fire, wait);
    },
    cancel() {
      if (timer) clearTimeout(timer);
      timer = null;
    },
  };
}
