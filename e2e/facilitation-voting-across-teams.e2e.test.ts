/**
 * Journey: the facilitator of the demo opens votes that span teams. First on every team's notes: a participant of
 * «Волга» gives votes to «Жигули» notes and to her own, her budget counts across both teams (a second tab of hers
 * that still offers a vote is refused by the server), and after the reveal the control room and the projector rank
 * the notes with their teams. Then on initiatives, from the initiatives tab: ranked after the reveal, not before.
 * Real server process, real Chromium per person, Russian interface.
 */
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { LAPTOP, launchPerson, screenshot, type Person } from './support/browser.js';
import { reportFailure } from './support/failures.js';
import { joinThroughUi, openControlRoom, openDemoAsFacilitator, openProjectorThroughUi } from './support/journeys.js';
import { startServer, type RunningServer } from './support/server.js';

const VOLGA = 'Команда «Волга»';
const ZHIGULI = 'Команда «Жигули»';
const PROJECTOR_SCREEN = { width: 1920, height: 1080 } as const;

const NOTES_QUESTION = 'Какие идеи всех команд берём в работу?';
const INITIATIVES_QUESTION = 'Какие инициативы запускаем первыми?';
const EMBANKMENT = 'Набережная — 20 км непрерывного парка'; // a «Волга» note
const COWORKING = 'Коворкинги в каждом районе'; // a «Жигули» note

function panel(page: Page, question: string) {
  return page.getByRole('region', { name: `Голосование: ${question}` });
}

function castButton(page: Page, question: string, team: string, item: string) {
  return panel(page, question)
    .locator('.voting__team')
    .filter({ has: page.getByRole('heading', { level: 3, name: team }) })
    .getByRole('button', { name: `Отдать голос: ${item}` });
}

/** Casts one vote and waits for the server's answer (the count of votes left). */
async function castOwnTeam(page: Page, question: string, item: string, leftAfter: number): Promise<void> {
  await panel(page, question)
    .getByRole('button', { name: `Отдать голос: ${item}` })
    .click();
  await panel(page, question).getByText(`Осталось голосов: ${leftAfter}`).waitFor();
}

async function openRound(page: Page, question: string, target: 'Стикеры' | 'Инициативы', scope: string) {
  await page.getByLabel('Вопрос').fill(question);
  await page.getByRole('radio', { name: target }).check();
  await page.getByRole('radio', { name: scope }).check();
  await page.getByRole('button', { name: 'Открыть голосование' }).click();
  await page.getByRole('button', { name: 'Закрыть голосование' }).waitFor();
}

async function closeAndReveal(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Закрыть голосование' }).click();
  await page.getByRole('button', { name: 'Показать итоги' }).click();
}

/** The ranked rows of a revealed round as one line each, e.g. `1 Набережная … Команда «Волга» 4 голоса`. */
async function rankedRows(page: Page, question: string): Promise<string[]> {
  const results = page.getByRole('list', { name: `Итоги: ${question}` }).first();
  await results.waitFor();
  const rows = await results.getByRole('listitem').allInnerTexts();
  return rows.map((row) => row.replace(/\s+/g, ' ').trim());
}

describe('facilitation: voting across teams and on initiatives', () => {
  let server: RunningServer;
  let facilitator: Person;
  let anna: Person;
  let dmitry: Person;
  let projector: Person;

  beforeAll(async () => {
    server = await startServer();
    [facilitator, anna, dmitry, projector] = await Promise.all([
      launchPerson('facilitator', { viewport: LAPTOP }),
      launchPerson('anna', { viewport: LAPTOP }),
      launchPerson('dmitry', { viewport: LAPTOP }),
      launchPerson('projector', { viewport: PROJECTOR_SCREEN }),
    ]);
    const demo = await openDemoAsFacilitator(facilitator.page, server.baseUrl);
    await joinThroughUi(anna.page, demo.joinLink, 'Анна Петрова', VOLGA);
    await joinThroughUi(dmitry.page, demo.joinLink, 'Дмитрий Волков', ZHIGULI);
    await openProjectorThroughUi(projector.page, server.baseUrl, demo.projectorCode);
    await openControlRoom(facilitator.page, demo.sessionId);
  }, 120_000);

  afterEach(async ({ task }) => {
    if (task.result?.state === 'fail') {
      await reportFailure('voting-across-teams', [facilitator, anna, dmitry, projector], server);
    }
  });

  afterAll(async () => {
    await Promise.allSettled([facilitator?.close(), anna?.close(), dmitry?.close(), projector?.close()]);
    await server?.stop();
  });

  it('on every team’s notes: the budget counts across teams, and the ranked result shows after the reveal', async () => {
    const { page } = facilitator;
    await openRound(page, NOTES_QUESTION, 'Стикеры', 'Всех команд');

    // Anna sees both teams' notes, each under its team's name.
    const annaPanel = panel(anna.page, NOTES_QUESTION);
    await annaPanel.getByText('Осталось голосов: 3').waitFor();
    await annaPanel.getByRole('heading', { level: 3, name: VOLGA }).waitFor();
    await annaPanel.getByRole('heading', { level: 3, name: ZHIGULI }).waitFor();
    // A second tab of Anna's (her phone, say) that opened the round before she spent her votes.
    const annaSecondTab = await anna.context.newPage();
    await annaSecondTab.goto(anna.page.url());
    await panel(annaSecondTab, NOTES_QUESTION).getByText('Осталось голосов: 3').waitFor();

    await castButton(anna.page, NOTES_QUESTION, ZHIGULI, COWORKING).click();
    await annaPanel.getByText('Осталось голосов: 2').waitFor();
    await castButton(anna.page, NOTES_QUESTION, ZHIGULI, COWORKING).click();
    await annaPanel.getByText('Осталось голосов: 1').waitFor();
    await castButton(anna.page, NOTES_QUESTION, VOLGA, EMBANKMENT).click();
    await annaPanel.getByText('Осталось голосов: 0').waitFor();
    // No fourth vote is offered for either team's notes.
    await expect.poll(() => castButton(anna.page, NOTES_QUESTION, ZHIGULI, COWORKING).isDisabled()).toBe(true);
    expect(await castButton(anna.page, NOTES_QUESTION, VOLGA, EMBANKMENT).isDisabled()).toBe(true);
    await screenshot(anna.page, 'voting-all-teams-laptop');

    // The stale tab still offers one; the server refuses it and the tab catches up with the real count.
    await castButton(annaSecondTab, NOTES_QUESTION, ZHIGULI, 'Истории земляков в медиа').click();
    await panel(annaSecondTab, NOTES_QUESTION).getByRole('alert').filter({ hasText: 'голосов не осталось' }).waitFor();
    await panel(annaSecondTab, NOTES_QUESTION).getByText('Осталось голосов: 0').waitFor();
    await annaSecondTab.close();

    // Dmitry of «Жигули» spends all three on a «Волга» note.
    const dmitryPanel = panel(dmitry.page, NOTES_QUESTION);
    await dmitryPanel.getByText('Осталось голосов: 3').waitFor();
    for (const left of [2, 1, 0]) {
      await castButton(dmitry.page, NOTES_QUESTION, VOLGA, EMBANKMENT).click();
      await dmitryPanel.getByText(`Осталось голосов: ${left}`).waitFor();
    }

    // Before the reveal nobody sees counts, not even on the projector.
    await page.getByRole('button', { name: 'Итоги голосования' }).click();
    await projector.page.getByText('Идёт голосование').waitFor();
    expect(await page.getByRole('list', { name: `Итоги: ${NOTES_QUESTION}` }).count()).toBe(0);

    await closeAndReveal(page);
    for (const screen of [page, projector.page]) {
      const rows = await rankedRows(screen, NOTES_QUESTION);
      expect(rows).toHaveLength(2);
      expect(rows[0]).toBe(`1 ${EMBANKMENT} ${VOLGA} 4 голоса`);
      expect(rows[1]).toBe(`2 ${COWORKING} ${ZHIGULI} 2 голоса`);
    }
    // The participants see the same ranking under their session bar.
    expect((await rankedRows(dmitry.page, NOTES_QUESTION))[0]).toContain(EMBANKMENT);
    await screenshot(projector.page, 'projector-voting-all-teams-1920');
  });

  it('on initiatives, from the initiatives tab: ranked after the reveal', async () => {
    const { page } = facilitator;
    for (const person of [anna, dmitry]) {
      await person.page.getByRole('link', { name: 'Инициативы', exact: true }).click();
      await person.page.waitForURL(/\/initiatives$/);
    }
    await openRound(page, INITIATIVES_QUESTION, 'Инициативы', 'Своей команды');

    // Each votes on the own team's initiatives, right above them.
    const annaPanel = panel(anna.page, INITIATIVES_QUESTION);
    await annaPanel.getByText('Осталось голосов: 3').waitFor();
    expect(await annaPanel.getByRole('button', { name: /^Отдать голос:/ }).count()).toBe(2);
    await castOwnTeam(anna.page, INITIATIVES_QUESTION, 'Наставничество на производстве', 2);
    await castOwnTeam(anna.page, INITIATIVES_QUESTION, 'Наставничество на производстве', 1);
    await castOwnTeam(anna.page, INITIATIVES_QUESTION, 'Карьерный портал «Работа в Самарской области»', 0);
    await panel(dmitry.page, INITIATIVES_QUESTION).getByText('Осталось голосов: 3').waitFor();
    for (const left of [2, 1, 0]) await castOwnTeam(dmitry.page, INITIATIVES_QUESTION, 'Летние школы профессий', left);

    expect(await anna.page.getByRole('list', { name: `Итоги: ${INITIATIVES_QUESTION}` }).count()).toBe(0);
    await closeAndReveal(page);
    const rows = await rankedRows(page, INITIATIVES_QUESTION);
    expect(rows.map((row) => row.replace(/^\d+ ?/, '').replace(/ \d+ голос.*$/, ''))).toEqual([
      'Летние школы профессий',
      'Наставничество на производстве',
      'Карьерный портал «Работа в Самарской области»',
    ]);
    expect(rows[0]).toMatch(/3 голоса$/);
    const annaRows = await rankedRows(anna.page, INITIATIVES_QUESTION);
    expect(annaRows).toHaveLength(3);
    expect(annaRows[0]).toContain('Летние школы профессий');

    // The projector still shows the first round's results; the picker says so (not pressed), and one press brings
    // the new ones up.
    const votingOption = page.getByRole('button', { name: 'Итоги голосования' });
    expect(await votingOption.getAttribute('aria-pressed')).toBe('false');
    await votingOption.click();
    await expect.poll(() => votingOption.getAttribute('aria-pressed')).toBe('true');
    const onProjector = await rankedRows(projector.page, INITIATIVES_QUESTION);
    expect(onProjector[0]).toContain('Летние школы профессий');
    expect(await projector.page.getByRole('list', { name: `Итоги: ${NOTES_QUESTION}` }).count()).toBe(0);
    await page
      .getByRole('listitem')
      .filter({ hasText: INITIATIVES_QUESTION })
      .getByRole('button', { name: 'На проекторе' })
      .waitFor();
    await screenshot(projector.page, 'projector-voting-initiatives-1920');
  });
});
