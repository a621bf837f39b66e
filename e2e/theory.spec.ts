/** Queueing theory in the inspector: an M/M/2 server's predicted wait, beside the wait the run measured, both on the closed form. */
import { expect, test } from '@playwright/test';
import { erlangC } from '../src/engine/closedForms';
import { singleStation } from '../src/engine/testSupport';
import { encodeDesign } from '../src/share/link';

test('a server fed Poisson traffic waits as Erlang C says, and the inspector shows both', async ({ page }) => {
  // λ = 150/s onto 2 workers of 10 ms: a = 1.5, ρ = 0.75, mean wait C(2, 1.5) × 10 ms ÷ (2 − 1.5) ≈ 12.9 ms.
  const design = { ...singleStation(150, { workers: 2, serviceTimeMs: 10 }), run: { durationS: 600, warmupS: 10 } };
  const expectedWaitMs = (erlangC(2, 1.5) * 10) / (2 - 1.5);
  await page.goto(`/#${encodeDesign(design)}`);
  await expect(page.locator('.react-flow__node').first()).toBeVisible();
  await page.getByRole('radio', { name: /Max/ }).click();
  await page.getByRole('button', { name: 'Run' }).click();
  await expect(page.getByRole('status').filter({ hasText: /^Finished/ })).toBeVisible({ timeout: 60_000 });

  await page.getByTestId('rf__node-app').click();
  const theory = page.getByRole('complementary', { name: 'Inspector' }).getByRole('region', { name: 'Queueing theory' });
  await expect(theory).toContainText(/M\/M\/2 queue: 1\d\d req\/s on 2 workers of 10\.0 ms each is ρ = 7\d % of the 200 req\/s they can serve\./);
  const wait = async (term: string) => {
    const text = (await theory.getByRole('term').filter({ hasText: term }).locator('xpath=following-sibling::dd').textContent()) ?? '';
    return Number(text.replace(/ ms$/, ''));
  };
  for (const term of ['Wait, predicted', 'Wait, measured']) {
    const ms = await wait(term);
    expect(Math.abs(ms - expectedWaitMs) / expectedWaitMs, `${term}: ${ms} ms against ${expectedWaitMs.toFixed(2)} ms`).toBeLessThan(0.1);
  }
});
