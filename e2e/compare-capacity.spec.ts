/** The Compare tab's capacity per row: how much traffic each value carries, not only how it does at today's. */
import { expect, test, type Page } from '@playwright/test';
import { fresh, openExample, shot } from './helpers';

const panel = (page: Page) => page.getByLabel('Comparison');
const table = (page: Page) => panel(page).getByRole('table');
const row = (page: Page, value: string) => table(page).getByRole('row').filter({ has: page.getByRole('rowheader', { name: new RegExp(`^${value}`) }) });
/** After throughput, p50, p95, p99, p99 each second, errors and cost. */
const carries = (page: Page, value: string) => row(page, value).getByRole('cell').nth(7);
const find = (page: Page) => panel(page).getByRole('button', { name: 'Find each row’s capacity' });

/** A row's carried load in req/s, as its cell reads. */
async function carried(page: Page, value: string): Promise<number> {
  const text = (await carries(page, value).textContent()) ?? '';
  return Number(/([\d,]+) req\/s/.exec(text)![1].replace(/,/g, ''));
}

test('each balancing algorithm’s capacity, row by row: what it carries and what gives first', async ({ page }) => {
  await fresh(page);
  await openExample(page, 'Load balancing: one slow server');
  await page.locator('.react-flow__node[data-id="lb"]').click();
  await page.getByRole('button', { name: 'Compare algorithm values' }).click();
  await expect(table(page).getByRole('row')).toHaveCount(12, { timeout: 30_000 });
  await expect(panel(page)).toContainText('A capacity search per row: the most traffic each value carries within the Capacity tab’s target, p99 ≤ 200 ms, errors ≤ 0.1 %.');
  await expect(table(page).getByRole('columnheader', { name: 'Carries' })).toHaveCount(0);

  // While it runs: the rows fill in one by one, the one under way marked, and Stop.
  await find(page).click();
  await expect(panel(page).getByRole('button', { name: 'Stop' })).toBeVisible();
  await expect(panel(page)).toContainText(/Searching row \d+ of 11 for the most traffic it carries within p99 ≤ 200 ms/);
  await expect(table(page).getByRole('columnheader', { name: 'Carries' })).toBeVisible();

  await expect(find(page)).toBeVisible({ timeout: 30_000 });
  await expect(panel(page)).toContainText(/Carries: the most traffic each row carries within p99 ≤ 200 ms, errors ≤ 0\.1 %; \d+ runs in [\d.]+ s\./);
  // Round robin feeds the slow server a third of the traffic whatever its load: it saturates
  // first. Least connections sends it less, so the same servers carry far more.
  expect(await carried(page, 'Least Connections')).toBeGreaterThan(1.5 * (await carried(page, 'Round Robin')));
  const roundRobinLimit = carries(page, 'Round Robin').locator('[title]');
  await expect(roundRobinLimit).toHaveText('Slow server is saturated');
  await expect(roundRobinLimit).toHaveAttribute('title', /^Slow server is saturated: busy \d+ % of the time/);
  await expect(carries(page, 'Least Connections')).toContainText('Fast server');
  // The most carried is marked, as the fastest p99 is.
  await expect(table(page).getByText('(most)')).not.toHaveCount(0);
  await expect(carries(page, 'Round Robin')).not.toContainText('(most)');
  await expect(panel(page)).not.toContainText(/NaN|Infinity|searching/);
  await shot(page, 'compare-capacity');

  // A change to the design: the rows, capacity included, are about the design as it was.
  await row(page, 'Least Connections').getByRole('button', { name: 'Use Least Connections' }).click();
  await expect(panel(page).getByRole('status')).toContainText('The design has changed since these runs');
  await expect(find(page)).toBeDisabled();
  await expect(table(page).getByRole('columnheader', { name: 'Carries' })).toBeVisible();
  // New rows: the old rows' capacity goes with them.
  await panel(page).getByRole('button', { name: 'Run again' }).click();
  await expect(row(page, 'Least Connections')).toContainText('current', { timeout: 30_000 });
  await expect(table(page).getByRole('columnheader', { name: 'Carries' })).toHaveCount(0);

  // Stop ends a search and drops its column.
  await find(page).click();
  await panel(page).getByRole('button', { name: 'Stop' }).click();
  await expect(find(page)).toBeEnabled();
  await expect(table(page).getByRole('columnheader', { name: 'Carries' })).toHaveCount(0);
  await expect(panel(page)).toContainText('A capacity search per row');
});
