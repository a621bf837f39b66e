import { expect, test, type Page } from '@playwright/test';
import { fresh, openExample, shot } from './helpers';

const table = (page: Page) => page.getByLabel('Comparison').getByRole('table');
const row = (page: Page, value: string) => table(page).getByRole('row').filter({ has: page.getByRole('rowheader', { name: new RegExp(`^${value}`) }) });
/** A row's p99 in ms, as its cell reads. */
async function p99(page: Page, value: string): Promise<number> {
  const text = (await row(page, value).getByRole('cell').nth(3).textContent()) ?? '';
  const match = /([\d,.]+) (ms|s)/.exec(text)!;
  return Number(match[1].replace(/,/g, '')) * (match[2] === 's' ? 1000 : 1);
}

test('comparing a balancer’s algorithms side by side, and using the best', async ({ page }) => {
  await fresh(page);
  await openExample(page, 'Load balancing: one slow server');
  await page.locator('.react-flow__node[data-id="lb"]').click();
  await page.getByRole('button', { name: 'Compare algorithm values' }).click();
  await expect(page.getByRole('tab', { name: 'Compare' })).toHaveAttribute('aria-selected', 'true');
  // Every algorithm, one row each, the same random draws (so the same requests) in every run.
  await expect(table(page).getByRole('row')).toHaveCount(12, { timeout: 30_000 });
  await expect(page.getByLabel('Comparison').getByRole('status')).toContainText('the same random draws in every run');
  await expect(row(page, 'Round Robin')).toContainText('current');
  // Round robin feeds the slow server a third of the traffic; least connections sends it less.
  expect(await p99(page, 'Least Connections')).toBeLessThan((await p99(page, 'Round Robin')) / 2);
  // Each row says how its p99 compares with the current value's.
  await expect(row(page, 'Least Connections').getByRole('cell').nth(3)).toContainText(/−\d+ %/);
  await expect(row(page, 'Round Robin').getByRole('cell').nth(3)).not.toContainText('%');
  // And its p99 second by second: a point for each of the 60 measured seconds, on one scale.
  const line = row(page, 'Round Robin').getByRole('img', { name: /^p99 each second/ });
  await expect(line).toHaveAccessibleName(/ of 60\)/);
  expect(((await line.locator('path').getAttribute('d')) ?? '').match(/[ML]/g)).toHaveLength(60);
  await expect(row(page, 'Least Connections').getByRole('img', { name: /^p99 each second/ })).toBeVisible();
  await shot(page, 'compare-algorithms');

  await row(page, 'Least Connections').getByRole('button', { name: 'Use Least Connections' }).click();
  await expect(page.getByRole('combobox', { name: 'Algorithm' })).toHaveValue('leastConnections');
  // The runs were of the design before the change.
  await expect(page.getByLabel('Comparison').getByRole('status')).toContainText('The design has changed since these runs');
  await page.getByRole('button', { name: 'Run again' }).click();
  await expect(row(page, 'Least Connections')).toContainText('current');

  // Fewer values: the unticked ones are not run.
  for (const name of ['Sticky Round Robin', 'Weighted Round Robin', 'IP Hash', 'URL Hash', 'Least Response Time', 'Random', 'Power of Two Choices', 'Peak EWMA', 'Consistent Hash']) {
    await page.getByLabel('Comparison').getByRole('checkbox', { name }).uncheck();
  }
  await page.getByRole('button', { name: 'Run again' }).click();
  await expect(table(page).getByRole('row')).toHaveCount(3);

  await page.getByRole('button', { name: 'Close', exact: true }).click();
  await expect(page.getByRole('tab', { name: 'Compare' })).toHaveCount(0);
});

test('comparing numbers: values typed as a list, checked as the inspector checks them', async ({ page }) => {
  await fresh(page);
  await openExample(page, 'Load balancing: one slow server');
  await page.locator('.react-flow__node[data-id="slow"]').click();
  // The button shows on hover or focus.
  await page.getByLabel('Workers', { exact: true }).focus();
  await page.getByRole('button', { name: 'Compare workers values' }).click();
  const values = page.getByLabel('Comparison').getByLabel('Values');
  await expect(values).toHaveValue('2, 4, 8, 16');
  await expect(table(page).getByRole('row')).toHaveCount(5, { timeout: 30_000 });
  // More workers on the slow server: its queue, and the tail, shrink.
  expect(await p99(page, '16')).toBeLessThan(await p99(page, '2'));

  await values.fill('1, 4, 0');
  await values.press('Enter');
  await expect(page.getByLabel('Comparison').getByRole('alert')).toHaveText('workers must be at least 1, got 0.');
  await values.fill('1, 4');
  await values.press('Enter');
  await expect(table(page).getByRole('row')).toHaveCount(3, { timeout: 30_000 });
  await expect(page.getByLabel('Comparison').getByRole('alert')).toHaveCount(0);
});

test('a design that cannot run says so once, not on every row', async ({ page }) => {
  await fresh(page);
  await openExample(page, 'Load balancing: one slow server');
  await page.locator('.react-flow__node[data-id="users"]').click();
  await page.keyboard.press('Delete');
  await page.locator('.react-flow__node[data-id="lb"]').click();
  await page.getByRole('button', { name: 'Compare algorithm values' }).click();
  await expect(page.getByLabel('Comparison').getByRole('alert')).toHaveText('The design cannot run: There is no client: add a Client to send requests.');
  await expect(table(page)).toHaveCount(0);
});
