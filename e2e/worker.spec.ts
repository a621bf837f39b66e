/**
 * The simulation worker failing for real inside Chromium: an uncaught error, and a loop that
 * never yields. Each time the page says so in an alert, keeps the design, and runs again.
 */
import { expect, test, type Page } from '@playwright/test';
import { fresh, shot } from './helpers';

async function running(page: Page) {
  await page.getByRole('button', { name: 'Run' }).click();
  await expect(page.getByTestId('summary-sent')).not.toHaveText('0');
  await expect.poll(() => page.workers().length).toBeGreaterThan(0);
  return page.workers().at(-1)!;
}

async function runsAgain(page: Page) {
  await expect(page.getByRole('status').filter({ hasText: /^Not running/ })).toBeVisible();
  await expect(page.locator('.react-flow__node')).toHaveCount(7);
  await expect(page.getByLabel('Design name')).toHaveValue('Web app with a cache');
  await page.getByRole('button', { name: 'Reset' }).click();
  await page.getByRole('button', { name: 'Run' }).click();
  await expect(page.getByRole('status').filter({ hasText: /^Running/ })).toBeVisible();
  await expect(page.getByTestId('summary-sent')).not.toHaveText('0');
}

test('a worker that crashes is replaced, with an alert, and the design stays', async ({ page }) => {
  await fresh(page);
  const worker = await running(page);
  await worker.evaluate('setTimeout(() => { throw new Error("boom in the engine"); })');
  const alert = page.getByRole('alert').filter({ hasText: 'The simulation worker crashed' });
  await expect(alert).toContainText('boom in the engine');
  await expect(alert).toContainText('Your design is unchanged');
  await shot(page, '10-worker-crashed');
  await runsAgain(page);
});

test('a worker that hangs is restarted by the watchdog, with an alert, and the design stays', async ({ page }) => {
  await fresh(page);
  const worker = await running(page);
  // A loop that never yields: the worker stops answering pings.
  await worker.evaluate('setTimeout(() => { for (;;) {} })');
  await expect(page.getByRole('alert').filter({ hasText: 'The simulation stopped responding and was restarted' })).toBeVisible({ timeout: 15_000 });
  await runsAgain(page);
});
