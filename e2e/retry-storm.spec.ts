/** A retry storm, as a person meets it: a spike tips the servers over for good, Findings says why, and a retry budget lets them recover. */
import { expect, test } from '@playwright/test';
import { fresh, openExample, shot } from './helpers';

test('the retry-storm example stays down after its spike, Findings names the storm, and a retry budget lets it recover', async ({ page }) => {
  await fresh(page);
  await openExample(page, 'Retry storm: a 5-second spike, then down for good');
  await page.getByLabel('Run for').selectOption({ value: 'design' });
  await page.getByRole('radio', { name: /Max/ }).click();
  await page.getByRole('button', { name: 'Run' }).click();
  await expect(page.getByRole('status').filter({ hasText: /^Finished/ })).toBeVisible({ timeout: 30_000 });

  await page.getByRole('tab', { name: /Findings/ }).click();
  const panel = page.getByRole('region', { name: 'Findings' });
  await expect(panel).toContainText(/Retries keep API 1 overloaded \(a retry storm\): busy 9\d % of the time, yet without them it would have had about [\d,]+ requests, fewer than the [\d,]+ it served/);
  await expect(panel).toContainText('A retry budget on the clients caps them.');
  await shot(page, 'retry-storm');

  // The budget is one of the client's resilience settings, shown once it retries.
  await page.locator('.react-flow__node').filter({ hasText: 'Users' }).click();
  const inspector = page.getByRole('complementary', { name: 'Inspector' });
  const budget = inspector.getByLabel('Retry budget');
  await expect(budget).toHaveValue('');
  await expect(budget).toHaveAttribute('placeholder', 'no budget');
  await budget.fill('10');
  await budget.press('Enter');
  await shot(page, 'retry-budget');

  await page.getByRole('button', { name: 'Run' }).click();
  await expect(page.getByRole('status').filter({ hasText: /^Finished/ })).toBeVisible({ timeout: 30_000 });
  await expect(panel).toContainText(/The clients' retry budget refused [\d,]+ retries/);
  await expect(panel).not.toContainText('retry storm');
});
