import { describe, expect, it } from 'vitest';
import { decodeRecords, encodeRecords } from './updateJournal.js';
import type { JournalRecord } from './updateJournal.js';

const records: JournalRecord[] = [
  { seq: 1, room: 'team:sess1:команда-1', data: new Uint8Array([1, 2, 3]) },
  { seq: 2, room: 'session:sess1', data: new Uint8Array(0) },
  { seq: 2 ** 40 + 7, room: 'r', data: new Uint8Array(300).fill(9) },
];

describe('update journal records', () => {
  it('read back as written, Cyrillic room names and large sequence numbers included', () => {
    const bytes = encodeRecords(records);
    const decoded = decodeRecords(bytes);
    expect(decoded.validBytes).toBe(bytes.byteLength);
    expect(decoded.records.map((r) => ({ ...r, data: [...r.data] }))).toEqual(
      records.map((r) => ({ ...r, data: [...r.data] })),
    );
  });

  it('stop at a batch cut short by a crash, keeping every whole one before it', () => {
    const whole = Buffer.concat([encodeRecords(records.slice(0, 1)), encodeRecords(records.slice(1, 2))]);
    const bytes = Buffer.concat([whole, encodeRecords(records.slice(2))]);
    for (const cut of [whole.byteLength + 3, whole.byteLength + 12, bytes.byteLength - 1]) {
      const decoded = decodeRecords(bytes.subarray(0, cut));
      expect(decoded.records.map((r) => r.seq)).toEqual([1, 2]);
      expect(decoded.validBytes).toBe(whole.byteLength);
    }
    expect(decodeRecords(bytes).records.map((r) => r.seq)).toEqual([1, 2, 2 ** 40 + 7]);
  });

  it('stop at a batch whose bytes changed, so garbage is never applied to a room', () => {
    const first = encodeRecords(records.slice(0, 1));
    const bytes = Buffer.concat([first, encodeRecords(records.slice(1))]);
    bytes[first.byteLength + 20] = bytes[first.byteLength + 20]! ^ 0xff;
    expect(decodeRecords(bytes).records.map((r) => r.seq)).toEqual([1]);
  });

  it('refuse a room name too long for the record layout instead of writing a record that cannot be read', () => {
    expect(() => encodeRecords([{ seq: 1, room: 'x'.repeat(70_000), data: new Uint8Array(1) }])).toThrow(/too long/);
  });
});
