import { expect, test, type Page } from '@playwright/test';
import { fresh, openExample, shot } from './helpers';

const brief = (page: Page) => page.getByLabel('Practice brief');
const requirement = (page: Page, label: RegExp) => brief(page).getByRole('listitem').filter({ hasText: label });

async function start(page: Page, title: string) {
  await page.getByRole('button', { name: 'Practice', exact: true }).click();
  await page.getByRole('dialog').getByRole('button', { name: `Start ${title}` }).click();
  await expect(page.getByRole('tab', { name: /Brief/ })).toHaveAttribute('aria-selected', 'true');
}

async function check(page: Page) {
  await brief(page).getByRole('button', { name: 'Check', exact: true }).click();
  await expect(brief(page).getByRole('status')).toContainText(/Passed|not met yet/, { timeout: 30_000 });
}

test('a practice scenario: its brief, a failing check, the brief’s rules, hints, an answer that passes', async ({ page }) => {
  await fresh(page);
  await start(page, 'Scale out a web API');
  // The scenario's starting design: one client, one server.
  await expect(page.locator('.react-flow__node')).toHaveCount(2);
  await expect(brief(page)).toContainText('1,500 requests a second');
  await expect(requirement(page, /p99 latency at most 100 ms/)).toContainText('Not checked');

  await check(page);
  await expect(brief(page).getByRole('status')).toContainText('1 of 4 not met yet');
  await expect(requirement(page, /p99 latency at most 100 ms/)).toContainText(/Not met: .*p99 [\d,]+ ms/);
  await expect(page.getByRole('tab', { name: /Brief \(not passed yet\)/ })).toBeVisible();

  // A bigger server is not the answer: the brief fixes what an instance is.
  await page.locator('.react-flow__node[data-id="app"]').click();
  await page.getByLabel('Workers').fill('40');
  await page.getByLabel('Workers').press('Enter');
  await expect(page.getByText('The practice brief fixes this at 4; Check counts a change as breaking its rules.')).toBeVisible();
  await expect(brief(page).getByRole('status')).toContainText('The design has changed since this check.');
  await check(page);
  await expect(requirement(page, /Keeps the brief’s traffic and hardware/)).toContainText('App’s workers is 40, the brief’s 4');
  await shot(page, 'practice-rules');

  const hints = brief(page).getByLabel('Hints').getByRole('listitem');
  await brief(page).getByRole('button', { name: 'Show a hint (1 of 3)' }).click();
  await expect(hints).toHaveCount(1);
  await brief(page).getByRole('button', { name: 'Another hint (2 of 3)' }).click();
  await brief(page).getByRole('button', { name: 'Another hint (3 of 3)' }).click();
  await expect(hints).toHaveCount(3);
  await brief(page).getByRole('button', { name: 'Show an answer' }).click();
  await expect(page.locator('.react-flow__node')).toHaveCount(7);
  await check(page);
  await expect(brief(page).getByRole('status')).toContainText('Passed: every requirement is met.');
  await expect(page.getByRole('tab', { name: /Brief \(passed\)/ })).toBeVisible();
  await shot(page, 'practice-passed');

  // How much headroom the answer has: the brief's own limits as the capacity target.
  await page.getByRole('tab', { name: 'Capacity' }).click();
  const capacity = page.getByRole('region', { name: 'Capacity' });
  await capacity.getByRole('button', { name: 'Use the brief’s target' }).click();
  await expect(capacity.getByLabel('p99 at most')).toHaveValue('100');
  await expect(capacity.getByRole('button', { name: 'Use the brief’s target' })).toHaveCount(0);
  await capacity.getByRole('button', { name: 'Find capacity' }).click();
  await expect(capacity.getByRole('status')).toContainText(/^Carries about [\d,]+ req\/s \(×1\.\d+ today’s 1,\d{3} req\/s\) with p99 ≤ 100 ms, errors ≤ 0\.1 %/, {
    timeout: 60_000,
  });
  await page.getByRole('tab', { name: /Brief/ }).click();
  // The list of scenarios remembers it.
  await page.getByRole('button', { name: 'Practice', exact: true }).click();
  await expect(page.getByRole('dialog').getByRole('listitem').filter({ hasText: 'Scale out a web API' })).toContainText('Passed with the answer');
  await expect(page.getByRole('dialog').getByRole('listitem').filter({ hasText: 'Survive losing a server' })).not.toContainText('Passed');
  await page.getByRole('dialog').getByRole('button', { name: 'Close' }).click();

  // The scenario (the design's own) and its hints survive a reload; a check's result does not.
  await page.reload();
  await page.getByRole('tab', { name: /Brief/ }).click();
  await expect(brief(page).getByLabel('Hints').getByRole('listitem')).toHaveCount(3);
  await expect(requirement(page, /p99 latency at most 100 ms/)).toContainText('Not checked');

  // Leaving keeps the design; Undo takes the design back into practice.
  await brief(page).getByRole('button', { name: 'Leave practice' }).click();
  await expect(page.getByRole('tab', { name: /Brief/ })).toHaveCount(0);
  await expect(page.getByRole('tab', { name: 'Charts' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.locator('.react-flow__node')).toHaveCount(7);
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByRole('tab', { name: /Brief/ })).toBeVisible();
});

test('an attempt travels with its design: a shared link opens with the brief, an example ends it', async ({ browser, page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await fresh(page);
  await start(page, 'The database is the bottleneck');
  await page.getByRole('button', { name: 'Share' }).click();
  const dialog = page.getByRole('dialog', { name: 'Share this design' });
  const link = await dialog.getByRole('textbox', { name: 'Link' }).inputValue();
  await dialog.getByRole('button', { name: 'Done' }).click();

  const other = await browser.newPage();
  await other.goto(link);
  await expect(other.getByRole('tab', { name: /Brief/ })).toBeVisible();
  await other.getByRole('tab', { name: /Brief/ }).click();
  await expect(brief(other)).toContainText('The database is the bottleneck');
  await other.close();

  // A database added while practising is the brief's small instance, not the catalogue's.
  await page.getByRole('button', { name: 'Database', exact: true }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByLabel('Connections')).toHaveValue('4');
  await expect(page.getByText('Fixed by the practice brief.').first()).toBeVisible();
  await expect(page.getByText(/The practice brief fixes this at/)).toHaveCount(0);

  await openExample(page, 'Load balancing: one slow server');
  await expect(page.getByRole('tab', { name: /Brief/ })).toHaveCount(0);
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByRole('tab', { name: /Brief/ })).toBeVisible();
});

test('losing a server: the check names the server whose loss hurt most, and selects it', async ({ page }) => {
  await fresh(page);
  await start(page, 'Survive losing a server');
  await check(page);
  const loss = requirement(page, /Losing any one server/);
  await expect(loss).toContainText(/Not met: .*worst, losing App \d: [\d.]+ % failed/);
  const lossText = (await loss.textContent()) ?? '';
  const worst = /losing (App \d)/.exec(lossText)![1];
  await loss.getByRole('button', { name: /^worst, losing/ }).click();
  await expect(page.locator('.react-flow__node.selected')).toHaveCount(1);
  await expect(page.getByLabel('Name', { exact: true })).toHaveValue(worst);

  // Watching it: the check's run, live, with that server lost at 21.5 s; the design is unchanged.
  await loss.getByRole('button', { name: 'Watch it fail over' }).click();
  await expect(page.getByRole('tab', { name: 'Charts' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('radio', { name: /×10/ })).toHaveAttribute('aria-checked', 'true');
  await expect(page.getByRole('status').filter({ hasText: `Watching the check’s run: 5 s warm-up, 60 s measured, seed 1, losing ${worst} at 21.5 s.` })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'Finished' })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('summary-simulated-time')).toHaveAttribute('data-value', '65000');
  await expect(page.getByTestId('summary-failed')).not.toHaveText('0');
  // The same engine, seed and fault: the live run's p99 is the check's.
  const checkedP99 = /p99 ([\d,.]+ m?s)/.exec(lossText)![1];
  await expect(page.getByTestId('summary-p99')).toHaveText(checkedP99);
  await expect(page.locator('.fault-reference').first()).toBeVisible();
  await expect(page.getByRole('tab', { name: 'Faults' })).not.toContainText(/\d/);
  await shot(page, 'practice-watch');
});
