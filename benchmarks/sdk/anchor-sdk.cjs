// The official AnchorBrowser TypeScript SDK doing what CallsBenchmark's Tapedeck methods do, against the same
// StaticServer, so Report can put Tapedeck beside it in the same round (see docs/performance.md):
//
//   node anchor-sdk.cjs SDK_DIR BASE_URL API_KEY list|history warm|fresh [warm-ups measured seconds]
//
// warm: warm-ups, then measured iterations of `seconds` each (list: calls per second) or of one whole history (ms
// per history); prints the mean of the measured iterations, as JMH scores Throughput and AverageTime. fresh: one
// call or one history in this new process, after the client is made, in ms (JMH's SingleShotTime).
'use strict';
const [sdkDir, baseURL, apiKey, work, mode, warmUps = '3', measured = '5', seconds = '2'] = process.argv.slice(2);
const Anchorbrowser = require(require.resolve('anchorbrowser', { paths: [sdkDir] }));
const client = new Anchorbrowser({ apiKey, baseURL });

async function list() {
  const answer = await client.sessions.recordings.list('sess_0001');
  return answer.data.items.length;
}

// The SDK has no method for GET /v1/sessions, so the history goes through its generic get, page by page, as a
// user of the SDK would write it; every session is touched as Tapedeck's benchmark touches them.
async function history() {
  let touched = 0;
  for (let page = 1; ; page++) {
    const answer = await client.get('/v1/sessions', { query: { page, limit: 50 } });
    const sessions = answer.data.sessions;
    for (const session of sessions) {
      touched += session.id.length;
    }
    if (sessions.length === 0 || page >= answer.data.total_pages) {
      return touched;
    }
  }
}

async function listFor(ms) {
  const end = process.hrtime.bigint() + BigInt(ms) * 1_000_000n;
  let calls = 0;
  const start = process.hrtime.bigint();
  while (process.hrtime.bigint() < end) {
    await list();
    calls++;
  }
  return calls / (Number(process.hrtime.bigint() - start) / 1e9);
}

async function timed(job) {
  const start = process.hrtime.bigint();
  await job();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

async function main() {
  const call = work === 'list' ? list : history;
  if (mode === 'fresh') {
    console.log(await timed(call));
    return;
  }
  const scores = [];
  for (let i = 0; i < Number(warmUps) + Number(measured); i++) {
    const score = work === 'list' ? await listFor(Number(seconds) * 1000) : await timed(call);
    if (i >= Number(warmUps)) {
      scores.push(score);
    }
  }
  console.log(scores.reduce((a, b) => a + b, 0) / scores.length);
}

main().catch((error) => {
  console.error(`anchor-sdk: ${error.message}`);
  process.exit(1);
});
