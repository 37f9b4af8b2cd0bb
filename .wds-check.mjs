import { startDevServer } from '@web/dev-server';
const server = await startDevServer({ config: { rootDir: process.cwd(), port: 8765, middleware: [
    function serveMockServiceWorker(context, next) {
      if (context.path === '/mockServiceWorker.js') context.path = '/widget/test/mockServiceWorker.js';
      return next();
    }] }, readCliArgs: false, readFileConfig: false, logStartMessage: false });
const r1 = await fetch('http://localhost:8765/mockServiceWorker.js'); console.log(r1.status, r1.headers.get('etag'));
const r2 = await fetch('http://localhost:8765/mockServiceWorker.js', {headers: {'if-none-match': r1.headers.get('etag'), 'cache-control':'max-age=0', 'service-worker':'script'}}); console.log(r2.status);
await server.stop();
