/**
 * Prometheus metrics (prom-client: the standard client, with process metrics such as CPU, RSS and event-loop lag
 * for free). One registry per app, so several apps in one test process do not collide.
 */
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

export class Metrics {
  readonly registry = new Registry();
  readonly roomsLoaded = new Gauge({
    name: 'horizon_rooms_loaded',
    help: 'Rooms held in memory',
    registers: [this.registry],
  });
  readonly connections = new Gauge({
    name: 'horizon_connections',
    help: 'Open collaboration WebSocket connections',
    registers: [this.registry],
  });
  readonly updates = new Counter({
    name: 'horizon_updates_total',
    help: 'Document updates accepted from clients and persisted',
    registers: [this.registry],
  });
  readonly refusals = new Counter({
    name: 'horizon_refusals_total',
    help: 'Messages or connections refused, by close code or reason',
    labelNames: ['reason'] as const,
    registers: [this.registry],
  });
  readonly storeAppendSeconds = new Histogram({
    name: 'horizon_store_append_seconds',
    help: 'Latency of one batched append of updates to the store',
    buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1],
    registers: [this.registry],
  });
  readonly compactions = new Counter({
    name: 'horizon_compactions_total',
    help: 'Room logs folded into snapshots',
    registers: [this.registry],
  });

  constructor() {
    collectDefaultMetrics({ register: this.registry, prefix: 'horizon_' });
  }
}
