/**
 * Steps several journeys share, done the way a person does them: through the visible interface, in Russian.
 */
import type { Page } from 'playwright-core';
import { screenshot, type Person } from './browser.js';
import type { RunningServer } from './server.js';

export interface CreatedSession {
  sessionId: string;
  code: string;
  joinLink: string;
}

/** On the home page: fills the title (and team names when given), creates the session, reads the lobby's code. */
export async function createSessionThroughUi(
  page: Page,
  baseUrl: string,
  title: string,
  teamNames: readonly string[] = [],
): Promise<CreatedSession> {
  await page.goto(baseUrl + '/');
  await page.getByLabel('Название сессии').fill(title);
  for (const [index, name] of teamNames.entries()) {
    if (index >= 2) await page.getByRole('button', { name: 'Добавить команду' }).click();
    await page.getByRole('textbox', { name: `Название команды ${index + 1}` }).fill(name);
  }
  await page.getByRole('button', { name: 'Создать сессию' }).click();
  await page.waitForURL(/\/s\/[a-z0-9]+\/lobby$/);
  const sessionId = new URL(page.url()).pathname.split('/')[2]!;
  await page.getByRole('heading', { level: 1, name: title }).waitFor();
  const code = ((await page.getByTestId('join-code').textContent()) ?? '').trim();
  const joinLink = ((await page.getByTestId('join-link').textContent()) ?? '').trim();
  return { sessionId, code, joinLink };
}

/** Opens a join link, gives a name, picks a team and waits for the team's page to be connected. */
export async function joinThroughUi(page: Page, link: string, name: string, team: string): Promise<void> {
  await page.goto(link);
  await page.getByLabel('Ваше имя').fill(name);
  await page.getByRole('radio', { name: team }).check();
  await page.getByRole('button', { name: 'Войти' }).click();
  await page.waitForURL(/\/s\/[a-z0-9]+\/team\/[a-z0-9]+$/);
  await teamHeading(page, team).waitFor();
  await connected(page).waitFor();
}

export function teamHeading(page: Page, team: string) {
  return page.getByRole('heading', { level: 1, name: new RegExp(team) });
}

export function connected(page: Page) {
  return page.getByRole('status', { name: 'Соединение' }).filter({ hasText: 'На связи' });
}

export function mottoField(page: Page) {
  return page.getByRole('textbox', { name: 'Девиз команды' });
}

/** Types into the motto field like a person (key by key) and leaves it, so the value is what the doc holds. */
export async function typeMotto(page: Page, text: string): Promise<void> {
  const field = mottoField(page);
  await field.click();
  await field.press('ControlOrMeta+a');
  await field.press('Delete');
  await field.pressSequentially(text, { delay: 10 });
  await field.press('Enter');
}

/** Waits until the motto field shows exactly `text` (it updates live from the team doc). */
export async function waitForMotto(page: Page, text: string, timeout = 15_000): Promise<void> {
  await page.waitForFunction(
    (expected) => {
      const field = document.querySelector<HTMLInputElement>('input.team__motto');
      return field?.value === expected;
    },
    text,
    { timeout },
  );
}

/** On a failed test, prints what each person saw and what the server said: a browser test is hard to debug blind. */
export async function reportFailure(people: (Person | undefined)[], server: RunningServer | undefined) {
  for (const person of people) {
    if (!person) continue;
    const text = await person.page
      .locator('body')
      .innerText()
      .catch((error: unknown) => String(error));
    console.error(`--- ${person.name} at ${person.page.url()}\n${text}\n${person.problems.join('\n')}`);
    await screenshot(person.page, `failed-${person.name}`).catch(() => undefined);
  }
  if (server) console.error(`--- server output (tail)\n${server.output().split('\n').slice(-40).join('\n')}`);
}

/** Page problems other than the expected ones (Chromium logs every refused request as a console error). */
export function unexpectedProblems(person: Person, expected: RegExp[] = []): string[] {
  return person.problems.filter((problem) => !expected.some((pattern) => pattern.test(problem)));
}

export interface DemoSession {
  sessionId: string;
  joinLink: string;
  participantCode: string;
  projectorCode: string;
}

/** On the home page: opens the demo session (two filled teams, the opener is its facilitator), reads the lobby. */
export async function openDemoAsFacilitator(page: Page, baseUrl: string): Promise<DemoSession> {
  await page.goto(baseUrl + '/');
  await page.getByRole('button', { name: 'Открыть демо' }).click();
  await page.waitForURL(/\/s\/[a-z0-9]+\/team\/[a-z0-9]+\/board$/);
  const sessionId = new URL(page.url()).pathname.split('/')[2]!;
  await page.goto(`${baseUrl}/s/${sessionId}/lobby`);
  const text = async (testId: string) => ((await page.getByTestId(testId).textContent()) ?? '').trim();
  const joinLink = await text('join-link');
  return { sessionId, joinLink, participantCode: await text('join-code'), projectorCode: await text('projector-code') };
}

/** A projector device joins with the projector code and lands on the projector screen. */
export async function openProjectorThroughUi(page: Page, baseUrl: string, projectorCode: string): Promise<void> {
  await page.goto(`${baseUrl}/join/${projectorCode}`);
  await page.getByLabel('Ваше имя').fill('Проектор в зале');
  await page.getByRole('button', { name: 'Войти' }).click();
  await page.waitForURL(/\/s\/[a-z0-9]+\/projector$/);
  await page.getByTestId('projector').waitFor();
}

/** From the lobby, through the visible link, into the facilitator's control room. */
export async function openControlRoom(page: Page, sessionId: string): Promise<void> {
  await page.getByRole('link', { name: /Пульт фасилитатора/ }).click();
  await page.waitForURL(new RegExp(`/s/${sessionId}/control$`));
  await page.getByRole('heading', { level: 1 }).waitFor();
}

/** One team's card in the control room's «Команды» overview. */
export function controlTeamCard(page: Page, team: string) {
  return page
    .getByRole('region', { name: 'Команды' })
    .getByRole('listitem')
    .filter({
      has: page.getByRole('heading', { level: 3, name: team }),
    });
}
