/**
 * UI budgets, measured and printed (never asserted in tests):
 *  1. First-load JavaScript: builds the app and sums the gzipped size of every script the
 *     page fetches before it is interactive (the entry and its modulepreloads). The engine
 *     lives in the worker chunk and the charts load on demand; both are listed apart.
 *  2. Interaction: serves the build, opens generated 50- and 200-node designs in Debian's
 *     Chromium, runs them as fast as possible, watches for 5 s, pans the canvas and drags a node, and reports
 *     frame times and long tasks (> 50 ms) on the main thread.
 *
 *   npm run bench:ui            (CHROMIUM_PATH overrides /usr/bin/chromium)
 */
import { execSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser, type CDPSession, type Page } from '@playwright/test';
import { preview } from 'vite';
import { generatedDesign } from '../e2e/generatedDesign';

const DIST = 'dist';
const BUDGET_KB = 300;

function gz(path: string): number {
  return gzipSync(readFileSync(path), { level: 9 }).length / 1024;
}

function measureBundle() {
  execSync('npx vite build --logLevel error', { stdio: 'inherit' });
  const html = readFileSync(join(DIST, 'index.html'), 'utf8');
  const initial = [...html.matchAll(/<(?:script[^>]*src|link[^>]*rel="modulepreload"[^>]*href)="\/?([^"]+\.js)"/g)].map((m) => m[1]);
  const all = readdirSync(join(DIST, 'assets')).filter((f) => f.endsWith('.js'));
  console.log('\nFirst-load JavaScript (gzipped)');
  let total = 0;
  for (const file of initial) {
    const kb = gz(join(DIST, file));
    total += kb;
    console.log(`  ${file.padEnd(48)} ${kb.toFixed(1).padStart(7)} KB`);
  }
  console.log(`  ${'total'.padEnd(48)} ${total.toFixed(1).padStart(7)} KB   budget ${BUDGET_KB} KB → ${total <= BUDGET_KB ? 'within' : 'OVER'}`);
  console.log('Loaded later (gzipped)');
  for (const file of all.filter((f) => !initial.includes(`assets/${f}`))) {
    console.log(`  assets/${file.padEnd(41)} ${gz(join(DIST, 'assets', file)).toFixed(1).padStart(7)} KB${file.includes('worker') ? '   (simulation worker: the engine)' : ''}`);
  }
  return total;
}

/** Main-thread time Chromium reports (CDP Performance domain), in ms, cumulative. */
async function mainThread(cdp: CDPSession) {
  const { metrics } = (await cdp.send('Performance.getMetrics')) as { metrics: { name: string; value: number }[] };
  const get = (name: string) => (metrics.find((m) => m.name === name)?.value ?? 0) * 1000;
  return { task: get('TaskDuration'), script: get('ScriptDuration'), layout: get('LayoutDuration') + get('RecalcStyleDuration') };
}

async function frameStats(page: Page, cdp: CDPSession, action: () => Promise<void>) {
  const before = await mainThread(cdp);
  const t0 = Date.now();
  // Passed as source text: tsx would otherwise wrap named functions in a helper the page lacks.
  await page.evaluate(`(() => {
    window.__frames = [];
    window.__long = [];
    window.__stop = false;
    // One observer per page: a second would report every long task twice.
    if (!window.__observer) {
      window.__observer = new PerformanceObserver((list) => list.getEntries().forEach((e) => window.__long.push(e.duration)));
      window.__observer.observe({ type: 'longtask' });
    }
    let last = performance.now();
    const loop = (now) => {
      window.__frames.push(now - last);
      last = now;
      if (!window.__stop) requestAnimationFrame(loop);
    };
    requestAnimationFrame(loop);
  })()`);
  await action();
  const wall = Date.now() - t0;
  const after = await mainThread(cdp);
  const { frames, long } = (await page.evaluate(
    '(() => { window.__stop = true; return { frames: window.__frames.slice(1), long: window.__long }; })()',
  )) as { frames: number[]; long: number[] };
  const sorted = [...frames].sort((a, b) => a - b);
  const total = frames.reduce((a, b) => a + b, 0);
  return {
    fps: frames.length / (total / 1000),
    p95: sorted[Math.floor(sorted.length * 0.95)] ?? 0,
    worst: sorted[sorted.length - 1] ?? 0,
    longTasks: long.length,
    longestTask: long.length ? Math.max(...long) : 0,
    /** Share of the wall time the main thread spent in tasks, and in script and style/layout. */
    busy: (after.task - before.task) / wall,
    script: (after.script - before.script) / wall,
    layout: (after.layout - before.layout) / wall,
  };
}

async function measureInteraction(url: string, size: number) {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  try {
    return await measureIn(browser, url, size);
  } finally {
    // A page still simulating at full speed would otherwise keep a core busy after the bench.
    await browser.close();
  }
}

async function measureIn(browser: Browser, url: string, size: number) {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  const design = generatedDesign(size);
  await page.addInitScript(`localStorage.setItem('archsim.design', ${JSON.stringify(JSON.stringify(design))});`);
  const started = Date.now();
  await page.goto(url);
  await page.locator('.react-flow__node').first().waitFor();
  const loadMs = Date.now() - started;
  console.log(`    ${await page.getByLabel('Design name').inputValue()}: ${await page.locator('.react-flow__node').count()} in view and rendered`);
  const debug = async (what: string) => {
    await page.screenshot({ path: `bench-ui-debug-${size}.png` }).catch(() => {});
    throw new Error(`${what} (screenshot in bench-ui-debug-${size}.png)`);
  };
  await page.getByRole('radio', { name: /Max/ }).click({ timeout: 20_000 }).catch(() => debug('the Max speed button could not be pressed'));
  await page.getByRole('button', { name: 'Run' }).click({ timeout: 20_000 }).catch(() => debug('Run could not be pressed'));
  await page
    .waitForFunction("document.querySelector('[data-testid=summary-sent]')?.textContent !== '0'", undefined, { timeout: 20_000 })
    .catch(() => debug('the generated design did not start running'));
  // Let the charts load and the series fill before measuring.
  await page.locator('.chart').first().waitFor({ timeout: 20_000 }).catch(() => debug('the charts did not appear'));
  await page.waitForTimeout(2000);

  // Watching: no input, the figures and charts updating as the run goes on.
  const watch = await frameStats(page, cdp, () => page.waitForTimeout(5000));
  // A pan starts on bare canvas: pressed on a node, the same gesture would drag the node.
  const pane = (await page.locator('.react-flow__pane').boundingBox())!;
  const start = (await page.evaluate(`(() => {
    for (let y = ${pane.y + 60}; y < ${pane.y + pane.height - 120}; y += 20)
      for (let x = ${pane.x + 220}; x < ${pane.x + pane.width - 220}; x += 20)
        if (document.elementFromPoint(x, y)?.classList.contains('react-flow__pane')) return { x, y };
    return null;
  })()`)) as { x: number; y: number } | null;
  if (!start) await debug('no bare canvas to start a pan on');
  const pan = await frameStats(page, cdp, async () => {
    for (let i = 0; i < 4; i++) {
      await page.mouse.move(start!.x, start!.y);
      await page.mouse.down();
      await page.mouse.move(start!.x + (i % 2 ? 200 : -200), start!.y + 80, { steps: 30 });
      await page.mouse.up();
    }
  });
  // dispatchEvent: a node or label panned over the controls must not swallow the click.
  await page.getByRole('button', { name: /fit view/i }).dispatchEvent('click');
  await page.waitForTimeout(500);
  const node = await page.locator('.react-flow__node').nth(1).boundingBox();
  if (!node) await debug('no node to drag after fitting the view');
  const drag = await frameStats(page, cdp, async () => {
    await page.mouse.move(node!.x + 40, node!.y + 15);
    await page.mouse.down();
    await page.mouse.move(node!.x + 240, node!.y + 115, { steps: 40 });
    await page.mouse.up();
  });
  const simulated = await page.getByTestId('summary-simulated-time').textContent();
  return { loadMs, watch, pan, drag, simulated, nodes: design.nodes.length };
}

const pct = (x: number) => `${Math.round(x * 100)} %`;
const fmt = (s: Awaited<ReturnType<typeof frameStats>>) =>
  `${s.fps.toFixed(0)} fps, p95 frame ${s.p95.toFixed(1)} ms, worst ${s.worst.toFixed(1)} ms, long tasks > 50 ms: ${s.longTasks} (longest ${s.longestTask.toFixed(0)} ms); ` +
  `main thread busy ${pct(s.busy)} (script ${pct(s.script)}, style+layout ${pct(s.layout)})`;

const firstLoad = measureBundle();
const SIZES = (process.env.SIZES ?? '50,200').split(',').map(Number);
const server = await preview({ preview: { port: 4175, strictPort: true }, logLevel: 'error' });
try {
  console.log('\nInteraction while the simulation runs as fast as possible (headless Chromium, no GPU)');
  // Frame figures depend on what else the machine runs: print the load so runs can be compared.
  console.log(`  load average ${loadavg().map((x) => x.toFixed(1)).join(' ')} on this machine before measuring`);
  for (const size of SIZES) {
    try {
      const r = await measureInteraction('http://localhost:4175/', size);
      console.log(`  ${r.nodes} nodes: first node on screen ${r.loadMs} ms after navigation; simulated ${r.simulated}`);
      console.log(`    watching:      ${fmt(r.watch)}`);
      console.log(`    panning:       ${fmt(r.pan)}`);
      console.log(`    dragging node: ${fmt(r.drag)}`);
    } catch (error) {
      // A page too busy to answer is itself the finding: print it rather than crash.
      console.log(`  ${size} nodes: not measured, ${String(error).split('\n')[0]}`);
    }
  }
} finally {
  await server.close();
}
console.log(`\nFirst load ${firstLoad.toFixed(1)} KB gzipped JavaScript (budget ${BUDGET_KB} KB).`);
