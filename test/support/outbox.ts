// The outbox as an admin reads it (GET /api/admin/outbox), and a rater's link found in it, for browser
// tests that follow an email: the same route the admin's Outbox page calls, so nothing here reads
// the database behind the app's back.
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import type { OutboxList } from '../../src/platform/mail/contracts.ts';
import type { RunningServer } from '../../src/server.ts';

export type OutboxMessage = OutboxList['items'][number];

/** The newest 200 messages, newest first, read through the signed-in admin's page. */
export async function outboxAsAdmin(admin: Page, server: RunningServer): Promise<OutboxMessage[]> {
  const response = await admin.request.get(`${server.url}/api/admin/outbox?limit=200`);
  expect(response.status()).toBe(200);
  return ((await response.json()) as OutboxList).items;
}

/** The path of the newest feedback link (/rate/…) emailed to `to`. */
export function raterLinkOf(outbox: readonly OutboxMessage[], to: string): string {
  const message = outbox.find((m) => m.to === to && /\/rate\/\S+/.test(m.text));
  expect(message, `no feedback link emailed to ${to}`).toBeDefined();
  return /\/rate\/\S+/.exec(message!.text)![0];
}
