/** Capacity, as a person meets it: how much traffic the design carries within a target, what gives first, and the curve on the way. */
import { expect, test, type Page } from '@playwright/test';
import { fresh, openExample, shot } from './helpers';

const panel = (page: Page) => page.getByRole('region', { name: 'Capacity' });

async function openCapacity(page: Page, example: string) {
  await fresh(page);
  await openExample(page, example);
  await page.getByRole('tab', { name: 'Capacity' }).click();
  await expect(panel(page)).toContainText('Runs the design at multiples of its clients’ traffic');
}

test('finding how much traffic a search fan-out carries, what gives first, and searching again after a change', async ({ page }) => {
  await openCapacity(page, 'Search fan-out: the slowest shard sets the latency');
  await panel(page).getByRole('button', { name: 'Find capacity' }).click();

  // While it runs: each run as it is measured, and Stop.
  await expect(panel(page).getByRole('button', { name: 'Stop' })).toBeVisible();
  await expect(panel(page).getByRole('status')).toContainText(/^Run \d+ · ×[\d.]+ · [\d,]+ req\/s/);

  await expect(panel(page).getByRole('status')).toContainText(/^Carries about [\d,]+ req\/s \(×[\d.]+ today’s [\d,]+ req\/s\) with p99 ≤ 200 ms, errors ≤ 0\.1 %; at [\d,]+ req\/s: p99 [\d,.]+ (ms|s), over 200 ms\./, {
    timeout: 60_000,
  });
  await expect(panel(page).getByRole('button', { name: 'Find capacity' })).toBeVisible();
  const limit = panel(page).locator('.capacity-limit');
  await expect(limit).toContainText(/^What gives first: Index shard \d is saturated/);
  const limited = /Index shard \d/.exec((await limit.textContent()) ?? '')![0];

  // The curve: p99, throughput and errors against load, runs that met the target filled and those that missed hollow.
  for (const title of ['p99 (ms, log scale)', 'Throughput (req/s)', 'Error rate (%)']) await expect(panel(page).getByRole('figure', { name: title })).toBeVisible();
  const p99Chart = panel(page).getByRole('figure', { name: 'p99 (ms, log scale)' });
  await expect(p99Chart.locator('.recharts-line-dots circle[fill="var(--surface)"]').first()).toBeAttached();
  await expect(p99Chart.locator('.recharts-line-dots circle:not([fill="var(--surface)"])').first()).toBeAttached();

  // And the same runs in a table: today's traffic met, the capacity marked, a missed run saying why.
  const rows = panel(page).getByRole('table').getByRole('row');
  expect(await rows.count()).toBeGreaterThan(6);
  await expect(rows.filter({ hasText: 'today' })).toContainText('Meets the target');
  await expect(rows.filter({ hasText: 'capacity' })).toContainText('Meets the target');
  await expect(rows.filter({ hasText: /Misses: p99 [\d,]+ ms, over 200 ms/ }).first()).toBeVisible();
  await expect(panel(page)).not.toContainText(/NaN|Infinity/);
  await shot(page, 'capacity');

  // Moving a node changes nothing a run measures: the result still stands.
  const node = page.locator('.react-flow__node').filter({ hasText: 'Search API' });
  const before = (await node.boundingBox())!;
  await page.mouse.move(before.x + before.width / 2, before.y + 8);
  await page.mouse.down();
  await page.mouse.move(before.x + before.width / 2 + 60, before.y + 48, { steps: 6 });
  await page.mouse.up();
  await expect.poll(async () => (await node.boundingBox())!.x).toBeGreaterThan(before.x + 30);
  await expect(panel(page)).not.toContainText('The design has changed since this search');

  // Select it takes the person to the node that gives first.
  await limit.getByRole('button', { name: 'Select it' }).click();
  const inspector = page.getByRole('complementary', { name: 'Inspector' });
  await expect(inspector.getByLabel('Name')).toHaveValue(limited);

  // A change to the design: the result is about the design as it was, until it is searched again.
  const workers = inspector.getByLabel('Workers', { exact: true });
  await workers.fill('16');
  await workers.press('Enter');
  await expect(panel(page)).toContainText('The design has changed since this search');
  await panel(page).getByRole('button', { name: 'Run again' }).click();
  await expect(panel(page).getByRole('status')).toContainText(/^Carries about/, { timeout: 60_000 });
  await expect(panel(page)).not.toContainText('The design has changed since this search');
});

test('Stop ends a search; a target out of range is refused with the reason and nothing lost', async ({ page }) => {
  await openCapacity(page, 'Hedged requests: a second copy cuts the tail');

  const p99 = panel(page).getByLabel('p99 at most');
  await p99.fill('0');
  await expect(panel(page).getByRole('alert')).toHaveText('The p99 target must be more than 0 ms, got 0.');
  await p99.press('Enter');
  await expect(panel(page).getByRole('button', { name: 'Stop' })).toHaveCount(0);
  await p99.blur();
  await expect(p99).toHaveValue('200');
  await expect(panel(page).getByRole('alert')).toHaveCount(0);

  const errors = panel(page).getByLabel('Errors at most');
  await errors.fill('1');
  // Enter searches with the target as typed.
  await errors.press('Enter');
  await expect(panel(page).getByRole('status')).toContainText(/^Run \d+ · ×/);
  await panel(page).getByRole('button', { name: 'Stop' }).click();
  await expect(panel(page).getByRole('button', { name: 'Find capacity' })).toBeVisible();
  await expect(panel(page).getByRole('table')).toHaveCount(0);
  await expect(panel(page)).not.toContainText('Carries');

  await panel(page).getByRole('button', { name: 'Find capacity' }).click();
  await expect(panel(page).getByRole('status')).toContainText(/^Carries about [\d,]+ req\/s .* errors ≤ 1 %; at /, { timeout: 60_000 });
});
