/**
 * Faults as a person meets them: break a node while the design runs and watch it go Down and
 * errors appear, bring it back; schedule faults on the timeline (checked, undoable, in the
 * link) and see them happen at their time, marked on the charts; run for a fixed length and
 * get the same figures in a fresh browser from a share link.
 */
import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { restored } from '../src/engine/testSupport';
import { runDesign } from '../src/engine/run';
import { encodeDesign } from '../src/share/link';
import { fresh, shot } from './helpers';

const defaultDesign: Record<string, unknown> = JSON.parse(readFileSync('examples/default.json', 'utf8'));

/** A link to the default design with its own run length, seed and scheduled faults, made as Share makes it. */
function linkTo(extra: Record<string, unknown>) {
  const design = restored({ ...defaultDesign, ...extra });
  return { link: `/#${encodeDesign(design)}`, design };
}

const status = (page: Page) => page.getByRole('status').filter({ hasText: /^(Not running|Starting…|Running|Paused|Finished)/ });
const node = (page: Page, id: string) => page.getByTestId(`rf__node-${id}`);
const exact = async (page: Page, figure: string) => Number(await page.getByTestId(`summary-${figure}`).getAttribute('data-value'));


async function openFaults(page: Page) {
  await page.getByRole('tab', { name: /Faults/ }).click();
  return page.getByRole('tabpanel');
}

test('scheduled faults: add, refuse, edit, delete, undo, on a timeline', async ({ page }) => {
  await fresh(page);
  const panel = await openFaults(page);
  await expect(panel.getByText('No scheduled faults')).toBeVisible();

  const form = panel.getByRole('form', { name: 'Schedule a fault' });
  await form.getByLabel('When (s)').fill('20');
  await form.getByLabel('Target').selectOption({ label: 'App 1' });
  await form.getByLabel('Action').selectOption({ label: 'Kill' });
  await form.getByLabel('Lasts (s)').fill('10');
  await form.getByRole('button', { name: 'Add fault' }).click();

  const list = panel.getByRole('table', { name: 'Scheduled faults' });
  await expect(list.getByRole('row')).toHaveCount(2);
  await expect(list.getByRole('row').nth(1)).toContainText('20 s');
  await expect(list.getByRole('row').nth(1)).toContainText('Kill');
  await expect(list.getByRole('row').nth(1)).toContainText('App 1');
  await expect(panel.getByRole('button', { name: 'Kill · App 1 at 20 s for 10 s: edit' })).toBeVisible();
  await expect(page.getByRole('tab', { name: /Faults \(1 scheduled\)/ })).toBeVisible();

  // A slow-down on a connection: the form offers only what applies, and the model refuses bad numbers.
  await form.getByLabel('When (s)').fill('-3');
  await form.getByLabel('Target').selectOption({ label: 'App 2' });
  await form.getByLabel('Action').selectOption({ label: 'Slow' });
  await form.getByLabel('Factor (×)').fill('4');
  await form.getByRole('button', { name: 'Add fault' }).click();
  await expect(panel.getByRole('alert')).toContainText('When must be from 0');
  await form.getByLabel('When (s)').fill('35');
  await form.getByLabel('Factor (×)').fill('5000');
  await form.getByRole('button', { name: 'Add fault' }).click();
  await expect(panel.getByRole('alert')).toHaveText('The factor must be at most 1000, got 5000.');
  await shot(page, 'faults-01-refused');
  await form.getByLabel('Factor (×)').fill('4');
  await form.getByRole('button', { name: 'Add fault' }).click();
  await expect(panel.getByRole('alert')).toHaveCount(0);
  await expect(list.getByRole('row')).toHaveCount(3);

  const cacheToDb = 'Cache → Database';
  await form.getByLabel('When (s)').fill('5');
  await form.getByLabel('Target').selectOption({ label: cacheToDb });
  await expect(form.getByLabel('Action').locator('option')).toHaveText(['Add latency', 'Cut', 'Heal']);
  await form.getByLabel('Action').selectOption({ label: 'Add latency' });
  await form.getByLabel('Extra latency (ms)').fill('150');
  await form.getByRole('button', { name: 'Add fault' }).click();
  // Kept in time order.
  await expect(list.getByRole('row').nth(1)).toContainText('Add latency +150 ms');
  await expect(list.getByRole('row').nth(1)).toContainText(cacheToDb);
  await shot(page, 'faults-02-timeline');

  // Edit from its timeline marker.
  await panel.getByRole('button', { name: /Slow ×4 · App 2 at 35 s/ }).click();
  const edit = panel.getByRole('form', { name: 'Edit scheduled fault' });
  await expect(edit.getByLabel('When (s)')).toHaveValue('35');
  await edit.getByLabel('When (s)').fill('40');
  await edit.getByRole('button', { name: 'Save fault' }).click();
  await expect(list.getByRole('row').nth(3)).toContainText('40 s');

  // Delete, then undo brings it back (a design change like any other).
  await panel.getByRole('button', { name: /Delete fault 1: Add latency/ }).click();
  await expect(list.getByRole('row')).toHaveCount(3);
  await page.keyboard.press('Control+z');
  await expect(list.getByRole('row')).toHaveCount(4);
});

test('inject a kill while running: the node goes Down and errors appear; revive and it recovers', async ({ page }) => {
  await fresh(page);
  await page.getByRole('radio', { name: /×10/ }).click();
  await page.getByRole('button', { name: 'Run' }).click();
  await expect(status(page)).toHaveText('Running');
  await expect(page.getByTestId('summary-completed')).not.toHaveText('0');

  // Right-click a server: the context menu offers what applies to a server.
  await node(page, 'app-1').click({ button: 'right' });
  const menu = page.getByRole('menu', { name: 'Inject fault' });
  await expect(menu).toBeVisible();
  await expect(menu.getByRole('menuitem')).toHaveText(['Kill', 'Revive', 'Slow ×2', 'Slow ×5', 'Slow ×10', 'Normal speed', 'Schedule…']);
  await expect(menu.getByRole('menuitem', { name: 'Revive' })).toBeDisabled();
  await expect(menu.getByRole('menuitem', { name: 'Kill' })).toBeFocused();
  await shot(page, 'faults-03-context-menu');
  await page.keyboard.press('Enter');
  await expect(menu).toBeHidden();

  await expect(node(page, 'app-1').getByTestId('node-state')).toHaveText('Down');
  await expect(page.getByTestId('fault-announcement')).toHaveText('Kill: App 1.');
  await expect(page.getByTestId('summary-failed')).not.toHaveText('0');
  // The failures are real: the balancer keeps sending App 1 its share until its next health check.
  expect(await exact(page, 'failed')).toBeGreaterThan(0);
  await expect(page.getByRole('tab', { name: 'Charts' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.locator('.chart').first().locator('.fault-reference')).toHaveCount(1);
  await shot(page, 'faults-04-node-down');

  // Revive from the inspector's Inject fault menu, by keyboard.
  await expect(page.getByRole('complementary', { name: 'Inspector' }).getByRole('heading', { name: 'Server' })).toBeVisible();
  const inject = page.getByRole('button', { name: 'Inject fault' });
  await inject.focus();
  await page.keyboard.press('ArrowDown');
  const inspectorMenu = page.getByRole('menu', { name: 'Inject fault' });
  await expect(inspectorMenu.getByRole('menuitem', { name: 'Kill' })).toBeDisabled();
  await expect(inspectorMenu.getByRole('menuitem', { name: 'Revive' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(node(page, 'app-1').getByTestId('node-state')).toHaveCount(0);
  await expect(inject).toBeFocused();
  // Recovered: it serves again, and no more requests fail.
  const failedAfter = await exact(page, 'failed');
  await page.waitForTimeout(1500);
  expect(await exact(page, 'failed')).toBe(failedAfter);
  await expect(node(page, 'app-1').getByTestId('node-live')).not.toContainText('0.0 req/s');

  // A connection's menu: latency and a cut, shown on the edge.
  await page.getByRole('button', { name: 'Pause' }).click();
  await expect(status(page)).toHaveText('Paused');
  // Right-click the connection's label (its req/s), the easiest part of a line to hit.
  await page.locator('.edge-label[data-edge-id="e-cache-db"]').click({ button: 'right' });
  await expect(menu.getByRole('menuitem')).toHaveText(['Add latency +50 ms', 'Add latency +200 ms', 'Add latency +1,000 ms', 'Remove added latency', 'Cut', 'Heal', 'Schedule…']);
  await menu.getByRole('menuitem', { name: 'Cut' }).click();
  await expect(page.getByTestId('edge-state')).toHaveText(/^Cut/);
  await shot(page, 'faults-05-edge-cut');
});

test('a scheduled fault is marked on the charts and happens at its time', async ({ page }) => {
  await fresh(page);
  const panel = await openFaults(page);
  const form = panel.getByRole('form', { name: 'Schedule a fault' });
  await form.getByLabel('When (s)').fill('4');
  await form.getByLabel('Target').selectOption({ label: 'App 2' });
  await form.getByLabel('Action').selectOption({ label: 'Slow' });
  await form.getByLabel('Factor (×)').fill('6');
  await form.getByLabel('Lasts (s)').fill('3');
  await form.getByRole('button', { name: 'Add fault' }).click();
  const row = panel.getByRole('table', { name: 'Scheduled faults' }).getByRole('row').nth(1);
  await expect(row).toContainText('Slow ×6');

  // Real time: the slow-down lasts three simulated seconds, long enough to watch.
  await page.getByRole('button', { name: 'Run' }).click();
  await expect(row).toContainText('Pending');
  await expect(node(page, 'app-2').getByTestId('node-state')).toHaveText('Slowed ×6');
  await expect(row).toContainText('Happened at 4 s');
  await shot(page, 'faults-06-scheduled-happened');
  // It lasts three seconds, then App 2 is back to normal speed.
  await expect(node(page, 'app-2').getByTestId('node-state')).toHaveCount(0);

  await page.getByRole('tab', { name: 'Charts' }).click();
  const throughput = page.getByRole('figure', { name: 'Throughput (req/s)' });
  // Its start and, three seconds on, its end.
  await expect(throughput.locator('.fault-reference')).toHaveCount(2);
  await expect(throughput).toContainText('Slow ×6 · App 2');
  await expect(throughput).toContainText('Back to speed · App 2');
  await expect(page.getByRole('figure', { name: 'Latency (ms)' }).locator('.fault-reference')).toHaveCount(2);
  await shot(page, 'faults-07-chart-markers');
});

test('a fixed-length run finishes with the same figures in a fresh browser, and as the CLI', async ({ page, browser }) => {
  const { link, design } = linkTo({
    name: 'Replay me',
    seed: 7,
    run: { durationS: 20, warmupS: 2 },
    faults: [{ atS: 8, action: 'kill', target: 'app-3', durationS: 4 }],
  });

  async function runToEnd(p: Page) {
    await p.goto(link);
    await expect(p.getByLabel('Design name')).toHaveValue('Replay me');
    // A link replays: it opens with Run for set to the design's length.
    await expect(p.getByLabel('Run for')).toHaveValue('design');
    await expect(p.getByLabel('Run for').locator('option:checked')).toHaveText('20 s + 2 s warm-up');
    await p.getByRole('radio', { name: /Max/ }).click();
    await p.getByRole('button', { name: 'Run' }).click();
    await expect(status(p)).toHaveText('Finished', { timeout: 30_000 });
    await expect(p.getByTestId('summary-simulated-time')).toHaveText('22.0 s');
    return { sent: await exact(p, 'sent'), completed: await exact(p, 'completed'), failed: await exact(p, 'failed'), p99: await exact(p, 'p99') };
  }

  const first = await runToEnd(page);
  expect(first.sent).toBeGreaterThan(10_000);
  expect(first.failed).toBeGreaterThan(0);
  expect(first.p99).toBeGreaterThan(0);
  // The kill at 8 s and the server back up at 12 s.
  await expect(page.getByRole('figure', { name: 'Throughput (req/s)' }).locator('.fault-reference')).toHaveCount(2);
  await shot(page, 'faults-08-finished');

  const other = await browser.newContext();
  const second = await runToEnd(await other.newPage());
  await other.close();
  expect(second).toEqual(first);

  // The same numbers as `npm run sim` for this design: one engine, one seed.
  const cli = runDesign(design, design.run);
  expect({ sent: cli.endToEnd.sent, completed: cli.endToEnd.completed, failed: cli.endToEnd.failed, p99: cli.endToEnd.latencyMs.p99 }).toEqual(first);
});

test('a circuit breaker opens on a connection to a dead server, and the inspector groups resilience params', async ({ page }) => {
  const base = restored(defaultDesign);
  const { link } = linkTo({
    name: 'Breaker',
    run: { durationS: 6, warmupS: 0 },
    // No health checks: the balancer keeps sending App 3 its share, so only the breaker stops it.
    nodes: base.nodes.map((n) => (n.id === 'lb' ? { ...n, params: { ...n.params, healthCheckIntervalS: 0, algorithm: 'roundRobin' } } : n)),
    edges: base.edges.map((e) => (e.id === 'e-lb-app-3' ? { ...e, params: { ...e.params, breakerFailures: 5, breakerOpenS: 30 } } : e)),
    faults: [{ atS: 2, action: 'kill', target: 'app-3' }],
  });
  await page.goto(link);
  await expect(page.getByLabel('Design name')).toHaveValue('Breaker');
  await page.getByLabel('Run for').selectOption({ label: '6 s' });
  await page.getByRole('radio', { name: /Max/ }).click();
  await page.getByRole('button', { name: 'Run' }).click();
  await expect(status(page)).toHaveText('Finished');
  await expect(node(page, 'app-3').getByTestId('node-state')).toHaveText('Down');
  await expect(page.locator('.edge-label[data-edge-id="e-lb-app-3"]')).toHaveText('Breaker open');
  await expect(node(page, 'lb').getByTestId('node-state')).toHaveText('Breaker open');

  await page.locator('.edge-label[data-edge-id="e-lb-app-3"]').click();
  const inspector = page.getByRole('complementary', { name: 'Inspector' });
  await expect(inspector.getByRole('region', { name: 'Circuit breaker' })).toBeVisible();
  await expect(inspector.getByLabel('Live figures')).toContainText('Open · opened 1 time');
  await expect(inspector.getByLabel('Breaker open time (s)')).toHaveValue('30');
  await expect(page.getByRole('figure', { name: 'Throughput (req/s)' }).locator('.fault-reference')).toHaveCount(1);
  await expect(node(page, 'users').getByTestId('node-live')).not.toContainText('0.0 req/s');
  await shot(page, 'faults-09-breaker-open');

  await node(page, 'users').click();
  const resilience = inspector.getByRole('region', { name: 'Resilience' });
  await expect(resilience.getByLabel('Timeout (ms)')).toBeVisible();
  await expect(resilience.getByLabel('Retries')).toBeVisible();
  await inspector.getByRole('region', { name: 'Cost' }).scrollIntoViewIfNeeded();
  await shot(page, 'faults-10-inspector-resilience');
  await node(page, 'db').click();
  await expect(inspector.getByRole('region', { name: 'Cost' })).toContainText('$250/month for 2 instances (the primary and 1 replica).');
});
