import { expect, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';

export async function shot(page: Page, name: string) {
  mkdirSync('e2e/screenshots', { recursive: true });
  await page.screenshot({ path: `e2e/screenshots/${name}.png` });
}

/** Opens an example design from the header menu. */
export async function openExample(page: Page, title: string) {
  await page.getByLabel('Examples').selectOption({ label: title });
  // This example's notice: an earlier example's may still be on screen.
  await expect(page.getByRole('status').filter({ hasText: `Opened “${title}”` })).toBeVisible();
}

export async function fresh(page: Page) {
  await page.goto('/');
  await expect(page.locator('.react-flow__node').first()).toBeVisible();
}
