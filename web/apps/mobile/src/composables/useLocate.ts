import { ref } from 'vue';

export interface LonLat {
  lon: number;
  lat: number;
}

/**
 * The phone's position for a report form: `locate()` asks the browser (high accuracy, a minute
 * old at most) and hands the point, rounded to 7 decimals like the server keeps it, to
 * `located`. `failed` when there is no geolocation or the worker refused it.
 */
export function useLocate(located: (point: LonLat) => void) {
  const locating = ref(false);
  const failed = ref(false);

  function locate() {
    if (!('geolocation' in navigator)) {
      failed.value = true;
      return;
    }
    locating.value = true;
    failed.value = false;
    navigator.geolocation.getCurrentPosition(
      (position) => {
        locating.value = false;
        located({
          lon: Math.round(position.coords.longitude * 1e7) / 1e7,
          lat: Math.round(position.coords.latitude * 1e7) / 1e7,
        });
      },
      () => {
        locating.value = false;
        failed.value = true;
      },
      { enableHighAccuracy: true, timeout: 15_000, maximumAge: 60_000 },
    );
  }

  return { locating, failed, locate };
}
