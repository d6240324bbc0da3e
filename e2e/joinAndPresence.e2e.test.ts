/**
 * Journey: a facilitator creates a session and shows the code; two participants, one on a laptop and one on a
 * phone, join the same team by the link and see each other online; a mistyped code explains itself.
 * Real server process, real Chromium per person, Russian interface.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { reportFailure } from './support/failures.js';
import { LAPTOP, launchPerson, PHONE, screenshot, type Person } from './support/browser.js';
import { startServer, type RunningServer } from './support/server.js';

const TITLE = 'HR-бренд Самарской области — 2036';
const ANNA = 'Анна Петрова';
const BORIS = 'Борис Смирнов';

describe('join and presence', () => {
  let server: RunningServer;
  let facilitator: Person;
  let anna: Person;
  let boris: Person;
  let sessionId = '';
  let code = '';
  let joinLink = '';

  beforeAll(async () => {
    server = await startServer();
    [facilitator, anna, boris] = await Promise.all([
      launchPerson('facilitator', { viewport: LAPTOP }),
      launchPerson('anna', { viewport: LAPTOP }),
      launchPerson('boris', { viewport: PHONE, mobile: true }),
    ]);
  });

  // On failure, keep what each person saw and what the server said: a browser test is hard to debug blind.
  afterEach(async ({ task }) => {
    if (task.result?.state !== 'fail') return;
    await reportFailure('join', [facilitator, anna, boris], server);
  });

  afterAll(async () => {
    await Promise.allSettled([facilitator?.close(), anna?.close(), boris?.close()]);
    await server?.stop();
  });

  it('the facilitator creates a session and sees the code, the link and a QR code', async () => {
    const { page } = facilitator;
    await page.goto(server.baseUrl + '/');
    expect(await page.locator('html').getAttribute('lang')).toBe('ru');
    await page.getByLabel('Название сессии').fill(TITLE);
    expect(await page.getByLabel('Горизонт планирования (год)').inputValue()).toBe('2036');
    expect(await page.getByRole('textbox', { name: 'Название команды 1' }).inputValue()).toBe('Команда 1');
    expect(await page.getByRole('textbox', { name: 'Название команды 2' }).inputValue()).toBe('Команда 2');
    await screenshot(page, 'home-laptop');

    await page.getByRole('button', { name: 'Создать сессию' }).click();
    await page.waitForURL(/\/s\/[a-z0-9]+\/lobby$/);
    sessionId = new URL(page.url()).pathname.split('/')[2]!;

    await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    code = ((await page.getByTestId('join-code').textContent()) ?? '').trim();
    expect(code).toMatch(/^[A-Z0-9]{4,}$/);
    joinLink = ((await page.getByTestId('join-link').textContent()) ?? '').trim();
    expect(joinLink).toBe(`${server.baseUrl}/join/${code}`);

    const qr = page.getByRole('img', { name: 'QR-код ссылки для участников' });
    await qr.waitFor();
    const box = await qr.boundingBox();
    // Big enough to scan from a projector screen across a room.
    expect(box?.width ?? 0).toBeGreaterThanOrEqual(240);

    await page.getByRole('link', { name: 'Открыть страницу команды «Команда 1»' }).waitFor();
    await page.getByRole('link', { name: 'Открыть страницу команды «Команда 2»' }).waitFor();
    const stored = await page.evaluate((id) => localStorage.getItem(`horizon.session.${id}`), sessionId);
    expect(JSON.parse(stored ?? '{}')).toMatchObject({ role: 'facilitator', token: expect.any(String) });
    await screenshot(page, 'lobby-laptop');
  });

  it('two participants join the same team from a laptop and a phone', async () => {
    for (const [person, name, device] of [
      [anna, ANNA, 'laptop'],
      [boris, BORIS, 'phone'],
    ] as const) {
      const { page } = person;
      await page.goto(joinLink);
      await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
      await page.getByLabel('Ваше имя').fill(name);
      await page.getByRole('radio', { name: 'Команда 1' }).check();
      await screenshot(page, `join-${device}`);
      await page.getByRole('button', { name: 'Войти' }).click();

      await page.waitForURL(new RegExp(`/s/${sessionId}/team/[a-z0-9]+$`));
      await page.getByRole('heading', { level: 1, name: /Команда 1/ }).waitFor();
      await page.getByRole('status', { name: 'Соединение' }).filter({ hasText: 'На связи' }).waitFor();
      const stored = await page.evaluate((id) => localStorage.getItem(`horizon.session.${id}`), sessionId);
      expect(JSON.parse(stored ?? '{}')).toMatchObject({ role: 'participant', name, token: expect.any(String) });
    }
    expect(new URL(anna.page.url()).pathname).toBe(new URL(boris.page.url()).pathname);
  });

  it('each participant sees the other online by name, and themselves marked', async () => {
    const annaOnline = anna.page.getByRole('list', { name: 'В сети' });
    const borisOnline = boris.page.getByRole('list', { name: 'В сети' });
    await annaOnline.getByText(BORIS).waitFor();
    await borisOnline.getByText(ANNA).waitFor();
    await annaOnline.getByRole('listitem').filter({ hasText: ANNA }).filter({ hasText: '(вы)' }).waitFor();
    await borisOnline.getByRole('listitem').filter({ hasText: BORIS }).filter({ hasText: '(вы)' }).waitFor();
    // Each says which tab they are on.
    await annaOnline.getByRole('listitem').filter({ hasText: BORIS }).filter({ hasText: 'Образ будущего' }).waitFor();
    expect(await annaOnline.getByRole('listitem').count()).toBe(2);
    expect(await borisOnline.getByRole('listitem').count()).toBe(2);
    await screenshot(anna.page, 'team-laptop');
    await screenshot(boris.page, 'team-phone');
  });

  it('the lobby lists who has joined', async () => {
    const joined = facilitator.page.getByRole('list', { name: 'Кто присоединился' });
    // The lobby polls every 3 s.
    await joined.getByText(ANNA).waitFor({ timeout: 15_000 });
    await joined.getByText(BORIS).waitFor({ timeout: 15_000 });
    await facilitator.page.getByText('2 человека').waitFor();
    await screenshot(facilitator.page, 'lobby-joined-laptop');
  });

  it('a mistyped code shows a clear error, not a blank page', async () => {
    const { page } = boris;
    await page.goto(server.baseUrl + '/');
    await screenshot(page, 'home-phone');
    await page.getByLabel('Код сессии').fill('zz-99 zz');
    await page.getByRole('button', { name: 'Войти' }).click();
    await page.waitForURL(/\/join\/ZZ99ZZ$/);
    await page.getByRole('heading', { level: 1, name: 'Код не найден' }).waitFor();
    const alert = page.getByRole('alert');
    expect(await alert.textContent()).toContain('ZZ99ZZ');
    await page.getByRole('link', { name: 'Ввести другой код' }).waitFor();
    await screenshot(page, 'join-bad-code-phone');
  });

  it('the language choice is remembered', async () => {
    const { page } = anna;
    await page.goto(server.baseUrl + '/');
    await page.getByRole('button', { name: 'EN' }).click();
    await page.getByRole('heading', { level: 2, name: 'Create a session' }).waitFor();
    await page.reload();
    await page.getByRole('heading', { level: 2, name: 'Create a session' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await page.getByRole('button', { name: 'RU' }).click();
    await page.getByRole('heading', { level: 2, name: 'Создать сессию' }).waitFor();
  });

  it('nothing broke in any page', () => {
    // The bad-code lookup is an expected 404; Chromium logs every failed fetch as a console error.
    const unexpected = (person: Person) =>
      person.problems.filter((problem) => !/Failed to load resource.*404/.test(problem));
    expect(unexpected(facilitator)).toEqual([]);
    expect(unexpected(anna)).toEqual([]);
    expect(unexpected(boris)).toEqual([]);
  });
});
