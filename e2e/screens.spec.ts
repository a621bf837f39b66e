import { expect, test } from '@playwright/test';
import { fresh, openExample, shot } from './helpers';

test('first visit shows the default design', async ({ page }) => {
  await fresh(page);
  await expect(page.getByLabel('Design name')).toHaveValue('Web app with a cache');
  await expect(page.locator('.react-flow__node')).toHaveCount(7);
  await shot(page, '01-first-visit');
});

test('a runnable example runs and its numbers move', async ({ page }) => {
  await fresh(page);
  await openExample(page, 'Load balancing: one slow server');
  await page.getByRole('button', { name: 'Run' }).click();
  const sent = page.getByTestId('summary-sent');
  await expect(sent).not.toHaveText('0');
  const first = await sent.textContent();
  await expect(sent).not.toHaveText(first!);
  await expect(page.locator('.chart').first()).toBeVisible();
  await expect(page.locator('[data-testid="node-live"]').first()).toBeVisible();
  await page.getByRole('radio', { name: /×10/ }).click();
  await expect(page.getByTestId('summary-simulated-time')).toHaveText(/^(\d\d+\.\d s|\d+ min)/);
  await shot(page, '02-running');
  await page.getByRole('button', { name: 'Pause' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Paused' })).toBeVisible();
  await page.getByTestId('rf__node-slow').click();
  await shot(page, '03-paused-inspector');
});

test('the charts keep in step: none runs ahead of the one before it, and paused they all end at the same time', async ({ page }) => {
  await fresh(page);
  await page.getByRole('radio', { name: /×10/ }).click();
  await page.getByRole('button', { name: 'Run' }).click();
  await expect(page.getByTestId('summary-simulated-time')).toHaveText(/^(\d\d+\.\d s|\d+ min)/);
  // The charts load on demand: wait for them (on a busy machine the chunk can arrive after 10 s simulated at ×10).
  await expect(page.locator('.chart')).toHaveCount(4);
  // Each chart's last x-axis label is its latest window, in seconds ("42s", "12:05", "1:02:03").
  const ends = () =>
    page.locator('.chart').evaluateAll((charts) =>
      charts.map((c) => {
        const label = [...c.querySelectorAll('.recharts-xAxis-tick-labels text')].at(-1)?.textContent ?? '';
        return label.endsWith('s') ? Number(label.slice(0, -1)) : label.split(':').reduce((t, part) => t * 60 + Number(part), 0);
      }),
    );
  for (let i = 0; i < 30; i++) {
    const t = await ends();
    expect(t).toHaveLength(4);
    for (let k = 1; k < 4; k++) expect(t[k], `charts end at ${t.join(', ')} s`).toBeLessThanOrEqual(t[k - 1]);
    await page.waitForTimeout(100);
  }
  await page.getByRole('button', { name: 'Pause' }).click();
  await expect.poll(async () => new Set(await ends()).size).toBe(1);
});

test('a design with a queue charts its backlog over time', async ({ page }) => {
  await fresh(page);
  await openExample(page, 'Write-heavy ingest behind a queue');
  await page.getByRole('radio', { name: /×10/ }).click();
  await page.getByRole('button', { name: 'Run' }).click();
  const backlog = page.getByRole('figure', { name: 'Queue backlog (messages)' });
  await expect(backlog).toBeVisible();
  await expect(backlog).toContainText('Queue');
  await expect(page.getByTestId('summary-simulated-time')).toHaveText(/^(\d\d+\.\d s|\d+ min)/);
  await expect(backlog.locator('.recharts-line')).toHaveCount(1);
  // Legends follow the design (left to right on the canvas), not the alphabet.
  const utilisation = page.getByRole('figure', { name: 'Utilisation (%)' });
  await expect(utilisation.locator('.recharts-legend-item-text')).toHaveText(['Ingest API', 'Worker 1', 'Worker 2', 'Database']);
  await shot(page, '11-queue-backlog');
  // A design without queues keeps four charts.
  await openExample(page, 'Load balancing: one slow server');
  await page.getByRole('button', { name: 'Run' }).click();
  await expect(page.getByRole('figure', { name: 'Throughput (req/s)' })).toBeVisible();
  await expect(page.getByRole('figure', { name: 'Queue backlog (messages)' })).toHaveCount(0);
});

test('the header and the summary keep every control and figure on screen from a small laptop up, the design name readable, and the charts stay four a row', async ({ page }) => {
  await fresh(page);
  await page.getByRole('button', { name: 'Run' }).click();
  await expect(page.locator('.chart').first()).toBeVisible();
  for (const width of [1024, 1180, 1280, 1366, 1440, 1536]) {
    await page.setViewportSize({ width, height: 720 });
    const header = page.locator('.app-header');
    // Nothing spills past the right edge: Share, the last control, is wholly inside the window.
    await expect.poll(() => header.evaluate((h) => h.scrollWidth - h.clientWidth)).toBe(0);
    const share = await page.getByRole('button', { name: /Share/ }).boundingBox();
    expect(share!.x + share!.width).toBeLessThanOrEqual(width);
    // Run keeps its name for assistive technology even when only its icon shows.
    await expect(page.getByRole('button', { name: 'Run' })).toBeVisible();
    // Controls drop their words before the name is cut short: "Web app with a cache" shows whole from 1,280 px.
    const name = page.getByLabel('Design name');
    expect((await name.boundingBox())!.width, `design name at ${width} px`).toBeGreaterThanOrEqual(width >= 1280 ? 180 : 140);
    if (width >= 1280) expect(await name.evaluate((n) => n.scrollWidth <= n.clientWidth)).toBe(true);
    // The summary's figures all show, Cost (the last) included, without scrolling.
    await expect.poll(() => page.locator('.summary-figures-wrap').evaluate((w) => w.scrollWidth - w.clientWidth)).toBe(0);
    const charts = await page.locator('.charts').evaluate((c) => getComputedStyle(c).gridTemplateColumns.split(' ').length);
    expect(charts).toBe(4);
    if (width === 1024) await shot(page, '12-small-laptop');
  }
});

test('switching the balancer’s algorithm live marks the moment on the charts, and Reset clears it', async ({ page }) => {
  await fresh(page);
  await openExample(page, 'Load balancing: one slow server');
  await page.getByRole('radio', { name: /×10/ }).click();
  await page.getByRole('button', { name: 'Run' }).click();
  await expect(page.getByTestId('summary-simulated-time')).toHaveText(/^([5-9]\.\d s|\d\d+\.\d s)/);
  // The slow server's badge: its p99 in the last second, which the switch must bring down.
  const slowP99 = async () => {
    const text = (await page.getByTestId('rf__node-slow').getByTitle(/99th percentile/).textContent()) ?? '';
    return Number(/p99 ([\d.,]+) ms/.exec(text)?.[1].replace(/,/g, '') ?? NaN);
  };
  const before = await slowP99();
  expect(before).toBeGreaterThan(300);
  await page.getByTestId('rf__node-lb').click();
  await page.getByLabel('Algorithm').selectOption('leastConnections');
  const throughput = page.getByRole('figure', { name: 'Throughput (req/s)' });
  await expect(throughput.locator('.edit-reference')).toHaveCount(1);
  await expect(throughput).toContainText('Algorithm: Least Connections · Load balancer');
  // Every chart marks it (only the first labels it), and the latency falls after it.
  await expect(page.getByRole('figure', { name: 'Latency (ms)' }).locator('.edit-reference')).toHaveCount(1);
  await expect(page.getByTestId('summary-simulated-time')).toHaveText(/^(\d\d+\.\d s|\d+ min)/);
  await expect.poll(slowP99, { timeout: 20_000 }).toBeLessThan(before / 2);
  await shot(page, '13-live-edit-marker');
  // A link cannot replay a run changed while it ran: Share says so.
  const share = async () => {
    await page.getByRole('button', { name: 'Share' }).click();
    const dialog = page.getByRole('dialog', { name: 'Share this design' });
    await expect(dialog).toBeVisible();
    return dialog;
  };
  const edited = /parameters changed while it ran/;
  const dialog = await share();
  await expect(dialog).toContainText(edited);
  await dialog.getByRole('button', { name: 'Done' }).click();
  await page.getByRole('button', { name: 'Reset' }).click();
  await page.getByRole('button', { name: 'Run' }).click();
  await expect(page.getByTestId('summary-sent')).not.toHaveText('0');
  await expect(throughput.locator('.edit-reference')).toHaveCount(0);
  await expect(await share()).not.toContainText(edited);
});

test('the latency chart shows each node’s p99 on request', async ({ page }) => {
  await fresh(page);
  await page.getByRole('radio', { name: /×10/ }).click();
  await page.getByRole('button', { name: 'Run' }).click();
  await expect(page.getByTestId('summary-simulated-time')).toHaveText(/^([3-9]\.\d s|\d\d+\.\d s)/);
  const latency = page.getByRole('figure', { name: 'Latency (ms)' });
  await expect(latency.locator('.recharts-legend-item-text')).toHaveText(['p50', 'p95', 'p99']);
  await latency.getByRole('radio', { name: 'By node' }).click();
  // Every node but the client, in design order: 6 of them, fewer than the 8 it has room for.
  const byNode = page.getByRole('figure', { name: 'p99 by node (ms)' });
  await expect(byNode.locator('.recharts-legend-item-text')).toHaveText(['Load balancer', 'App 1', 'App 2', 'App 3', 'Cache', 'Database']);
  await expect(byNode.locator('.recharts-line')).toHaveCount(6);
  await expect(byNode.getByRole('radio', { name: 'By node' })).toHaveAttribute('aria-checked', 'true');
  await shot(page, '14-latency-by-node');
  await byNode.getByRole('radio', { name: 'End to end' }).click();
  await expect(page.getByRole('figure', { name: 'Latency (ms)' }).locator('.recharts-legend-item-text')).toHaveText(['p50', 'p95', 'p99']);
});

test('the latency chart shows the whole run by percentile, with the summary’s p50, p95 and p99 marked on the curve', async ({ page }) => {
  await fresh(page);
  await openExample(page, 'Read-heavy API with a CDN and cache');
  await page.getByRole('radio', { name: /×10/ }).click();
  await page.getByRole('button', { name: 'Run' }).click();
  await expect(page.getByTestId('summary-simulated-time')).toHaveText(/^([5-9]\.\d s|\d\d+\.\d s)/);
  await page.getByRole('button', { name: 'Pause' }).click();
  const latency = page.getByRole('figure', { name: 'Latency (ms)' });
  await latency.getByRole('radio', { name: 'Percentiles' }).click();
  await expect(latency.getByRole('radio', { name: 'Percentiles' })).toHaveAttribute('aria-checked', 'true');
  await expect(latency.locator('.recharts-line-curve')).toHaveCount(1);
  // Percentiles on the x axis, each further nine as far again: 50 %, 90 %, 99 %, 99.9 %…
  const ticks = await latency.locator('.recharts-xAxis-tick-labels text').allTextContents();
  expect(ticks.slice(0, 3)).toEqual(['50%', '90%', '99%']);
  // The marks are the summary's own figures.
  const marks = latency.locator('.percentile-mark-label');
  for (const [i, key] of ['p50', 'p95', 'p99'].entries()) {
    await expect(marks.nth(i)).toHaveText(`${key} ${await page.getByTestId(`summary-${key}`).textContent()}`);
  }
  await shot(page, '15-latency-percentiles');
  await latency.getByRole('radio', { name: 'End to end' }).click();
  await expect(latency.locator('.recharts-legend-item-text')).toHaveText(['p50', 'p95', 'p99']);
});
