import { describe, expect, it } from 'vitest';
import { exportFixture, fixtureSources } from './exportFixture.js';
import type { ExportScope } from './model.js';
import { buildReport } from './outline.js';
import { buildExportModel } from './readModel.js';
import { parseReport, serializeReport, serializeReportNow, transferables } from './reportTransfer.js';

const scopes: ExportScope[] = [{ kind: 'session' }, { kind: 'team', teamId: exportFixture().teams[0]!.teamId }];

describe.each(scopes)('a report on its way to a render thread ($kind)', (scope) => {
  const report = buildReport(buildExportModel(fixtureSources(exportFixture(), scope)));

  it('arrives unchanged, written at once or in slices', async () => {
    expect(parseReport(serializeReportNow(report))).toEqual(report);
    expect(parseReport(await serializeReport(report))).toEqual(report);
  });

  it('travels in buffers of its own, which a transfer moves whole', () => {
    const serialized = serializeReportNow(report);
    const buffers = transferables(serialized);
    expect(buffers.length).toBeGreaterThan(0);
    expect(new Set(buffers).size).toBe(buffers.length);
    serialized.blocks.forEach((chunk, i) => expect(chunk.byteLength).toBe(buffers[i]!.byteLength));
  });
});
