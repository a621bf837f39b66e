/** A baseline, as a person uses one: keep a run, change the design, run again, and read what moved. */
import { expect, test, type Page } from '@playwright/test';
import { axeViolations, fresh, shot } from './helpers';

async function runToTheEnd(page: Page) {
  await page.getByRole('button', { name: 'Run' }).click();
  await expect(page.getByRole('status').filter({ hasText: /^Finished/ })).toBeVisible({ timeout: 30_000 });
}

const figure = async (page: Page, id: string) => Number(await page.getByTestId(`summary-${id}`).getAttribute('data-value'));

test('keep a run as the baseline: the next run says how each figure moved and draws the kept one dashed', async ({ page }) => {
  await fresh(page);
  const keep = page.getByRole('button', { name: 'Keep as baseline' });
  // Nothing to keep before a run has measured something.
  await expect(keep).toHaveCount(0);

  await page.getByLabel('Run for').selectOption({ value: 'design' });
  await page.getByRole('radio', { name: /Max/ }).click();
  await runToTheEnd(page);
  const before = { p99: await figure(page, 'p99'), throughput: await figure(page, 'throughput') };
  await keep.click();
  await expect(page.getByText('vs baseline')).toBeVisible();
  // The run just kept is not offered again.
  await expect(page.getByRole('button', { name: /Replace the baseline/ })).toHaveCount(0);
  // The kept run against itself: nothing moved.
  await expect(page.getByTestId('summary-p99-change')).toHaveText(/^±0 %/);

  // Half the traffic: less goes through, and what does is answered faster.
  await page.locator('.react-flow__node[data-id="users"]').click();
  const rate = page.getByRole('complementary', { name: 'Inspector' }).getByLabel('Rate (req/s)');
  await rate.fill('400');
  await rate.press('Enter');
  await runToTheEnd(page);

  const after = { p99: await figure(page, 'p99'), throughput: await figure(page, 'throughput') };
  await expect(page.getByRole('button', { name: /Replace the baseline/ })).toBeVisible();
  const change = (now: number, was: number) => {
    const percent = Math.round(((now - was) / was) * 100);
    return percent === 0 ? '±0 %' : `${percent > 0 ? '+' : '−'}${Math.abs(percent)} %`;
  };
  expect(after.p99).toBeLessThan(before.p99);
  const p99 = page.getByTestId('summary-p99-change');
  await expect(p99).toHaveText(new RegExp(`^${change(after.p99, before.p99)}`));
  await expect(p99).toHaveClass(/is-better/);
  const throughput = page.getByTestId('summary-throughput-change');
  await expect(throughput).toHaveText(new RegExp(`^${change(after.throughput, before.throughput)}`));
  await expect(throughput).toHaveClass(/is-worse/);
  // The kept figure is a hover away.
  await expect(page.locator('.summary-figures > div').filter({ has: p99 })).toHaveAttribute('title', /^Baseline \(Web app with a cache\): [\d.]+ ms$/);

  // The charts draw the kept run's seconds beside the new ones.
  const charts = page.locator('.charts');
  await expect(charts.locator('.recharts-legend-item-text').filter({ hasText: 'baseline p99' })).toBeVisible();
  await expect(charts.locator('.recharts-legend-item-text').filter({ hasText: /^Baseline$/ })).toHaveCount(2);
  await expect(charts.locator('path.recharts-line-curve[stroke-dasharray]')).toHaveCount(3);
  await shot(page, 'baseline');
  expect(await axeViolations(page, { within: '.summary' })).toEqual([]);

  // Clearing it leaves the run as it is, with nothing to compare.
  await page.getByRole('button', { name: /Clear the baseline/ }).click();
  await expect(page.getByTestId('summary-p99-change')).toHaveCount(0);
  await expect(charts.locator('path.recharts-line-curve[stroke-dasharray]')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Keep as baseline' })).toBeVisible();
});
