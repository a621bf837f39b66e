/** Traces, as a person meets them: single requests followed call by call, where the slowest one's time went, and the node behind it one click away. */
import { expect, test, type Page } from '@playwright/test';
import { axeViolations, fresh, openExample, shot } from './helpers';

const panel = (page: Page) => page.getByRole('region', { name: 'Traces' });

test('tracing the slowest requests behind a round-robin balancer leads to the slow server', async ({ page }) => {
  await fresh(page);
  await openExample(page, 'Load balancing: one slow server');
  await page.getByRole('tab', { name: 'Traces' }).click();
  await expect(panel(page)).toContainText('Follow single requests through the design, call by call');

  const trace = panel(page).getByRole('button', { name: 'Trace requests' });
  await trace.click();
  await expect(panel(page).getByRole('status')).toHaveText(/^Replayed 60 s \+ 5 s warm-up, seed 1, in [\d.]+ s: [\d,]+ requests measured\.$/, { timeout: 30_000 });

  // The requests kept: the slowest first (on show), a failure, the p99 and the p50.
  const list = panel(page).getByRole('list', { name: 'Requests kept' });
  const items = list.getByRole('button');
  await expect(items.first()).toHaveAttribute('aria-pressed', 'true');
  await expect(items.first()).toContainText(/^Slowest[\d,.]+ ms/);
  await expect(items.filter({ hasText: /^Failed/ })).toHaveCount(1);
  await expect(items.filter({ hasText: /^p99/ })).toHaveCount(1);
  await expect(items.filter({ hasText: /^p50/ })).toHaveCount(1);
  const slowest = Number(/Slowest([\d,.]+) ms/.exec((await items.first().textContent()) ?? '')![1].replace(/,/g, ''));
  const p50 = Number(/p50([\d,.]+) ms/.exec((await items.filter({ hasText: /^p50/ }).textContent()) ?? '')![1].replace(/,/g, ''));
  expect(slowest).toBeGreaterThan(5 * p50);

  // Where the slowest request's time went: mostly waiting for a worker at the slow server.
  const headline = panel(page).locator('.traces-headline');
  await expect(headline).toContainText(/^Where its [\d,.]+ ms went: [\d,.]+ ms waiting for a worker at Slow server \((\d+) %\)/);
  const queued = Number(/\((\d+) %\)/.exec((await headline.textContent()) ?? '')![1]);
  expect(queued).toBeGreaterThan(50);

  // Its waterfall: Users, then the balancer, then the slow server, each under the one that called it.
  const waterfall = panel(page).getByRole('table', { name: /^Call by call: the slowest request/ });
  const names = waterfall.getByRole('rowheader');
  await expect(names).toHaveText(['Users', 'Load balancer', 'Slow server']);
  const indent = async (i: number) => (await names.nth(i).locator('.waterfall-kind').boundingBox())!.x;
  expect(await indent(1)).toBeGreaterThan(await indent(0));
  expect(await indent(2)).toBeGreaterThan(await indent(1));
  // The slow server's row: a hatched wait for a worker longer than its own time, both along the axis.
  const slowRow = waterfall.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Slow server' }) });
  await expect(slowRow).toHaveAttribute('title', /^Slow server: queued [\d,.]+ ms · served [\d,.]+ ms · network [\d,.]+ ms · sent at/);
  const queue = (await slowRow.locator('.waterfall-seg.is-queue').boundingBox())!;
  const served = (await slowRow.locator('.waterfall-seg.is-service').boundingBox())!;
  expect(queue.width).toBeGreaterThan(served.width);
  expect(served.x).toBeGreaterThanOrEqual(queue.x + queue.width - 1);
  await expect(panel(page)).not.toContainText(/NaN|Infinity|undefined/);

  // The failed request: turned away by the slow server, marked so.
  await items.filter({ hasText: /^Failed/ }).click();
  await expect(items.filter({ hasText: /^Failed/ })).toHaveAttribute('aria-pressed', 'true');
  await expect(panel(page).getByRole('table', { name: /^Call by call: the failed request/ }).getByRole('row').filter({ hasText: 'turned away' })).toHaveCount(1);
  // Arrow keys move through the list.
  await page.keyboard.press('ArrowUp');
  await expect(items.nth(4)).toHaveAttribute('aria-pressed', 'true');
  await expect(items.nth(4)).toBeFocused();
  await items.first().click();

  await page.emulateMedia({ colorScheme: 'dark' });
  expect(await axeViolations(page, { within: '.metrics', coloursOnly: true }), 'traces, dark').toEqual([]);
  await shot(page, 'traces-dark');
  await page.emulateMedia({ colorScheme: 'light' });
  expect(await axeViolations(page, { within: '.metrics' }), 'traces, light').toEqual([]);
  await shot(page, 'traces');

  // The slow server's name in the headline selects it on the canvas.
  await headline.getByRole('button', { name: 'Slow server' }).click();
  const inspector = page.getByRole('complementary', { name: 'Inspector' });
  await expect(inspector.getByLabel('Name')).toHaveValue('Slow server');
  // So does a row's name.
  await names.nth(1).getByRole('button', { name: 'Load balancer' }).click();
  await expect(inspector.getByLabel('Name')).toHaveValue('Load balancer');

  // A change to the design: the traces are about the design as it was, until traced again.
  await page.locator('.react-flow__node[data-id="slow"]').click();
  const workers = inspector.getByLabel('Workers', { exact: true });
  await workers.fill('16');
  await workers.press('Enter');
  await expect(panel(page)).toContainText('The design has changed since this replay');
  // On a machine loaded by the other tests' browsers this click was once lost (no replay began;
  // never when its events were logged): press again if no replay has begun.
  await expect(async () => {
    if (await panel(page).getByText('The design has changed since this replay').isVisible()) await panel(page).getByRole('button', { name: 'Trace again' }).click();
    await expect(panel(page)).not.toContainText('The design has changed since this replay', { timeout: 3000 });
  }).toPass({ timeout: 10_000 });
  await expect(panel(page).getByRole('status')).toHaveText(/^Replayed/, { timeout: 30_000 });
  await expect(panel(page)).not.toContainText('The design has changed since this replay');
});

test('on a small laptop the waterfall scrolls inside the dock', async ({ page }) => {
  await page.setViewportSize({ width: 1024, height: 720 });
  await fresh(page);
  await openExample(page, 'Search fan-out: the slowest shard sets the latency');
  await page.getByRole('tab', { name: 'Traces' }).click();
  await panel(page).getByRole('button', { name: 'Trace requests' }).click();
  const waterfall = panel(page).getByRole('table', { name: /^Call by call/ });
  // The search API, then its eight shards called at once, under it.
  await expect(waterfall.getByRole('rowheader')).toHaveCount(10, { timeout: 30_000 });
  const scroller = panel(page).locator('.waterfall-scroll');
  const box = (await scroller.boundingBox())!;
  const dock = (await page.getByRole('region', { name: 'Metrics' }).boundingBox())!;
  expect(box.y + box.height).toBeLessThanOrEqual(dock.y + dock.height + 1);
  expect(await scroller.evaluate((el) => el.scrollHeight > el.clientHeight)).toBe(true);
  // The page itself does not scroll.
  expect(await page.evaluate(() => document.documentElement.scrollHeight <= window.innerHeight)).toBe(true);
  await shot(page, 'traces-small');
});
