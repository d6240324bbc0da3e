/**
 * Journey: a facilitator runs a session from the control room while two participants (a laptop and a phone) work in
 * the demo's team «Волга» and a projector shows the hall what the facilitator picks. The stage moves everyone, the
 * timer reads the same everywhere, a vote refuses a fourth vote and shows results only after the reveal, a lock
 * stops edits (even one made offline before the lock arrived), and the projector follows the facilitator.
 * Real server process, real Chromium per person, Russian interface.
 */
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { LAPTOP, launchPerson, PHONE, screenshot, type Person } from './support/browser.js';
import { connected, joinThroughUi, mottoField, reportFailure, typeMotto, waitForMotto } from './support/journeys.js';
import { startServer, type RunningServer } from './support/server.js';

const TEAM = 'Команда «Волга»';
const ANNA = 'Анна Петрова';
const BORIS = 'Борис Смирнов';
const PROJECTOR_SCREEN = { width: 1920, height: 1080 } as const;

function stageOf(page: Page) {
  return page.getByTestId('current-stage');
}

/** The timer's `m:ss` in seconds, or null while it shows no time. */
async function timerSeconds(page: Page): Promise<number | null> {
  const text = (await page.getByRole('timer').first().textContent()) ?? '';
  const match = /(\d+):(\d{2})/.exec(text);
  return match ? Number(match[1]) * 60 + Number(match[2]) : null;
}

describe('facilitation: control room, session bar and projector', () => {
  let server: RunningServer;
  let facilitator: Person;
  let anna: Person;
  let boris: Person;
  let projector: Person;
  let sessionId = '';
  let participantCode = '';

  beforeAll(async () => {
    server = await startServer();
    [facilitator, anna, boris, projector] = await Promise.all([
      launchPerson('facilitator', { viewport: LAPTOP }),
      launchPerson('anna', { viewport: LAPTOP }),
      launchPerson('boris', { viewport: PHONE, mobile: true }),
      launchPerson('projector', { viewport: PROJECTOR_SCREEN }),
    ]);

    const { page } = facilitator;
    await page.goto(server.baseUrl + '/');
    await page.getByRole('button', { name: 'Открыть демо' }).click();
    await page.waitForURL(/\/s\/[a-z0-9]+\/team\/[a-z0-9]+\/board$/);
    sessionId = new URL(page.url()).pathname.split('/')[2]!;
    await page.goto(`${server.baseUrl}/s/${sessionId}/lobby`);
    const joinLink = ((await page.getByTestId('join-link').textContent()) ?? '').trim();
    participantCode = ((await page.getByTestId('join-code').textContent()) ?? '').trim();
    const projectorCode = ((await page.getByTestId('projector-code').textContent()) ?? '').trim();

    await joinThroughUi(anna.page, joinLink, ANNA, TEAM);
    await joinThroughUi(boris.page, joinLink, BORIS, TEAM);

    await projector.page.goto(`${server.baseUrl}/join/${projectorCode}`);
    await projector.page.getByLabel('Ваше имя').fill('Проектор в зале');
    await projector.page.getByRole('button', { name: 'Войти' }).click();
    await projector.page.waitForURL(new RegExp(`/s/${sessionId}/projector$`));
    await projector.page.getByTestId('projector').waitFor();

    await page.getByRole('link', { name: /Пульт фасилитатора/ }).click();
    await page.waitForURL(new RegExp(`/s/${sessionId}/control$`));
    await page.getByRole('heading', { level: 1, name: /Кадровый бренд/ }).waitFor();
  }, 120_000);

  afterEach(async ({ task }) => {
    if (task.result?.state === 'fail') await reportFailure([facilitator, anna, boris, projector], server);
  });

  afterAll(async () => {
    await Promise.allSettled([facilitator?.close(), anna?.close(), boris?.close(), projector?.close()]);
    await server?.stop();
  });

  it('a stage change moves everyone’s stage, and “back to the facilitator” opens the stage’s tab', async () => {
    for (const person of [anna, boris]) await stageOf(person.page).filter({ hasText: 'Знакомство' }).waitFor();
    const agenda = facilitator.page.getByRole('list', { name: 'Программа' });
    await agenda.locator('[aria-current="step"]').filter({ hasText: 'Знакомство' }).waitFor();

    await facilitator.page.getByRole('button', { name: 'Далее' }).click();
    await agenda.locator('[aria-current="step"]').filter({ hasText: 'Тренды' }).waitFor();
    for (const person of [anna, boris]) {
      await stageOf(person.page).filter({ hasText: 'Тренды' }).waitFor();
      await stageOf(person.page).filter({ hasText: 'Этап 2 из 8' }).waitFor();
    }
    // The stage is on the time map; both are still on the board.
    await anna.page.getByRole('link', { name: 'Вернуться к фасилитатору' }).click();
    await anna.page.waitForURL(/\/timemap$/);
    await expect.poll(() => anna.page.getByRole('link', { name: 'Вернуться к фасилитатору' }).count()).toBe(0);
    await boris.page.getByRole('link', { name: 'Вернуться к фасилитатору' }).waitFor();
    await screenshot(boris.page, 'facilitation-stage-phone');

    // Boris says the team is ready; the control room shows it on the team's card.
    await boris.page.getByRole('button', { name: 'Мы готовы' }).click();
    await expect
      .poll(() => anna.page.getByRole('button', { name: 'Мы готовы' }).getAttribute('aria-pressed'))
      .toBe('true');
    await facilitator.page.getByText('Готовы: 1 из 2').waitFor();
    await facilitator.page
      .getByRole('listitem')
      .filter({ hasText: TEAM })
      .getByText('Готовы', { exact: true })
      .waitFor();
  });

  it('a timer that runs out says so on the participants’ screens', async () => {
    const { page } = facilitator;
    // Three seconds: a custom duration in minutes.
    await page.getByLabel('Минут').fill('0.05');
    await page.getByRole('button', { name: 'Старт' }).click();
    for (const person of [anna, boris]) {
      await person.page.getByText('Время вышло').waitFor();
      expect(await timerSeconds(person.page)).toBe(0);
    }
    await screenshot(boris.page, 'facilitation-time-up-phone');
    await page.getByRole('button', { name: 'Стоп' }).click();
    await page.getByRole('button', { name: 'Старт' }).waitFor();
    await expect.poll(() => anna.page.getByRole('timer').count()).toBe(0);
  });

  it('the timer counts down on every screen, showing the same time', async () => {
    const { page } = facilitator;
    await page.getByRole('button', { name: '5 мин', exact: true }).click();
    await page.getByRole('button', { name: 'Старт' }).click();
    await page.getByRole('button', { name: 'Пауза' }).waitFor();
    await facilitator.page.getByRole('button', { name: 'Таймер', exact: true }).click();
    await projector.page.locator('[data-focus="timer"]').waitFor();
    for (const person of [anna, boris, projector]) await person.page.getByRole('timer').first().waitFor();

    // Let it run a little, then read every screen at once.
    await new Promise((resolve) => setTimeout(resolve, 2500));
    const readings = await Promise.all([facilitator, anna, boris, projector].map((p) => timerSeconds(p.page)));
    const seconds = readings.map((value) => value ?? -1);
    expect(Math.min(...seconds)).toBeGreaterThan(4 * 60);
    expect(Math.max(...seconds)).toBeLessThanOrEqual(5 * 60);
    expect(Math.max(...seconds) - Math.min(...seconds)).toBeLessThanOrEqual(2);
    await screenshot(boris.page, 'facilitation-bar-phone');
    await screenshot(projector.page, 'projector-timer-1920');

    // Paused, every screen holds the same second; a minute more adds exactly sixty.
    await page.getByRole('button', { name: 'Пауза' }).click();
    await anna.page.getByText('Пауза', { exact: true }).waitFor();
    const paused = await timerSeconds(anna.page);
    await expect.poll(() => timerSeconds(boris.page)).toBe(paused);
    await page.getByRole('button', { name: '+1 мин' }).click();
    await expect.poll(() => timerSeconds(anna.page)).toBe((paused ?? 0) + 60);
    await expect.poll(() => timerSeconds(projector.page)).toBe((paused ?? 0) + 60);
    await page.getByRole('button', { name: 'Продолжить' }).click();
    await page.getByRole('button', { name: 'Пауза' }).waitFor();
    await expect.poll(() => anna.page.getByText('Пауза', { exact: true }).count()).toBe(0);
  });

  it('a round with three votes each refuses the fourth, and shows results only after the reveal', async () => {
    const { page } = facilitator;
    await page.getByLabel('Вопрос').fill('Какие идеи берём в работу?');
    // Defaults: notes of one's own team, three votes, anonymous.
    await page.getByRole('button', { name: 'Открыть голосование' }).click();
    await page.getByRole('button', { name: 'Закрыть голосование' }).waitFor();

    const panel = boris.page.getByRole('region', { name: /Голосование: Какие идеи/ });
    await panel.waitFor();
    await panel.getByText('Осталось голосов: 3').waitFor();
    const firstAdd = panel.getByRole('button', { name: /^Отдать голос:/ }).first();
    for (const left of [2, 1, 0]) {
      await firstAdd.click();
      await panel.getByText(`Осталось голосов: ${left}`).waitFor();
    }
    // The fourth vote is not offered: every + is disabled.
    await expect.poll(() => firstAdd.isDisabled()).toBe(true);
    expect(
      await panel
        .getByRole('button', { name: /^Отдать голос:/ })
        .last()
        .isDisabled(),
    ).toBe(true);
    await screenshot(boris.page, 'facilitation-voting-phone');

    // Anna gives one vote to a different note, then takes it back and gives it again.
    const annaPanel = anna.page.getByRole('region', { name: /Голосование: Какие идеи/ });
    await annaPanel.getByText('Осталось голосов: 3').waitFor();
    await annaPanel
      .getByRole('button', { name: /^Отдать голос:/ })
      .nth(1)
      .click();
    await annaPanel.getByText('Осталось голосов: 2').waitFor();

    // Nothing about the counts is shown anywhere yet.
    await page.getByRole('button', { name: 'Итоги голосования' }).click();
    await projector.page.getByText('Идёт голосование').waitFor();
    expect(await anna.page.getByRole('list', { name: /Итоги:/ }).count()).toBe(0);
    expect(await page.getByRole('list', { name: /Итоги:/ }).count()).toBe(0);

    await page.getByRole('button', { name: 'Закрыть голосование' }).click();
    await page.getByRole('button', { name: 'Показать итоги' }).click();
    for (const screen of [page, anna.page, boris.page, projector.page]) {
      const results = screen.getByRole('list', { name: 'Итоги: Какие идеи берём в работу?' });
      await results.waitFor();
      await results.getByRole('listitem').first().filter({ hasText: '3 голоса' }).waitFor();
      expect(await results.getByRole('listitem').count()).toBe(2);
    }
    await screenshot(projector.page, 'projector-voting-1920');
    await screenshot(page, 'control-room-laptop');
  });

  it('a lock stops edits: the motto turns read-only and an offline edit the server refuses never reaches a teammate', async () => {
    await typeMotto(boris.page, 'Девиз до закрытия');
    await waitForMotto(anna.page, 'Девиз до закрытия');

    await anna.context.setOffline(true);
    await anna.page.getByRole('status', { name: 'Соединение' }).filter({ hasText: 'Нет сети' }).waitFor();
    // The switch shows the server's state: it turns on once the lock is in the session document.
    const lock = facilitator.page.getByRole('switch', { name: `Закрыть редактирование: ${TEAM}` });
    await lock.click();
    await expect.poll(() => lock.isChecked()).toBe(true);

    await boris.page.getByText('Фасилитатор закрыл редактирование').waitFor();
    await expect.poll(() => mottoField(boris.page).count()).toBe(0);
    await boris.page.getByText('Девиз до закрытия').waitFor();
    await screenshot(boris.page, 'facilitation-locked-phone');

    // Anna did not hear of the lock while offline; her edit waits on her device and the server refuses it.
    await typeMotto(anna.page, 'Правка после закрытия');
    await anna.context.setOffline(false);
    await connected(anna.page).waitFor({ timeout: 20_000 });
    await anna.page.getByText('Фасилитатор закрыл редактирование').waitFor();
    await expect.poll(() => mottoField(anna.page).count()).toBe(0);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(await boris.page.locator('.team__motto-text').textContent()).toBe('Девиз до закрытия');
  });

  it('the projector follows the facilitator’s choice', async () => {
    const { page } = facilitator;
    await page.getByRole('button', { name: `${TEAM}: Образ будущего` }).click();
    await projector.page.locator('[data-focus="board"]').waitFor();
    await projector.page.getByTestId('board').waitFor();
    await projector.page.getByText('Выпускники вузов остаются в регионе: 7 из 10').first().waitFor();
    // Read-only: no toolbar for adding notes.
    expect(await projector.page.getByRole('button', { name: 'Заметка', exact: true }).count()).toBe(0);
    await screenshot(projector.page, 'projector-board-1920');

    await page.getByRole('button', { name: `${TEAM}: Видение` }).click();
    await projector.page.locator('[data-focus="vision"]').waitFor();
    await projector.page.getByText('Самарская область в 2036 году').first().waitFor();
    await screenshot(projector.page, 'projector-vision-1920');

    await page.getByRole('button', { name: `${TEAM}: Дорожная карта` }).click();
    await projector.page.locator('[data-focus="roadmap"]').waitFor();
    await projector.page.getByText('Карьерный портал «Работа в Самарской области»').first().waitFor();

    await page.getByRole('button', { name: 'QR-код для входа' }).click();
    await projector.page.locator('[data-focus="join"]').waitFor();

    // The facilitator's own projector screen (a laptop wired to the projector) carries the join QR code and code.
    const screen = await facilitator.context.newPage();
    try {
      await screen.setViewportSize(PROJECTOR_SCREEN);
      await screen.goto(`${server.baseUrl}/s/${sessionId}/projector`);
      await screen.getByRole('img', { name: 'QR-код ссылки для участников' }).waitFor();
      expect((await screen.getByTestId('projector-join-code').textContent())?.trim()).toBe(participantCode);
      const qr = await screen.getByRole('img', { name: 'QR-код ссылки для участников' }).boundingBox();
      expect(qr?.height ?? 0).toBeGreaterThan(600);
      await screenshot(screen, 'projector-join-1920');
      // It follows the facilitator too.
      await page.getByRole('button', { name: 'Таймер', exact: true }).click();
      await screen.locator('[data-focus="timer"]').waitFor();
    } finally {
      await screen.close();
    }
  });
});
