import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { bundleReport, INITIAL_JS_BUDGET_BYTES } from './build/bundle-report.ts';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

/** The gateway `npm run dev` proxies /graphql to (the launcher's PORT). */
const gatewayPort = process.env['PORT'] ?? '3000';

export default defineConfig({
  root: here('.'),
  plugins: [react(), bundleReport(INITIAL_JS_BUDGET_BYTES, 'src/pages/search/SearchPage.tsx')],
  resolve: {
    // Pure rule modules shared with the services (no Nest imports): one place for each rule.
    alias: {
      '@ttm/taxonomy': here('../../libs/shared/taxonomy/src'),
      '@ttm/listing-rules': here('../../libs/marketplace/src/listing'),
      // The China clock those rules read (patent-number.ts: a filing year not after this year in China).
      '@ttm/clock': here('../../libs/shared/clock/src/index.ts'),
    },
  },
  build: {
    outDir: here('../../dist/apps/web'),
    emptyOutDir: true,
    chunkSizeWarningLimit: 1200,
  },
  server: {
    port: 5173,
    proxy: { '/graphql': `http://127.0.0.1:${gatewayPort}` },
  },
});
