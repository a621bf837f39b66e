/** Findings, as a person meets them: a run of the slow-server example says what limits it, and where. */
import { expect, test } from '@playwright/test';
import { fresh, openExample, shot } from './helpers';

test('the findings of a round-robin balancer in front of a slow server: saturated, turning requests away, uneven; and the fix clears them', async ({ page }) => {
  await fresh(page);
  await page.getByRole('tab', { name: /Findings/ }).click();
  await expect(page.getByRole('tabpanel')).toContainText('Run the design');

  await openExample(page, 'Load balancing: one slow server');
  await page.getByLabel('Run for').selectOption({ value: 'design' });
  await page.getByRole('radio', { name: /Max/ }).click();
  await page.getByRole('button', { name: 'Run' }).click();
  await expect(page.getByRole('status').filter({ hasText: /^Finished/ })).toBeVisible({ timeout: 30_000 });

  const panel = page.getByRole('region', { name: 'Findings' });
  const items = panel.getByRole('listitem');
  await expect(items.nth(0)).toContainText(/Problem: Slow server is saturated: busy (99|100) % of the time/);
  await expect(panel).toContainText(/Slow server turned away [\d,]+ requests/);
  await expect(panel).toContainText('Load balancer spreads the load unevenly');
  await expect(page.getByRole('tab', { name: /Findings/ })).toContainText('3');
  await shot(page, 'findings');

  // "Select it" takes the person to the node.
  await items.filter({ hasText: 'spreads the load unevenly' }).getByRole('button', { name: 'Select it' }).click();
  await expect(page.getByRole('complementary', { name: 'Inspector' }).getByLabel('Name')).toHaveValue('Load balancer');

  // What it does to one request: the slowest, traced, waited for a worker at the slow server.
  await panel.getByRole('button', { name: 'Trace the slowest requests' }).click();
  await expect(page.getByRole('region', { name: 'Traces' }).locator('.traces-headline')).toContainText('waiting for a worker at Slow server', { timeout: 30_000 });
  await page.getByRole('tab', { name: /Findings/ }).click();

  // Least connections sends the slow server what it can take: nothing stands out any more.
  await page.getByRole('complementary', { name: 'Inspector' }).getByLabel('Algorithm').selectOption('leastConnections');
  await page.getByRole('button', { name: 'Run' }).click();
  await expect(page.getByRole('status').filter({ hasText: /^Finished/ })).toBeVisible({ timeout: 30_000 });
  await expect(panel).toContainText('Nothing stands out');

  // Nothing wrong at today's traffic: the next question is how much more it carries.
  await panel.getByRole('button', { name: 'Find how much more it carries' }).click();
  const capacity = page.getByRole('region', { name: 'Capacity' });
  await expect(capacity.getByRole('status')).toContainText(/^Carries about [\d,]+ req\/s/, { timeout: 60_000 });
});
