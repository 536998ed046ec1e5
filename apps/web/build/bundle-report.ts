import { gzipSync } from 'node:zlib';
import type { Plugin } from 'vite';

/** The most JavaScript the first page may download, gzipped. */
export const INITIAL_JS_BUDGET_BYTES = 350 * 1024;

interface ChunkLike {
  type: 'chunk';
  fileName: string;
  facadeModuleId: string | null;
  code: string;
  isEntry: boolean;
  imports: string[];
  dynamicImports: string[];
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

/**
 * Prints the JavaScript the initial route loads (the entry chunk, the home page's lazy chunk and
 * everything they import statically, gzipped) and fails the build when it exceeds the budget. Other
 * lazy route chunks are listed apart: they load only when their page opens.
 */
export function bundleReport(budgetBytes: number, homePageModule: string): Plugin {
  return {
    name: 'techbridge-bundle-report',
    apply: 'build',
    generateBundle(_options, bundle) {
      const chunks = new Map<string, ChunkLike>();
      for (const output of Object.values(bundle)) if (output.type === 'chunk') chunks.set(output.fileName, output as ChunkLike);
      const entry = [...chunks.values()].find((chunk) => chunk.isEntry);
      if (!entry) return;
      const initial = new Set<string>();
      const visit = (fileName: string) => {
        if (initial.has(fileName)) return;
        initial.add(fileName);
        chunks.get(fileName)?.imports.forEach(visit);
      };
      visit(entry.fileName);
      const home = [...chunks.values()].find((chunk) => chunk.facadeModuleId?.endsWith(homePageModule));
      if (!home) this.error(`no chunk for the home page ${homePageModule}`);
      visit(home.fileName);
      const gzipped = (fileName: string) => gzipSync(chunks.get(fileName)?.code ?? '', { level: 9 }).length;
      const initialSizes = [...initial].map((fileName) => [fileName, gzipped(fileName)] as const);
      const total = initialSizes.reduce((sum, [, size]) => sum + size, 0);
      const lazy = [...chunks.keys()].filter((fileName) => !initial.has(fileName));
      const lazyTotal = lazy.reduce((sum, fileName) => sum + gzipped(fileName), 0);
      const lines = [
        '',
        'initial route JavaScript (entry + home page + their static imports, gzipped):',
        ...initialSizes.map(([fileName, size]) => `  ${fileName.padEnd(48)} ${kb(size).padStart(10)}`),
        `  ${'total'.padEnd(48)} ${kb(total).padStart(10)}  (budget ${kb(budgetBytes)})`,
        `other lazy chunks: ${lazy.length}, ${kb(lazyTotal)} gzipped in all`,
        '',
      ];
      console.log(lines.join('\n'));
      if (total > budgetBytes) this.error(`initial route JavaScript is ${kb(total)} gzipped, over the ${kb(budgetBytes)} budget`);
    },
  };
}
