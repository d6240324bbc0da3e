// Full-session exports over HTTP, back to back (DOCX, PDF, DOCX, …) until the runner says stop, in a process of
// their own: fetching and reading the exports in the runner's process stalled the live-edit clients' event loop
// (up to 60 ms), which the latency figures then blamed on the server.
//   forked by run.mjs with: <baseUrl> <sessionId> <token>; answers { done: [{ format, start, end, ms }] } with
//   start and end as epoch milliseconds (performance.timeOrigin + performance.now()), comparable across processes.
const [baseUrl, sessionId, token] = process.argv.slice(2);

async function exportOverHttp(format) {
  const response = await fetch(`${baseUrl}/api/sessions/${sessionId}/export?format=${format}`, {
    headers: { authorization: `Bearer ${token}` },
  });
  const bytes = (await response.arrayBuffer()).byteLength;
  if (response.status !== 200) throw new Error(`export ${format}: HTTP ${response.status}`);
  return bytes;
}

let exporting = true;
process.on('message', (message) => {
  if (message.stop) exporting = false;
});
const now = () => performance.timeOrigin + performance.now();
const done = [];
for (let i = 0; exporting; i++) {
  const format = i % 2 === 0 ? 'docx' : 'pdf';
  const start = now();
  await exportOverHttp(format);
  const end = now();
  done.push({ format, start, end, ms: end - start });
}
process.send({ done }, () => process.exit(0));
