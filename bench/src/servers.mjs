// Starts each benchmarked server in its own process pinned to core 0, and talks to it through the probe.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');
export const SERVER_NAMES = ['horizon', 'reference', 'hocuspocus', 'relay'];

const entries = {
  // BENCH_HORIZON_ENTRY points at another build (e.g. of the previous commit) for a before/after run on one machine;
  // read at each start, so one script can alternate between builds.
  get horizon() {
    return process.env.BENCH_HORIZON_ENTRY ?? path.join(root, 'server/dist/server.js');
  },
  reference: path.join(here, 'peers/reference.mjs'),
  hocuspocus: path.join(here, 'peers/hocuspocus.mjs'),
  relay: path.join(here, 'peers/relay.mjs'),
};

function pinned(core, args) {
  return fs.existsSync('/usr/bin/taskset') ? ['taskset', ['-c', String(core), ...args]] : [args[0], args.slice(1)];
}

/** A port that was free a moment ago (the OS picks it). */
export function freePort() {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

async function waitForHealth(port) {
  for (let i = 0; i < 400; i++) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/api/health`)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 50));
  }
}

export class BenchServer {
  static async start(name, { dataDir, port } = {}) {
    port ??= await freePort();
    const server = new BenchServer(name, dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), `bench-${name}-`)));
    await server.#spawn(port);
    return server;
  }

  #requests = new Map();
  #nextId = 1;

  constructor(name, dataDir) {
    this.name = name;
    this.dataDir = dataDir;
  }

  async #spawn(port) {
    const [cmd, args] = pinned(0, [
      process.execPath,
      '--expose-gc',
      // Extra Node flags for profiling a run, e.g. BENCH_NODE_FLAGS="--cpu-prof --cpu-prof-dir=/tmp/prof".
      ...(process.env.BENCH_NODE_FLAGS ? process.env.BENCH_NODE_FLAGS.split(' ') : []),
      '--import',
      path.join(here, 'probe.mjs'),
      entries[this.name],
    ]);
    this.child = spawn(cmd, args, {
      env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: this.dataDir, LOG_LEVEL: 'warn' },
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    });
    this.exited = new Promise((resolve) => this.child.on('exit', resolve));
    this.child.on('message', (m) => {
      const pending = this.#requests.get(m.id);
      if (pending) {
        this.#requests.delete(m.id);
        pending(m);
      }
    });
    let output = '';
    this.port = await new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`${this.name} did not start: ${output}`)), 20_000);
      const onData = (chunk) => {
        output += chunk;
        if (/listening \d+/.test(output)) {
          clearTimeout(timer);
          resolve(port);
        }
      };
      this.child.stdout.on('data', onData);
      this.child.stderr.on('data', onData);
      this.child.on('exit', () => reject(new Error(`${this.name} exited: ${output}`)));
      // Horizon logs at "warn" here (request logs would cost CPU), so it announces nothing: poll its health.
      if (this.name === 'horizon') void waitForHealth(port).then(() => onData('listening ' + port));
    });
    this.baseUrl = `http://127.0.0.1:${this.port}`;
    this.wsUrl = `ws://127.0.0.1:${this.port}`;
  }

  #ask(message) {
    const id = this.#nextId++;
    return new Promise((resolve) => {
      this.#requests.set(id, resolve);
      this.child.send({ ...message, id });
    });
  }

  /** Starts a measurement window: CPU and event-loop delay are counted from here. */
  mark() {
    return this.#ask({ type: 'mark' });
  }

  stats({ gc = false } = {}) {
    return this.#ask({ type: 'stats', gc });
  }

  /** Rooms the server holds in memory (Horizon: from /metrics). */
  async loadedRooms() {
    if (this.name === 'horizon') {
      const text = await (await fetch(`${this.baseUrl}/metrics`)).text();
      return Number(/^horizon_rooms_loaded (\d+)/m.exec(text)?.[1] ?? NaN);
    }
    return (await this.stats()).rooms;
  }

  /** Room addresses for `count` rooms: what a raw client needs to open each one. */
  async rooms(count) {
    if (this.name === 'hocuspocus') {
      return Array.from({ length: count }, (_, i) => ({ url: this.wsUrl, docName: `room-${i}` }));
    }
    if (this.name !== 'horizon') {
      return Array.from({ length: count }, (_, i) => ({ url: `${this.wsUrl}/room-${i}` }));
    }
    // Horizon rooms are team rooms of real sessions, opened with the facilitator's token.
    const rooms = [];
    while (rooms.length < count) {
      const teams = Array.from({ length: Math.min(30, count - rooms.length) }, (_, i) => `Команда ${i + 1}`);
      const res = await fetch(`${this.baseUrl}/api/sessions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ title: 'Бенчмарк', teams }),
      });
      if (res.status !== 201) throw new Error(`horizon session: ${res.status} ${await res.text()}`);
      const body = await res.json();
      for (const team of body.teams) {
        rooms.push({ url: `${this.wsUrl}/collab/${body.rooms.teams[team.teamId]}?token=${body.facilitatorToken}` });
      }
    }
    return rooms;
  }

  async stop(signal = 'SIGTERM') {
    if (this.child.exitCode !== null) return;
    this.child.kill(signal);
    await Promise.race([this.exited, new Promise((r) => setTimeout(r, 10_000))]);
    if (this.child.exitCode === null) this.child.kill('SIGKILL');
  }
}
