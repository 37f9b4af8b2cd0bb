import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { ORIGIN, errorCode, startTestServer, type TestServer } from './helpers';

const bundle = new URL('../../dist/portico.js', import.meta.url);
const unbuilt = existsSync(bundle) ? false : 'the widget is not built (npm run build)';

let t: TestServer;

describe("the widget's lazily loaded chunks", { skip: unbuilt }, () => {
  before(async () => {
    t = await startTestServer({ seed: false });
  });
  after(() => t.close());

  /** A chunk portico.js imports, by the path it imports it with. */
  const chunk = () => /chunks\/ar-statement-[\w-]+\.js/.exec(readFileSync(bundle, 'utf8'))![0];

  it('serves the chunks portico.js imports beside it, to the allowed origins, cached for good', async () => {
    const res = await fetch(`${t.url}/${chunk()}`, { headers: { origin: ORIGIN } });
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type') ?? '', /^text\/javascript/);
    assert.equal(res.headers.get('access-control-allow-origin'), ORIGIN);
    assert.equal(res.headers.get('cache-control'), 'public, max-age=31536000, immutable');
    assert.match(await res.text(), /customElements/);
  });

  it('gives other origins no CORS, as for portico.js', async () => {
    const res = await fetch(`${t.url}/${chunk()}`, { headers: { origin: 'https://elsewhere.test' } });
    await res.arrayBuffer();
    assert.equal(res.headers.get('access-control-allow-origin'), null);
  });

  it('answers 404 for a chunk it does not have, or a name that is not a chunk', async () => {
    for (const path of ['/chunks/ar-nothing.js', '/chunks/..%2Fportico.js', '/chunks/portico.js.map']) {
      const res = await fetch(`${t.url}${path}`);
      assert.equal(res.status, 404, path);
      assert.equal(await errorCode(res), 'not_found', path);
    }
  });
});
