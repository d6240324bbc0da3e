/**
 * What a failed browser test leaves behind for whoever reads the log: each person's URL, visible text, page errors
 * and a screenshot, and the tail of the server's output.
 */
import { screenshot, type Person } from './browser.js';
import type { RunningServer } from './server.js';

export async function reportFailure(
  label: string,
  people: readonly (Person | undefined)[],
  server?: RunningServer,
): Promise<void> {
  for (const person of people) {
    if (!person) continue;
    const text = await person.page
      .locator('body')
      .innerText()
      .catch((error: unknown) => String(error));
    console.error(`--- ${person.name} at ${person.page.url()}\n${text}\n${person.problems.join('\n')}`);
    await screenshot(person.page, `failed-${label}-${person.name}`).catch(() => undefined);
  }
  if (server) console.error(`--- server output (tail)\n${server.output().split('\n').slice(-40).join('\n')}`);
}
