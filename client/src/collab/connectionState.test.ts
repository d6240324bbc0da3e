import { CloseCode } from '@horizon/shared';
import { describe, expect, it } from 'vitest';
import { describeConnection, initialFacts, reduceConnection, type ConnectionEvent } from './connectionState';

function run(events: ConnectionEvent[], online = true) {
  return describeConnection(events.reduce(reduceConnection, initialFacts(online)));
}

describe('connection state', () => {
  it('is connecting until the first socket opens, then connected and synced', () => {
    expect(run([{ type: 'status', status: 'connecting' }])).toEqual({ kind: 'connecting' });
    expect(run([{ type: 'status', status: 'connected' }])).toEqual({ kind: 'connected', synced: false });
    expect(
      run([
        { type: 'status', status: 'connected' },
        { type: 'sync', synced: true },
      ]),
    ).toEqual({
      kind: 'connected',
      synced: true,
    });
  });

  it('says reconnecting after a transient close such as a server restart', () => {
    const events: ConnectionEvent[] = [
      { type: 'status', status: 'connected' },
      { type: 'close', code: CloseCode.serviceRestart, reason: '' },
      { type: 'status', status: 'disconnected' },
      { type: 'status', status: 'connecting' },
    ];
    expect(run(events)).toEqual({ kind: 'reconnecting' });
  });

  it('says offline when the browser has no network and the socket is down', () => {
    expect(
      run([
        { type: 'close', code: 1006, reason: '' },
        { type: 'network', online: false },
      ]),
    ).toEqual({
      kind: 'offline',
    });
  });

  it('stays refused after a final close code, even as the network comes and goes', () => {
    const events: ConnectionEvent[] = [
      { type: 'close', code: CloseCode.unauthorized, reason: 'token expired' },
      { type: 'network', online: false },
      { type: 'network', online: true },
      { type: 'status', status: 'connecting' },
    ];
    expect(run(events)).toEqual({ kind: 'refused', code: 4401, reason: 'token expired' });
  });

  it('clears a refusal when the person asks to retry', () => {
    const events: ConnectionEvent[] = [
      { type: 'close', code: CloseCode.tooFast, reason: '' },
      { type: 'retry' },
      { type: 'status', status: 'connecting' },
    ];
    expect(run(events)).toEqual({ kind: 'connecting' });
  });
});
