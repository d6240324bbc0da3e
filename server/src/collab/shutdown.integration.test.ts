/**
 * Shutdown with clients coming back: a WebSocket upgrade that arrives while the server closes is refused at once and
 * cannot hold the close open.
 */
import net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createSession, startTestServer } from '../testing/testServer.js';
import type { TestServer } from '../testing/testServer.js';

const servers: TestServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

describe('shutdown', () => {
  it('answers an upgrade that arrives during the close with 503 and still closes promptly', async () => {
    const server = await startTestServer();
    servers.push(server);
    const session = await createSession(server);
    const room = session.created.rooms.teams[session.teamA]!;
    const { port } = new URL(server.baseUrl);
    // The upgrade request is sent but for its last line break, so it completes only once the close has begun.
    const socket = net.connect(Number(port), '127.0.0.1');
    await new Promise((resolve) => socket.once('connect', resolve));
    let answer = '';
    socket.on('data', (chunk: Buffer) => (answer += chunk.toString()));
    const ended = new Promise((resolve) => socket.once('close', resolve));
    socket.write(
      `GET /collab/${encodeURIComponent(room)}?token=${session.created.facilitatorToken} HTTP/1.1\r\n` +
        `Host: 127.0.0.1:${port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n` +
        'Sec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n',
    );
    await new Promise((resolve) => setTimeout(resolve, 50));

    const closing = server.close();
    await new Promise((resolve) => setImmediate(resolve));
    socket.write('\r\n');
    const outcome = await Promise.race([
      closing.then(() => 'closed'),
      new Promise((resolve) => setTimeout(() => resolve('still closing after 3 s'), 3000)),
    ]);
    expect(outcome).toBe('closed');
    await ended;
    expect(answer).toMatch(/^HTTP\/1\.1 503/);
  });
});
