/**
 * Journey: a facilitator sets a session up (teams renamed, reordered, removed; a template), the lobby hands out a
 * link phones can open, a participant joins, survives a reload, is moved to another team by the facilitator and
 * follows, then leaves and joins again. Real server (listening on every interface, like `pnpm start`), real Chromium.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { LAPTOP, launchPerson, PHONE, screenshot, type Person } from './support/browser.js';
import {
  connected,
  joinThroughUi,
  mottoField,
  reportFailure,
  teamHeading,
  typeMotto,
  unexpectedProblems,
  waitForMotto,
} from './support/journeys.js';
import { startServer, type RunningServer } from './support/server.js';

const TITLE = 'Кадровый бренд Самарской области';
const VERA = 'Вера Кузнецова';

describe('session shell: create, lobby, join, reload, move, leave', () => {
  let server: RunningServer;
  let facilitator: Person;
  let vera: Person;
  let sessionId = '';
  let code = '';

  beforeAll(async () => {
    server = await startServer({ env: { HOST: '0.0.0.0' } });
    [facilitator, vera] = await Promise.all([
      launchPerson('facilitator', { viewport: LAPTOP }),
      launchPerson('vera', { viewport: PHONE, mobile: true }),
    ]);
  });

  afterEach(async ({ task }) => {
    if (task.result?.state === 'fail') await reportFailure([facilitator, vera], server);
  });

  afterAll(async () => {
    await Promise.allSettled([facilitator?.close(), vera?.close()]);
    await server?.stop();
  });

  it('the facilitator names, reorders and removes teams, picks the template and creates the session', async () => {
    const { page } = facilitator;
    await page.goto(server.baseUrl + '/');
    await page.getByLabel('Название сессии').fill(TITLE);
    await page.getByRole('textbox', { name: 'Название команды 1' }).fill('Люди');
    await page.getByRole('textbox', { name: 'Название команды 2' }).fill('Черновик');
    await page.getByRole('button', { name: 'Добавить команду' }).click();
    await page.getByRole('textbox', { name: 'Название команды 3' }).fill('Экономика');
    await page.getByRole('button', { name: 'Добавить команду' }).click();
    await page.getByRole('textbox', { name: 'Название команды 4' }).fill('Среда');
    // «Среда» up one place, then the draft team goes.
    await page.getByRole('button', { name: 'Поднять команду 4 выше' }).click();
    await page.getByRole('button', { name: 'Удалить команду 2' }).click();
    const names = await page
      .locator('.team-drafts input')
      .evaluateAll((inputs) => inputs.map((input) => (input as HTMLInputElement).value));
    expect(names).toEqual(['Люди', 'Среда', 'Экономика']);
    expect(await page.getByRole('radio', { name: /Образ будущего и проектные инициативы/ }).isChecked()).toBe(true);
    await screenshot(page, 'shell-create-laptop');

    await page.getByRole('button', { name: 'Создать сессию' }).click();
    await page.waitForURL(/\/s\/[a-z0-9]+\/lobby$/);
    sessionId = new URL(page.url()).pathname.split('/')[2]!;
    await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    code = ((await page.getByTestId('join-code').textContent()) ?? '').trim();
    for (const team of ['Люди', 'Среда', 'Экономика']) {
      await page.getByRole('link', { name: `Открыть страницу команды «${team}»` }).waitFor();
    }
    const view = await page.evaluate(async (id) => {
      const { token } = JSON.parse(localStorage.getItem(`horizon.session.${id}`) ?? '{}') as { token: string };
      const res = await fetch(`/api/sessions/${id}`, { headers: { Authorization: `Bearer ${token}` } });
      return (await res.json()) as { templateId: string; teams: { name: string }[] };
    }, sessionId);
    expect(view.templateId).toBe('image-of-future');
    expect(view.teams.map((team) => team.name)).toEqual(['Люди', 'Среда', 'Экономика']);
  });

  it('the lobby hands out the server’s LAN address when the page was opened on 127.0.0.1', async () => {
    const { page } = facilitator;
    const info = (await (await fetch(`${server.baseUrl}/api/info`)).json()) as { lanUrls: string[] };
    const link = page.getByTestId('join-link');
    const expectedOrigin = info.lanUrls[0] ?? server.baseUrl;
    await page.waitForFunction(
      (expected) => document.querySelector('[data-testid="join-link"]')?.textContent?.startsWith(expected),
      expectedOrigin,
    );
    expect((await link.textContent())?.trim()).toBe(`${expectedOrigin}/join/${code}`);
    if (info.lanUrls.length > 0) {
      const mentorLink = page.getByRole('link', { name: new RegExp(`^${expectedOrigin}/join/`) });
      expect(await mentorLink.count()).toBe(3);
    }
  });

  it('a participant joins by typing the code on a phone, and a reload keeps her in her team', async () => {
    const { page } = vera;
    await page.goto(server.baseUrl + '/');
    await page.getByLabel('Код сессии').fill(code.toLowerCase());
    await page.getByRole('button', { name: 'Войти' }).click();
    await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    await page.getByLabel('Ваше имя').fill(VERA);
    await page.getByRole('radio', { name: 'Люди' }).check();
    await page.getByRole('button', { name: 'Войти' }).click();
    await teamHeading(page, 'Люди').waitFor();
    await connected(page).waitFor();
    await typeMotto(page, 'Люди — главный ресурс');

    await page.reload();
    await teamHeading(page, 'Люди').waitFor();
    await connected(page).waitFor();
    await waitForMotto(page, 'Люди — главный ресурс');
    await page.getByRole('list', { name: 'В сети' }).getByText(`${VERA} (вы)`).waitFor();
    // A closed tab is the same: the link from history opens the same place.
    const url = page.url();
    await page.goto('about:blank');
    await page.goto(url);
    await teamHeading(page, 'Люди').waitFor();
    await screenshot(page, 'shell-team-phone');
  });

  it('the lobby shows her under her team, and moving her there takes her screen to the new team', async () => {
    const { page } = facilitator;
    const joined = page.getByRole('list', { name: 'Кто присоединился' });
    const people = joined.getByRole('list', { name: 'Люди' });
    await people.getByText(VERA).waitFor({ timeout: 15_000 });
    await screenshot(page, 'shell-lobby-laptop');

    await page.getByRole('combobox', { name: `Команда участника ${VERA}` }).selectOption({ label: 'Экономика' });
    await joined.getByRole('list', { name: 'Экономика' }).getByText(VERA).waitFor();

    const phone = vera.page;
    await teamHeading(phone, 'Экономика').waitFor({ timeout: 15_000 });
    expect(phone.url()).toMatch(new RegExp(`/s/${sessionId}/team/[a-z0-9]+/board$`));
    await connected(phone).waitFor();
    // She writes in her new team (the renewed token names it), and the old team is untouched.
    await typeMotto(phone, 'Экономика знаний');
    const stored = await phone.evaluate((id) => localStorage.getItem(`horizon.session.${id}`), sessionId);
    expect(JSON.parse(stored ?? '{}')).toMatchObject({ name: VERA, role: 'participant' });
    await page.getByRole('link', { name: 'Открыть страницу команды «Экономика»' }).click();
    await waitForMotto(page, 'Экономика знаний');
    await page.getByRole('list', { name: 'В сети' }).getByText(VERA).waitFor();
    await screenshot(page, 'shell-team-laptop-facilitator');
    await page.goBack();
  });

  it('she leaves, the browser forgets her, and she joins again with the code', async () => {
    const { page } = vera;
    const teamUrl = page.url();
    await page.getByRole('button', { name: 'Выйти' }).click();
    await page.getByRole('button', { name: 'Выйти из сессии' }).click();
    await page.waitForURL(`${server.baseUrl}/`);
    expect(await page.evaluate((id) => localStorage.getItem(`horizon.session.${id}`), sessionId)).toBeNull();
    await page.goto(teamUrl);
    await page.getByRole('heading', { level: 1, name: 'Нет доступа' }).waitFor();

    await joinThroughUi(page, `${server.baseUrl}/join/${code}`, VERA, 'Среда');
    await expect(mottoField(page).isEditable()).resolves.toBe(true);
  });

  it('nothing broke in any page', () => {
    expect(unexpectedProblems(facilitator)).toEqual([]);
    expect(unexpectedProblems(vera)).toEqual([]);
  });
});
