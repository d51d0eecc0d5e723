/// <reference types="vitest/config" />
import { dirname, resolve as resolvePath } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import { panelCheckboxState } from './tools/panel-checkbox-fix.ts';

// The Host (dotnet run --project src/Host) listens on 5080; `npm run dev` proxies the API to it so that the
// HTTP-only session cookie stays same-origin.
// vitest 5 prints failures with Map.groupBy (Node 21+); this machine's Node 20 lacks it, and without it a failing
// test crashes the reporter instead of being reported.
if (typeof (Map as { groupBy?: unknown }).groupBy !== 'function') {
  (Map as unknown as { groupBy: <K, V>(items: Iterable<V>, key: (item: V, index: number) => K) => Map<K, V[]> }).groupBy = (items, key) => {
    const groups = new Map();
    let index = 0;
    for (const item of items) {
      const k = key(item, index++);
      if (!groups.has(k)) groups.set(k, []);
      groups.get(k).push(item);
    }
    return groups;
  };
}

/**
 * Tests only: @bpmn-io/properties-panel ships its own preact, whose hooks and JSX runtime import it as "../..". In the
 * browser build that is its ES module; under vitest it would be the CommonJS "main" next to the ES module the panel
 * imports by name, two preact instances whose hooks never meet. Both are pointed at the ES module here.
 */
const panelPreact = fileURLToPath(new URL('./node_modules/@bpmn-io/properties-panel/preact', import.meta.url));
const panelPreactModules: Record<string, string> = {
  '': 'dist/preact.module.js',
  '/hooks': 'hooks/dist/hooks.module.js',
  '/compat': 'compat/dist/compat.module.js',
  '/jsx-runtime': 'jsx-runtime/dist/jsxRuntime.module.js',
};
const onePanelPreact: Plugin = {
  name: 'anju-one-panel-preact',
  enforce: 'pre',
  resolveId(source, importer) {
    let target: string | undefined;
    if (source.startsWith('@bpmn-io/properties-panel/preact')) target = panelPreact + source.slice('@bpmn-io/properties-panel/preact'.length);
    else if (source.startsWith('.') && importer?.includes('/@bpmn-io/properties-panel/')) target = resolvePath(dirname(importer), source);
    const module = target?.startsWith(panelPreact) ? panelPreactModules[target.slice(panelPreact.length)] : undefined;
    return module ? `${panelPreact}/${module}` : null;
  },
};

const host = process.env.ANJU_HOST_URL ?? 'http://localhost:5080';

export default defineConfig({
  base: '/',
  server: {
    port: 5173,
    // docs/bpmn-subset.json (the engine's supported BPMN subset) lives outside this folder.
    fs: { allow: ['.', '../../docs'] },
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
  plugins: process.env.VITEST ? [onePanelPreact, panelCheckboxState] : [panelCheckboxState],
  // `npm run dev` pre-bundles the panel; the same fix applies there.
  optimizeDeps: { rolldownOptions: { plugins: [panelCheckboxState] } },
  test: {
    include: ['tests/**/*.test.ts'],
    environment: 'happy-dom',
    // bpmn-js and friends ship ESM with extensionless imports: let Vite transform them instead of Node.
    server: { deps: { inline: true } },
    // Their "main" is CommonJS, which Node would load untransformed; tests use the ESM build the browser gets.
    alias: [
      { find: /^bpmn-js-properties-panel$/, replacement: 'bpmn-js-properties-panel/dist/index.esm.js' },
      { find: /^@bpmn-io\/properties-panel$/, replacement: '@bpmn-io/properties-panel/dist/index.esm.js' },
    ],
  },
});
