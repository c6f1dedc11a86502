import vue from '@vitejs/plugin-vue';
import { fileURLToPath, URL } from 'node:url';
import { defineConfig } from 'vite';

const server = process.env.GOVGRID_SERVER ?? 'http://localhost:8080';
// the dev server and `vite preview` both pass the API (and the actuator, OpenAPI) through
const proxy = {
  '/api': { target: server, changeOrigin: false },
  '/actuator': { target: server, changeOrigin: false },
  '/v3': { target: server, changeOrigin: false },
};

// The build lands in web/target/classes/static: Maven packs it into the govgrid-web jar and
// Spring Boot serves it at "/" (unknown non-API paths are forwarded to index.html).
export default defineConfig({
  base: '/',
  plugins: [vue()],
  resolve: {
    alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) },
  },
  server: { port: 5173, proxy },
  preview: { port: 4173, proxy },
  build: {
    outDir: '../../target/classes/static',
    emptyOutDir: true,
    assetsDir: 'assets',
    // Element Plus is imported whole (one chunk); pages and Leaflet are split per route.
    chunkSizeWarningLimit: 1600,
  },
});
