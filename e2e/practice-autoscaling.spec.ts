/** The autoscaling brief, as a person works through it: a fixed fleet over budget, then target tracking that passes. */
import { expect, test, type Page } from '@playwright/test';
import { fresh, shot } from './helpers';

const brief = (page: Page) => page.getByLabel('Practice brief');
const requirement = (page: Page, label: RegExp) => brief(page).getByRole('listitem').filter({ hasText: label });

async function check(page: Page) {
  await brief(page).getByRole('button', { name: 'Check', exact: true }).click();
  await expect(brief(page).getByRole('status')).toContainText(/Passed|not met yet/, { timeout: 60_000 });
}

async function setParam(page: Page, label: string, value: string) {
  const field = page.getByRole('complementary', { name: 'Inspector' }).getByLabel(label, { exact: true });
  await field.fill(value);
  await field.press('Enter');
}

test('following the daily peak: five fixed instances are over budget; autoscaling with a floor of two at a 70 % target passes', async ({ page }) => {
  await fresh(page);
  await page.getByRole('button', { name: 'Practice', exact: true }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Start Pay for the peak only at the peak' }).click();
  await expect(brief(page)).toContainText('1,700 at the evening peak');
  await expect(brief(page)).toContainText('Check runs 120 s of warm-up, then 1200 s measured');

  await check(page);
  await expect(brief(page).getByRole('status')).toContainText('1 of 4 not met yet');
  await expect(requirement(page, /at most \$300/)).toContainText(/Not met: .*\$350/);

  // The start-up time is the platform's: the inspector says the brief fixes it.
  await page.locator('.react-flow__node[data-id="app"]').click();
  await setParam(page, 'Max instances', '8');
  const scaling = page.getByRole('complementary', { name: 'Inspector' }).getByRole('region', { name: 'Scaling' });
  const field = (label: string) => scaling.locator('.field').filter({ has: page.getByRole('textbox', { name: label, exact: false }) });
  await expect(field('Start-up time')).toContainText('Fixed by the practice brief.');
  await expect(field('Target utilisation')).not.toContainText('Fixed by');
  await setParam(page, 'Instances', '2');
  await setParam(page, 'Target utilisation', '0.7');
  await expect(page.locator('.react-flow__node[data-id="app"]')).toContainText('2–8 × 4 workers');
  await check(page);
  await expect(brief(page).getByRole('status')).toContainText('Passed: every requirement is met.');

  // Watching the check's run shows the fleet follow the day.
  await brief(page).getByRole('button', { name: 'Watch it run' }).click();
  const instances = page.getByRole('figure', { name: 'Instances (autoscaling)' });
  await expect(instances.locator('.recharts-line')).toHaveCount(1);
  await page.waitForTimeout(3000);
  await shot(page, 'practice-daily-peak');
});
