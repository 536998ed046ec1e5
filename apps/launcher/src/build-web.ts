import { ensureWebBuild } from './web-build';

/** `npm run web:build`: builds apps/web into dist/apps/web when stale (`--force`: always). */
ensureWebBuild((line) => console.log(`[web] ${line}`), process.argv.includes('--force'))
  .then((built) => {
    if (!built) console.log('[web] dist/apps/web is up to date');
  })
  .catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
