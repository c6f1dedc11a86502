import { POSITION_PERMISSIONS, positionsApi } from '@govgrid/api';
import { defineStore } from 'pinia';
import { ref } from 'vue';

/** How often the open app says where the worker is (the server may ask for another pace). */
export const HEARTBEAT_MS = 60_000;

/** A fix this old is still good enough for the command centre's board. */
const MAX_FIX_AGE_MS = 60_000;

/** `GeolocationPositionError.PERMISSION_DENIED`. */
const DENIED = 1;

/**
 * 在岗心跳: while the app is open and visible, the worker's position once a minute
 * (`POST /api/v1/patrol/heartbeat`), so that the command centre sees them on duty between
 * patrols. Nothing is queued offline: an old position is of no use on a live board. Stops for
 * good when the worker refuses the location permission.
 */
export const useHeartbeatStore = defineStore('heartbeat', () => {
  const lastSentAt = ref<number | null>(null);
  let timer: ReturnType<typeof setInterval> | null = null;
  let every = HEARTBEAT_MS;
  let refused = false;

  function beat() {
    if (refused || document.hidden || !navigator.onLine || !('geolocation' in navigator)) return;
    navigator.geolocation.getCurrentPosition(
      (position) => {
        const { longitude, latitude, accuracy } = position.coords;
        positionsApi
          .heartbeat({
            lon: longitude,
            lat: latitude,
            accuracy: Number.isFinite(accuracy) ? accuracy : null,
            at: new Date(position.timestamp).toISOString(),
          })
          .then((receipt) => {
            lastSentAt.value = Date.now();
            const asked = receipt.intervalSeconds * 1000;
            if (asked >= 15_000 && asked !== every) restart(asked);
          })
          .catch(() => {
            // the next beat tries again
          });
      },
      (error) => {
        if (error.code === DENIED) {
          refused = true;
          stop();
        }
      },
      { enableHighAccuracy: false, timeout: 20_000, maximumAge: MAX_FIX_AGE_MS },
    );
  }

  function restart(ms: number) {
    every = ms;
    if (timer) clearInterval(timer);
    timer = setInterval(beat, every);
  }

  /** For a signed-in worker whose roles may report a position (grid workers and chiefs). */
  function start(permissions: readonly string[] | undefined) {
    if (timer || refused || !permissions?.includes(POSITION_PERMISSIONS.POSITION_WRITE)) return;
    restart(every);
    beat();
    document.addEventListener('visibilitychange', onVisible);
  }

  function stop() {
    if (timer) clearInterval(timer);
    timer = null;
    document.removeEventListener('visibilitychange', onVisible);
  }

  function onVisible() {
    if (!document.hidden) beat();
  }

  return { lastSentAt, start, stop };
});
