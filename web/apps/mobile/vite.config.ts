import vue from '@vitejs/plugin-vue';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath, URL } from 'node:url';
import { defineConfig, type Plugin } from 'vite';

const server = process.env.GOVGRID_SERVER ?? 'http://localhost:8080';
const proxy = {
  '/api': { target: server, changeOrigin: false },
};

const BASE = '/m/';
/** Files of `public/` that belong to the app shell (the service worker caches them too). */
const PUBLIC_SHELL = ['manifest.webmanifest', 'icon.svg', 'icon-192.png', 'icon-512.png'];

/**
 * Writes `sw.js` next to index.html: the hand-written worker in `src/sw/sw.js` with the list of
 * built files (the app shell) and a version derived from them filled in.
 */
function serviceWorker(): Plugin {
  return {
    name: 'govgrid-service-worker',
    apply: 'build',
    generateBundle(_options, bundle) {
      const files = Object.keys(bundle)
        .filter((name) => !name.endsWith('.map'))
        .sort();
      const shell = [BASE, ...files.map((f) => BASE + f), ...PUBLIC_SHELL.map((f) => BASE + f)];
      const version = createHash('sha256').update(shell.join('\n')).digest('hex').slice(0, 12);
      const template = readFileSync(new URL('./src/sw/sw.js', import.meta.url), 'utf8');
      this.emitFile({
        type: 'asset',
        fileName: 'sw.js',
        source: template
          .replace("'__SHELL__'", JSON.stringify(shell))
          .replace('__VERSION__', version),
      });
    },
  };
}

// The build lands in web/target/classes/static/m (after the console, which empties
// web/target/classes/static): Spring Boot serves it at /m/ with a fallback to m/index.html.
export default defineConfig({
  base: BASE,
  plugins: [vue(), serviceWorker()],
  resolve: {
    alias: { '@m': fileURLToPath(new URL('./src', import.meta.url)) },
  },
  server: { port: 5174, proxy },
  preview: { port: 4174, proxy },
  build: {
    outDir: '../../target/classes/static/m',
    emptyOutDir: true,
    assetsDir: 'assets',
    chunkSizeWarningLimit: 1200,
  },
});
