/// <reference types="vitest/config" />
import { defineConfig } from 'vite';

// The Host (dotnet run --project src/Host) listens on 5080; `npm run dev` proxies the API to it so that the
// HTTP-only session cookie stays same-origin.
const host = process.env.ANJU_HOST_URL ?? 'http://localhost:5080';

export default defineConfig({
  base: '/',
  server: {
    port: 5173,
    proxy: {
      '/api': { target: host, changeOrigin: false },
      '/health': { target: host },
    },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 4000,
    sourcemap: true,
  },
  test: {
    include: ['tests/**/*.test.ts'],
    environment: 'happy-dom',
  },
});
