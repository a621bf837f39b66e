/** A server's instances and autoscaling, as a person sets them up and watches them work. */
import { expect, test } from '@playwright/test';
import { runDesign } from '../src/engine/run';
import { withParam } from '../src/compare/compare';
import { restored } from '../src/engine/testSupport';
import { encodeDesign } from '../src/share/link';
import { shot } from './helpers';

test('a server scales out to what its load needs, and says how many instances it runs', async ({ page }) => {
  // 1,000 requests/s of 10 ms: ten workers' worth of work, on instances of four workers.
  const design = restored({
    format: 'archsim.design',
    version: 1,
    name: 'Autoscaling',
    run: { durationS: 120, warmupS: 0 },
    nodes: [
      { id: 'users', kind: 'client', label: 'Users', position: { x: 0, y: 0 }, params: { ratePerSecond: 1000 } },
      { id: 'app', kind: 'server', label: 'App', position: { x: 320, y: 0 }, params: { workers: 4, serviceTimeMs: 10, scaleIntervalS: 10, provisionS: 5 } },
    ],
    edges: [{ id: 'e1', source: 'users', target: 'app' }],
  });
  await page.goto(`/#${encodeDesign(design)}`);
  const app = page.getByTestId('rf__node-app');
  await expect(app).toContainText('4 workers · 10 ms');

  // Autoscaling is off until Max instances is above Instances.
  await app.click();
  const scaling = page.getByRole('complementary', { name: 'Inspector' }).getByRole('region', { name: 'Scaling' });
  await expect(scaling).toContainText('Autoscaling is off');
  await expect(scaling.getByLabel('Target utilisation')).toHaveCount(0);
  await scaling.getByLabel('Max instances').fill('20');
  await scaling.getByLabel('Max instances').press('Enter');
  await expect(app).toContainText('1–20 × 4 workers · 10 ms');
  await expect(scaling.getByLabel('Target utilisation')).toHaveValue('0.6');
  await shot(page, 'scaling-01-inspector');

  // Target tracking: ⌈10 ÷ (4 × 0.6)⌉ = 5 instances, half busy.
  await page.getByRole('radio', { name: /Max/ }).click();
  await page.getByRole('button', { name: 'Run' }).click();
  await expect(page.getByRole('status').filter({ hasText: /^Finished/ })).toBeVisible({ timeout: 30_000 });
  await expect(app.getByTestId('node-live')).toContainText('5 instances');
  // The bill is the instances' average over the run at $70.08 each: below five's $350.40 after
  // the climb from one, and the runner's figure for the same design to the cent.
  const cost = Number(await page.getByTestId('summary-cost').getAttribute('data-value'));
  const cli = runDesign(withParam(design, { target: 'app', key: 'maxInstances' }, 20), design.run);
  expect(cost).toBe(cli.costPerMonth);
  expect(cost).toBeGreaterThan(70.08 * 3);
  expect(cost).toBeLessThan(70.08 * 5);
  await shot(page, 'scaling-02-finished');

  // The instances over time: one at the start, five at the end, stepping up in between.
  const chart = page.getByRole('figure', { name: 'Instances (autoscaling)' });
  await expect(chart.locator('.recharts-legend-item-text')).toHaveText(['App']);
  const plot = (await chart.locator('.recharts-cartesian-grid').boundingBox())!;
  const readAt = async (x: number) => {
    await page.mouse.move(x, plot.y + plot.height / 2);
    const tip = chart.locator('.recharts-tooltip-wrapper');
    await expect(tip).toContainText('App');
    return tip.innerText();
  };
  expect(await readAt(plot.x + 1)).toMatch(/App\s*:?\s*1 instance\b/);
  expect(await readAt(plot.x + plot.width - 1)).toMatch(/App\s*:?\s*5 instances/);
});

test('a design without autoscaling has no instances chart', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('button', { name: 'Run' }).click();
  await expect(page.getByRole('figure', { name: 'Throughput (req/s)' })).toBeVisible();
  await expect(page.locator('.chart')).toHaveCount(4);
  await expect(page.getByRole('figure', { name: 'Instances (autoscaling)' })).toHaveCount(0);
});
