/**
 * A bounded, seeded fuzz of every route the app answers (read from its router): a few thousand
 * malformed requests over real HTTP on a seeded database, each with a credential of the kind the
 * route takes so it gets past authentication. Malformed and wrong-typed JSON, huge strings, unicode,
 * negative, fractional and huge money, missing and extra fields, odd Content-Type and Idempotency-Key
 * values, odd query strings and percent-encodings in path parameters. Whatever comes in, the answer
 * is never a 5xx, and every 4xx is `{error: {code, message}}` with a code from the contract.
 *
 * Reproduce a failure with the seed it prints: `FUZZ_SEED=<seed> node --import tsx --test
 * server/test/fuzz.test.ts`. `FUZZ_REQUESTS` sets the total (default 3,000).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { signPayload } from '../src/crypto';
import { ROUTE_TABLE } from './route-matrix';
import { MIN_ROUTES, errorShapeProblem } from './route-matrix-routes';
import { SANDBOX_SECRET } from './route-matrix-world';
import { ORIGIN } from './helpers';
import { BASE_SEED, ONLY, TOTAL, codes, routes, t, useFuzzServer, w } from './fuzz-support';
import { type Tally, describeRequest, httpCall, routeSeed, send } from './fuzz-send-support';
import { requestArb } from './fuzz-requests-support';
import { describeMultipart, multipartArb, multipartBody } from './fuzz-multipart-support';
import { PNG } from './disputes-support';

useFuzzServer();

describe('fuzzing every route', () => {
  it(`sends ${TOTAL} malformed requests over the routes; no 5xx, every 4xx a contract error (seed ${BASE_SEED})`, async (ctx) => {
    assert.ok(routes.length >= MIN_ROUTES, `only ${routes.length} routes enumerated`);
    const uncovered = routes.filter((r) => !ROUTE_TABLE[r.key]).map((r) => r.key);
    assert.deepEqual(uncovered, [], 'routes missing from ROUTE_TABLE in server/test/route-matrix.ts');
    const perRoute = Math.ceil(TOTAL / routes.length);
    const started = performance.now();
    let sent = 0;
    for (const route of routes) {
      if (ONLY && route.key !== ONLY) continue;
      const spec = ROUTE_TABLE[route.key]!;
      await ctx.test(route.key, async () => {
        const seed = routeSeed(route.key);
        const tally: Tally = { statuses: new Map(), pastAuth: 0 };
        await fc.assert(
          fc.asyncProperty(requestArb(route, spec), (r) => send(r, tally)),
          {
            seed,
            numRuns: perRoute,
            reporter: (run) => {
              if (!run.failed) return;
              const request = run.counterexample ? describeRequest(run.counterexample[0]) : '(none)';
              const error = run.errorInstance instanceof Error ? run.errorInstance.message : String(run.errorInstance);
              throw new Error(
                `${route.key}: ${error}\n  request: ${request}\n  reproduce: FUZZ_SEED=${BASE_SEED} ` +
                  `(route seed ${run.seed}, path ${JSON.stringify(run.counterexamplePath)}, after ${run.numRuns} runs)`,
              );
            },
          },
        );
        sent += [...tally.statuses.values()].reduce((a, b) => a + b, 0);
        ctx.diagnostic(
          `${route.key}: ${[...tally.statuses]
            .sort(([a], [b]) => a - b)
            .map(([s, n]) => `${s}×${n}`)
            .join(' ')}`,
        );
        assert.ok(tally.pastAuth > 0, `${route.key}: no request got past authentication; the fuzz tests nothing there`);
      });
    }
    ctx.diagnostic(`${sent} requests in ${Math.round(performance.now() - started)} ms, seed ${BASE_SEED}`);
    if (!ONLY) assert.ok(sent >= Math.min(TOTAL, 1000), `only ${sent} requests sent`);
  });
});

describe('fuzzing the dispute attachment upload with multipart bodies', () => {
  const RUNS = Math.max(50, Math.round(TOTAL / 20));
  const upload = (headers: Record<string, string>, body: Buffer, token = w.owner) =>
    httpCall(
      `/api/v1/disputes/${w.dispute}/attachments`,
      'POST',
      {
        ...headers,
        origin: ORIGIN,
        authorization: `Bearer ${token}`,
      },
      body,
    );

  it(`sends ${RUNS} malformed multipart bodies; no 5xx, every 4xx a contract error (seed ${BASE_SEED})`, async (ctx) => {
    const statuses = new Map<number, number>();
    await fc.assert(
      fc.asyncProperty(multipartArb, fc.boolean(), async (r, easyPay) => {
        const { body, contentType } = multipartBody(r);
        const res = await upload({ 'content-type': contentType }, body, easyPay ? w.easyPay : w.owner);
        statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
        if (process.env.FUZZ_TRACE === '1')
          console.log(res.status, res.text.slice(0, 160), describeMultipart(r).slice(0, 300));
        if (res.status >= 500) throw new Error(`answered ${res.status}: ${res.text.slice(0, 300)}`);
        if (res.status >= 400) {
          const problem = errorShapeProblem(res.contentType, res.text, codes);
          if (problem)
            throw new Error(`answered ${res.status} with a bad error body (${problem}): ${res.text.slice(0, 300)}`);
        }
        if (easyPay && res.status < 400)
          throw new Error(`an Easy Pay session outside its link uploaded: ${res.status}`);
      }),
      {
        seed: routeSeed('multipart upload'),
        numRuns: RUNS,
        reporter: (run) => {
          if (!run.failed) return;
          const [request, easyPay] = run.counterexample ?? [];
          const error = run.errorInstance instanceof Error ? run.errorInstance.message : String(run.errorInstance);
          throw new Error(
            `${error}\n  request: ${request ? describeMultipart(request) : '(none)'} as ${easyPay ? 'Easy Pay' : 'the owner'}\n` +
              `  reproduce: FUZZ_SEED=${BASE_SEED} (path ${JSON.stringify(run.counterexamplePath)})`,
          );
        },
      },
    );
    ctx.diagnostic(
      [...statuses]
        .sort(([a], [b]) => a - b)
        .map(([s, n]) => `${s}×${n}`)
        .join(' '),
    );
  });

  it('refuses a body over the limit, a `message` field of 12 MB beside a real file, as a 413', async () => {
    const boundary = 'portico-huge';
    const body = Buffer.concat([
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.png"\r\n`),
      Buffer.from('Content-Type: image/png\r\n\r\n'),
      PNG,
      Buffer.from(`\r\n--${boundary}\r\nContent-Disposition: form-data; name="message"\r\n\r\n`),
      Buffer.alloc(12 * 1024 * 1024, 0x78),
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    const res = await upload({ 'content-type': `multipart/form-data; boundary=${boundary}` }, body);
    assert.equal(res.status, 413, res.text.slice(0, 300));
    assert.equal(errorShapeProblem(res.contentType, res.text, codes), null);
  });
});

describe('found by the fuzz, kept as named cases', () => {
  it('a signed sandbox webhook whose body is JSON null is a 400, not a 500', async () => {
    for (const body of ['null', '1', '"x"', '[]']) {
      const res = await httpCall(
        '/api/v1/webhooks/sandbox',
        'POST',
        {
          'content-type': 'application/json',
          'portico-signature': signPayload(SANDBOX_SECRET, body, t.clock.now()),
        },
        body,
      );
      assert.equal(res.status, 400, `${body}: ${res.status} ${res.text}`);
      assert.equal(errorShapeProblem(res.contentType, res.text, codes), null);
    }
  });

  it('a body the handler does not read leaves a kept-alive connection usable for the next requests', async () => {
    // fetch keeps connections alive; an ERP that sends a body to `send` (which reads none) and then
    // goes on using the connection must get answers, not a socket closed half a second later.
    const big = JSON.stringify({ note: 'x'.repeat(1_100_000) });
    const call = (body?: string) =>
      fetch(`${t.api}/erp/invoices/${encodeURIComponent(w.victimInvoice.id)}/send`, {
        method: 'POST',
        headers: { authorization: `Bearer ${w.erpKey}`, 'content-type': 'application/json' },
        body,
      });
    const failures: string[] = [];
    for (let round = 0; round < 3; round++) {
      assert.equal((await call(big)).status, 202);
      for (let i = 0; i < 3; i++) {
        try {
          const res = await call('{}');
          await res.text();
          if (res.status !== 202) failures.push(`round ${round}, call ${i}: ${res.status}`);
        } catch (error) {
          failures.push(
            `round ${round}, call ${i}: ${(error as Error).message} ${String((error as Error).cause ?? '')}`,
          );
        }
      }
    }
    assert.deepEqual(failures, []);
  });
});
