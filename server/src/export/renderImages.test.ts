import { unzlibSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { BoardImages, rasterizeBoard } from './boardPng.js';
import { bodyXml, numberingXml } from './docxBody.js';
import { exportFixture, fixtureSources } from './exportFixture.js';
import { xmlProblem } from './fileChecks.js';
import { buildReport } from './outline.js';
import { buildPassportReport } from './passportReport.js';
import { encodeOpaquePng, pngSize } from './pngEncode.js';
import { buildExportModel } from './readModel.js';
import { emptyBoardSvg, renderBoardSvg, standaloneSvg } from './renderBoardSvg.js';
import { robotoFiles } from './renderWorkers.js';

const fonts = Object.values(robotoFiles());
const model = buildExportModel(fixtureSources(exportFixture(), { kind: 'session' }));
const board = model.teams[0]!.board;

describe('opaque PNG encoding', () => {
  it('writes a PNG of the given size whose pixels read back, composited over white', () => {
    // Two pixels: opaque red, fully transparent black (→ white).
    const png = encodeOpaquePng(Uint8Array.of(255, 0, 0, 255, 0, 0, 0, 0), 2, 1);
    expect(pngSize(png)).toEqual({ width: 2, height: 1 });
    // IHDR: 8-bit RGB, so pdfkit embeds it without touching the pixels.
    expect([png[24], png[25]]).toEqual([8, 2]);
    const idatAt = Buffer.from(png).indexOf('IDAT');
    const length = new DataView(png.buffer, png.byteOffset).getUint32(idatAt - 4);
    expect([...unzlibSync(png.subarray(idatAt + 4, idatAt + 4 + length))]).toEqual([0, 255, 0, 0, 255, 255, 255]);
  });

  it('refuses what is not a PNG', () => {
    expect(pngSize(new TextEncoder().encode('GIF89a and more bytes than that'))).toBeNull();
  });
});

describe('board pictures', () => {
  it('rasterises a board with Cyrillic text to a PNG of the fixed width', () => {
    const svg = renderBoardSvg(board, 'Доска')!;
    const image = rasterizeBoard(svg, fonts);
    expect(image.width).toBe(1000);
    expect(pngSize(image.png)).toEqual({ width: image.width, height: image.height });
  });

  it('gives an empty board a picture too, and a standalone SVG a pixel size', () => {
    const svg = standaloneSvg(emptyBoardSvg('Доска: «Волга»', 'На доске пока нет заметок.'));
    expect(svg).toMatch(/^<\?xml[^>]+>\n<svg [^>]*width="1000" height="200"/);
    expect(xmlProblem(svg.replace(/^<\?xml[^>]+>\n/, ''))).toBeNull();
  });

  it('renders each distinct board once', async () => {
    let renders = 0;
    const images = new BoardImages(async (svgs) => {
      renders += svgs.length;
      return svgs.map((svg) => rasterizeBoard(svg, fonts));
    });
    const svg = renderBoardSvg(board, 'Доска')!;
    const [a, b] = await Promise.all([images.png(svg), images.png(svg)]);
    expect(a).toBe(b);
    expect(renders).toBe(1);
    images.clear();
    await images.png(svg);
    expect(renders).toBe(2);
  });
});

describe('printed board pictures', () => {
  it('keep note text on a small board and leave it out on a crowded one, section titles kept', () => {
    const small = buildReport(model).blocks.find((b) => b.kind === 'boardImage')!;
    expect(small.printSvg).toBe(small.svg);
    const team = model.teams[0]!;
    const crowded = {
      ...model,
      teams: [
        {
          ...team,
          board: {
            ...team.board,
            notes: Array.from({ length: 61 }, (_, i) => ({
              ...team.board.notes[0]!,
              id: `n${i}`,
              text: `Заметка ${i}`,
            })),
          },
        },
      ],
    };
    const block = buildReport(crowded).blocks.find((b) => b.kind === 'boardImage')!;
    expect(block.svg).toContain('Заметка 60');
    expect(block.printSvg).not.toContain('Заметка');
    for (const section of team.board.sections) expect(block.printSvg).toContain(`>${section.title}</text>`);
  });
});

describe('DOCX body', () => {
  const report = buildReport(model);
  const picture = { png: encodeOpaquePng(new Uint8Array(4 * 4), 2, 2), width: 2, height: 2 };

  it('is well-formed WordprocessingML with a picture per board block and its relationships', () => {
    const boards = report.blocks.filter((b) => b.kind === 'boardImage').length;
    const body = bodyXml(
      report.blocks,
      Array.from({ length: boards }, () => picture),
    );
    const wrapped =
      '<w:body xmlns:w="w" xmlns:r="r" xmlns:wp="wp" xmlns:a="a" xmlns:pic="pic">' + body.xml + '</w:body>';
    expect(xmlProblem(wrapped)).toBeNull();
    expect(body.media).toHaveLength(boards);
    for (const [id] of body.media) expect(body.xml).toContain(`r:embed="${id}"`);
    for (const [id, href] of body.links) {
      expect(body.xml).toContain(`r:id="${id}"`);
      expect(href).toMatch(/^https?:|^mailto:/);
    }
  });

  it('restarts each numbered list with its own numbering instance', () => {
    const body = bodyXml([
      { kind: 'list', ordered: true, start: 3, items: [[{ kind: 'paragraph', runs: [{ text: 'a' }] }]] },
      { kind: 'list', ordered: true, start: 1, items: [[{ kind: 'paragraph', runs: [{ text: 'b' }] }]] },
    ]);
    expect(body.orderedLists).toEqual([3, 1]);
    const numbering = numberingXml(body.orderedLists);
    expect(xmlProblem(numbering.replace(/^<\?xml[^>]+>/, ''))).toBeNull();
    expect(numbering).toContain('<w:num w:numId="2"><w:abstractNumId w:val="1"/>');
    expect(numbering).toContain('<w:startOverride w:val="3"/>');
    expect(body.xml).toContain('<w:numId w:val="3"/>');
  });
});

describe('initiative passport report', () => {
  const teamModel = buildExportModel(fixtureSources(exportFixture(), { kind: 'team', teamId: model.teams[0]!.teamId }));

  it('holds one initiative and nothing else of the team', () => {
    const [first, second] = teamModel.teams[0]!.initiatives;
    const report = buildPassportReport(teamModel, first!.id)!;
    expect(report.title).toBe(first!.title);
    expect(report.subtitle).toEqual(['Паспорт инициативы', teamModel.teams[0]!.name]);
    const text = JSON.stringify(report.blocks);
    expect(text).toContain(first!.goal);
    if (second) expect(text).not.toContain(second.title);
    expect(report.blocks.some((b) => b.kind === 'boardImage')).toBe(false);
  });

  it('is null for an initiative the team does not have', () => {
    expect(buildPassportReport(teamModel, 'nosuchinitiative')).toBeNull();
  });
});
