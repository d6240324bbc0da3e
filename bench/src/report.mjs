// Writes the benchmark's results: latest.json (the shape the README documents), a Markdown table and an SVG chart.
import fs from 'node:fs';
import path from 'node:path';

const COLUMNS = [
  ['steady', 'p99Ms', 'steady p99, ms'],
  ['steady', 'cpuPct', 'steady server CPU, %'],
  ['steady', 'lost', 'steady lost updates'],
  ['capacity', 'cpuMsPer1000Updates', 'CPU ms per 1000 updates at 4000/s'],
  ['capacity', 'maxUpdatesPerSec', 'highest rate with p99 ≤ 50 ms, upd/s'],
  ['bigJoin', 'allSyncedMs', 'big join: all 50 synced, ms'],
  ['bigJoin', 'maxStallMs', 'big join: longest stall, ms'],
  ['memory', 'perConnectionKb', 'RSS per idle connection, KB'],
  ['memory', 'perConnectionHeapKb', 'JS heap per idle connection, KB'],
  ['memory', 'perRoomKb', 'RSS per loaded room, KB'],
  ['unload', 'unloadedAfterMs', 'rooms unloaded after last leave, ms'],
  ['restart', 'resyncedMs', 'clients resynced after restart, ms'],
];

function cell(value) {
  if (value === undefined) return '–';
  if (value === null) return 'never';
  if (typeof value !== 'number' || Number.isNaN(value)) return '–';
  return value >= 100 ? Math.round(value).toString() : value.toFixed(value >= 10 ? 1 : 2);
}

export function markdownTable(results, servers) {
  const lines = [`| metric | ${servers.join(' | ')} |`, `|---|${servers.map(() => '---:').join('|')}|`];
  for (const [scenario, metric, label] of COLUMNS) {
    const entry = results.scenarios[scenario];
    if (!entry) continue;
    lines.push(`| ${label} | ${servers.map((s) => cell(entry.servers[s]?.[metric])).join(' | ')} |`);
  }
  return lines.join('\n');
}

export function latencySvg(results, servers) {
  const colors = { horizon: '#2b59c3', reference: '#e0542e', hocuspocus: '#1f9d6b', relay: '#8a8f98' };
  const curves = servers.map((s) => ({ s, points: results.scenarios.capacity?.servers[s]?.curve ?? [] }));
  const maxRate = Math.max(1, ...curves.flatMap((c) => c.points.map((p) => p.rate)));
  const maxP99 = Math.max(60, ...curves.flatMap((c) => c.points.map((p) => Math.min(p.p99Ms, 500))));
  const [w, h, pad] = [640, 360, 48];
  const x = (rate) => pad + (rate / maxRate) * (w - 2 * pad);
  const y = (ms) => h - pad - (Math.min(ms, maxP99) / maxP99) * (h - 2 * pad);
  const lines = curves
    .filter((c) => c.points.length > 0)
    .map((c, i) => {
      const d = c.points.map((p, j) => `${j ? 'L' : 'M'}${x(p.rate).toFixed(1)},${y(p.p99Ms).toFixed(1)}`).join(' ');
      return (
        `<path d="${d}" fill="none" stroke="${colors[c.s]}" stroke-width="2.5"/>` +
        `<text x="${w - pad + 4}" y="${pad + i * 18}" fill="${colors[c.s]}" font-size="13">${c.s}</text>`
      );
    })
    .join('\n');
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${w + 80}" height="${h}" font-family="sans-serif">
<rect width="100%" height="100%" fill="white"/>
<text x="${pad}" y="24" font-size="15">p99 propagation latency against load (200 connections, 20 rooms)</text>
<line x1="${pad}" y1="${h - pad}" x2="${w - pad}" y2="${h - pad}" stroke="#333"/>
<line x1="${pad}" y1="${pad}" x2="${pad}" y2="${h - pad}" stroke="#333"/>
<line x1="${pad}" y1="${y(50)}" x2="${w - pad}" y2="${y(50)}" stroke="#c00" stroke-dasharray="4 4"/>
<text x="${pad + 4}" y="${y(50) - 4}" font-size="11" fill="#c00">50 ms</text>
<text x="${w / 2}" y="${h - 12}" font-size="12" text-anchor="middle">updates per second (${maxRate} max)</text>
<text x="12" y="${h / 2}" font-size="12" transform="rotate(-90 12 ${h / 2})" text-anchor="middle">p99, ms</text>
${lines}
</svg>
`;
}

export function writeResults(dir, results, servers, name = 'latest') {
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, `${name}.json`), JSON.stringify(results, null, 2) + '\n');
  fs.writeFileSync(path.join(dir, `${name}.md`), markdownTable(results, servers) + '\n');
  if (name === 'latest') fs.writeFileSync(path.join(dir, 'latency.svg'), latencySvg(results, servers));
}
