/** Registers `/m/sw.js` (scope `/m/`) in production builds only: the dev server has no shell. */
export function registerServiceWorker(): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  const base = import.meta.env.BASE_URL;
  window.addEventListener('load', () => {
    navigator.serviceWorker.register(`${base}sw.js`, { scope: base }).catch((error) => {
      console.warn('service worker not registered', error);
    });
  });
}
