/**
 * Journey: the server issues tokens that live 3 seconds (TOKEN_TTL_SECONDS=3). A participant keeps working past
 * expiry: a reload renews the token over HTTP, a dropped connection renews it on the socket's 4401, and her edits
 * keep reaching her teammate without her noticing anything.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { LAPTOP, launchPerson, PHONE, type Person } from './support/browser.js';
import {
  connected,
  createSessionThroughUi,
  joinThroughUi,
  reportFailure,
  typeMotto,
  unexpectedProblems,
  waitForMotto,
} from './support/journeys.js';
import { startServer, type RunningServer } from './support/server.js';

const TTL_SECONDS = 3;
const pastExpiry = () => new Promise((resolve) => setTimeout(resolve, (TTL_SECONDS + 1.5) * 1000));

describe('token renewal', () => {
  let server: RunningServer;
  let facilitator: Person;
  let lena: Person;
  let mark: Person;
  let sessionId = '';

  const storedToken = (person: Person) =>
    person.page.evaluate(
      (id) => (JSON.parse(localStorage.getItem(`horizon.session.${id}`) ?? '{}') as { token?: string }).token,
      sessionId,
    );

  beforeAll(async () => {
    server = await startServer({ env: { TOKEN_TTL_SECONDS: String(TTL_SECONDS) } });
    [facilitator, lena, mark] = await Promise.all([
      launchPerson('facilitator', { viewport: LAPTOP }),
      launchPerson('lena', { viewport: PHONE, mobile: true }),
      launchPerson('mark', { viewport: LAPTOP }),
    ]);
    const session = await createSessionThroughUi(facilitator.page, server.baseUrl, 'Короткие токены');
    sessionId = session.sessionId;
    await joinThroughUi(lena.page, session.joinLink, 'Лена Соколова', 'Команда 2');
    await joinThroughUi(mark.page, session.joinLink, 'Марк Волков', 'Команда 2');
  });

  afterEach(async ({ task }) => {
    if (task.result?.state === 'fail') await reportFailure([facilitator, lena, mark], server);
  });

  afterAll(async () => {
    await Promise.allSettled([facilitator?.close(), lena?.close(), mark?.close()]);
    await server?.stop();
  });

  it('a reload after expiry renews the token and opens the workspace as before', async () => {
    const before = await storedToken(lena);
    await pastExpiry();
    await lena.page.reload();
    await connected(lena.page).waitFor();
    expect(await storedToken(lena)).not.toBe(before);
    await typeMotto(lena.page, 'После обновления страницы');
    await waitForMotto(mark.page, 'После обновления страницы');
  });

  it('a connection dropped after expiry comes back with a renewed token, and editing carries on', async () => {
    await pastExpiry();
    const before = await storedToken(lena);
    await lena.context.setOffline(true);
    await lena.page.getByRole('status', { name: 'Соединение' }).filter({ hasText: 'Нет сети' }).waitFor();
    await typeMotto(lena.page, 'Связь вернулась');
    await lena.context.setOffline(false);
    // The socket opens with the expired token, is closed with 4401, renews and reconnects by itself.
    await connected(lena.page).waitFor({ timeout: 20_000 });
    await waitForMotto(mark.page, 'Связь вернулась');
    expect(await storedToken(lena)).not.toBe(before);
    await typeMotto(lena.page, 'И дальше без перерыва');
    await waitForMotto(mark.page, 'И дальше без перерыва');
  });

  it('the lobby keeps working for the facilitator past expiry', async () => {
    await facilitator.page.reload();
    await facilitator.page
      .getByRole('list', { name: 'Кто присоединился' })
      .getByText('Лена Соколова')
      .waitFor({ timeout: 15_000 });
  });

  it('nothing broke in any page', () => {
    // Expired tokens are refused with 401 before they are renewed; Chromium logs each refused request.
    const expected = [/Failed to load resource.*401/];
    for (const person of [facilitator, lena, mark]) expect(unexpectedProblems(person, expected)).toEqual([]);
  });
});
