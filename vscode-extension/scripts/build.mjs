// Bundles the extension (Node, `vscode` external) and the webview scripts (browser) with esbuild;
// with --tests, also the unit tests (node:test) into out/test/. --production minifies, no source maps.
import * as esbuild from 'esbuild';
import { readdirSync } from 'node:fs';

const production = process.argv.includes('--production');
const tests = process.argv.includes('--tests');
const common = { bundle: true, sourcemap: !production, minify: production, logLevel: 'warning', target: 'es2022' };

const builds = [
  esbuild.build({ ...common, entryPoints: ['src/main.ts'], outfile: 'out/main.js', platform: 'node', format: 'cjs', external: ['vscode'] }),
  esbuild.build({ ...common, entryPoints: ['src/webview/queryTable.ts', 'src/webview/matrixToolbar.ts'], outdir: 'out/webview', platform: 'browser', format: 'iife' }),
];
if (tests) {
  const entryPoints = readdirSync('test/unit').filter(f => f.endsWith('.test.ts')).map(f => `test/unit/${f}`);
  builds.push(esbuild.build({ ...common, sourcemap: true, entryPoints, outdir: 'out/test', platform: 'node', format: 'cjs', external: ['vscode', 'vscode-textmate', 'vscode-oniguruma'] }));
}
await Promise.all(builds);
