/**
 * `npm run bench:browser`: the engine against the bare heap loop in Chromium, where the
 * playground runs it: in a Web Worker, bundled and minified as the app ships. Printed, never
 * asserted; the same pairs as `npm run bench` (bench/pairs.ts).
 *
 *   npm run bench:browser       (CHROMIUM_PATH overrides /usr/bin/chromium)
 */
import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';
import { build, type Rollup } from 'vite';
import type { PairedFigures } from './pairs';

const REPEATS = 5;
const ORIGIN = 'http://archsim.bench';
const fmt = (x: number, digits = 2) => x.toLocaleString('en-US', { maximumFractionDigits: digits });

async function workerSource(): Promise<string> {
  const output = (await build({
    configFile: false,
    logLevel: 'error',
    build: { write: false, minify: true, lib: { entry: 'bench/browserWorker.ts', formats: ['es'], fileName: 'bench-worker' } },
  })) as Rollup.RollupOutput | Rollup.RollupOutput[];
  const chunk = (Array.isArray(output) ? output[0] : output).output.find((o) => o.type === 'chunk');
  if (!chunk || chunk.type !== 'chunk') throw new Error('the worker bundle has no chunk');
  return chunk.code;
}

const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (!existsSync(executablePath)) {
  console.log(`No Chromium at ${executablePath} (bash scripts/ensure-chromium.sh installs Debian's); nothing measured.`);
  process.exit(0);
}
const code = await workerSource();
const browser = await chromium.launch({
  executablePath,
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
try {
  const page = await browser.newPage();
  // A made-up origin served by the page's router: a module worker must come from the page's origin.
  await page.route(`${ORIGIN}/**`, (route) =>
    route.request().url().endsWith('/worker.js')
      ? route.fulfill({ contentType: 'text/javascript', body: code })
      : route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>Archsim engine benchmark</title>' }),
  );
  await page.goto(`${ORIGIN}/`);
  const figures = await page.evaluate(
    (repeats) =>
      new Promise<PairedFigures>((resolve, reject) => {
        const worker = new Worker('/worker.js', { type: 'module' });
        worker.onmessage = (event) => resolve(event.data);
        worker.onerror = (event) => reject(new Error(`the benchmark worker failed: ${event.message}`));
        worker.postMessage(repeats);
      }),
    REPEATS,
  );
  const { heap, mm4, ratio, ratios } = figures;
  console.log(`Archsim engine benchmark — Chromium ${browser.version()}, in a Web Worker, median of ${REPEATS} runs\n`);
  console.log(`bare heap loop (hold model, 8 pending)      ${fmt(heap / 1e6)} M events/s`);
  console.log(
    `M/M/4 at ρ = 0.8, 1000 s simulated           ${fmt(mm4.eventsPerS / 1e6)} M events/s, ${fmt(mm4.requestsPerS / 1e6)} M requests/s — ` +
      `${fmt(ratio * 100, 0)} % of the heap loop (pairs: ${ratios.map((r) => fmt(r * 100, 0)).join(', ')} %)`,
  );
  console.log(`\ntargets: M/M/4 ≥ 2 M requests/s (${mm4.requestsPerS >= 2e6 ? 'met' : 'MISSED'}); engine ≥ 40 % of the heap loop (${ratio >= 0.4 ? 'met' : 'MISSED'})`);
} finally {
  await browser.close();
}
