import { expect, test } from '@playwright/test';
import { fresh, openExample, shot } from './helpers';

test('first visit shows the default design', async ({ page }) => {
  await fresh(page);
  await expect(page.getByLabel('Design name')).toHaveValue('Web app with a cache');
  await expect(page.locator('.react-flow__node')).toHaveCount(7);
  await shot(page, '01-first-visit');
});

test('a runnable example runs and its numbers move', async ({ page }) => {
  await fresh(page);
  await openExample(page, 'Load balancing: one slow server');
  await page.getByRole('button', { name: 'Run' }).click();
  const sent = page.getByTestId('summary-sent');
  await expect(sent).not.toHaveText('0');
  const first = await sent.textContent();
  await expect(sent).not.toHaveText(first!);
  await expect(page.locator('.chart').first()).toBeVisible();
  await expect(page.locator('[data-testid="node-live"]').first()).toBeVisible();
  await page.getByRole('radio', { name: /×10/ }).click();
  await expect(page.getByTestId('summary-simulated-time')).toHaveText(/^(\d\d+\.\d s|\d+ min)/);
  await shot(page, '02-running');
  await page.getByRole('button', { name: 'Pause' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Paused' })).toBeVisible();
  await page.getByTestId('rf__node-slow').click();
  await shot(page, '03-paused-inspector');
});

test('a design with a queue charts its backlog over time', async ({ page }) => {
  await fresh(page);
  await openExample(page, 'Write-heavy ingest behind a queue');
  await page.getByRole('radio', { name: /×10/ }).click();
  await page.getByRole('button', { name: 'Run' }).click();
  const backlog = page.getByRole('figure', { name: 'Queue backlog (messages)' });
  await expect(backlog).toBeVisible();
  await expect(backlog).toContainText('Queue');
  await expect(page.getByTestId('summary-simulated-time')).toHaveText(/^(\d\d+\.\d s|\d+ min)/);
  await expect(backlog.locator('.recharts-line')).toHaveCount(1);
  await shot(page, '11-queue-backlog');
  // A design without queues keeps four charts.
  await openExample(page, 'Load balancing: one slow server');
  await page.getByRole('button', { name: 'Run' }).click();
  await expect(page.getByRole('figure', { name: 'Throughput (req/s)' })).toBeVisible();
  await expect(page.getByRole('figure', { name: 'Queue backlog (messages)' })).toHaveCount(0);
});
