/**
 * Payment providers' webhooks: no session, no Origin; the signature is the authentication. The raw
 * body is verified before anything is parsed, and each event id is taken once.
 */
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { handleProviderEvent } from '../domain/payments';
import { HttpError } from '../http/errors';
import type { AppEnv } from '../http/env';

export const webhooksRouter = new Hono<AppEnv>().post(
  '/:provider',
  bodyLimit({
    maxSize: 256 * 1024,
    onError: () => {
      throw new HttpError(413, 'payload_too_large', 'The webhook body is larger than 256 KB.');
    },
  }),
  async (c) => {
    const { deps } = c.var;
    const provider = deps.providers.byName(c.req.param('provider'));
    if (!provider) throw new HttpError(404, 'not_found', 'No such payment provider is configured.');
    const raw = await c.req.text();
    const event = await provider.parseWebhook(raw, c.req.raw.headers, deps.clock.now());
    const result = await handleProviderEvent(deps, provider.name, event);
    deps.logger.info('provider webhook', { provider: provider.name, event: event.id, ...result });
    return c.json({ received: true, handled: result.handled });
  },
);
