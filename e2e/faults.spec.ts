/**
 * Faults as a person meets them: break a node while the design runs and watch it go Down and
 * errors appear, bring it back; schedule faults on the timeline (checked, undoable, in the
 * link) and see them happen at their time, marked on the charts; run for a fixed length and
 * get the same figures in a fresh browser from a share link.
 */
import { expect, test, type Page } from '@playwright/test';
import { fresh, shot } from './helpers';


async function openFaults(page: Page) {
  await page.getByRole('tab', { name: /Faults/ }).click();
  return page.getByRole('tabpanel');
}

test('scheduled faults: add, refuse, edit, delete, undo, on a timeline', async ({ page }) => {
  await fresh(page);
  const panel = await openFaults(page);
  await expect(panel.getByText('No scheduled faults')).toBeVisible();

  const form = panel.getByRole('form', { name: 'Schedule a fault' });
  await form.getByLabel('When (s)').fill('20');
  await form.getByLabel('Target').selectOption({ label: 'App 1' });
  await form.getByLabel('Action').selectOption({ label: 'Kill' });
  await form.getByLabel('Lasts (s)').fill('10');
  await form.getByRole('button', { name: 'Add fault' }).click();

  const list = panel.getByRole('table', { name: 'Scheduled faults' });
  await expect(list.getByRole('row')).toHaveCount(2);
  await expect(list.getByRole('row').nth(1)).toContainText('20 s');
  await expect(list.getByRole('row').nth(1)).toContainText('Kill');
  await expect(list.getByRole('row').nth(1)).toContainText('App 1');
  await expect(panel.getByRole('button', { name: 'Kill · App 1 at 20 s for 10 s: edit' })).toBeVisible();
  await expect(page.getByRole('tab', { name: /Faults \(1 scheduled\)/ })).toBeVisible();

  // A slow-down on a connection: the form offers only what applies, and the model refuses bad numbers.
  await form.getByLabel('When (s)').fill('-3');
  await form.getByLabel('Target').selectOption({ label: 'App 2' });
  await form.getByLabel('Action').selectOption({ label: 'Slow' });
  await form.getByLabel('Factor (×)').fill('4');
  await form.getByRole('button', { name: 'Add fault' }).click();
  await expect(panel.getByRole('alert')).toContainText('When must be from 0');
  await form.getByLabel('When (s)').fill('35');
  await form.getByLabel('Factor (×)').fill('5000');
  await form.getByRole('button', { name: 'Add fault' }).click();
  await expect(panel.getByRole('alert')).toContainText('This fault is malformed: factor must be at most 1000');
  await shot(page, 'faults-01-refused');
  await form.getByLabel('Factor (×)').fill('4');
  await form.getByRole('button', { name: 'Add fault' }).click();
  await expect(panel.getByRole('alert')).toHaveCount(0);
  await expect(list.getByRole('row')).toHaveCount(3);

  const cacheToDb = 'Cache → Database';
  await form.getByLabel('When (s)').fill('5');
  await form.getByLabel('Target').selectOption({ label: cacheToDb });
  await expect(form.getByLabel('Action').locator('option')).toHaveText(['Add latency', 'Cut', 'Heal']);
  await form.getByLabel('Action').selectOption({ label: 'Add latency' });
  await form.getByLabel('Extra latency (ms)').fill('150');
  await form.getByRole('button', { name: 'Add fault' }).click();
  // Kept in time order.
  await expect(list.getByRole('row').nth(1)).toContainText('Add latency +150 ms');
  await expect(list.getByRole('row').nth(1)).toContainText(cacheToDb);
  await shot(page, 'faults-02-timeline');

  // Edit from its timeline marker.
  await panel.getByRole('button', { name: /Slow ×4 · App 2 at 35 s/ }).click();
  const edit = panel.getByRole('form', { name: 'Edit scheduled fault' });
  await expect(edit.getByLabel('When (s)')).toHaveValue('35');
  await edit.getByLabel('When (s)').fill('40');
  await edit.getByRole('button', { name: 'Save fault' }).click();
  await expect(list.getByRole('row').nth(3)).toContainText('40 s');

  // Delete, then undo brings it back (a design change like any other).
  await panel.getByRole('button', { name: /Delete fault 1: Add latency/ }).click();
  await expect(list.getByRole('row')).toHaveCount(3);
  await page.keyboard.press('Control+z');
  await expect(list.getByRole('row')).toHaveCount(4);
});
