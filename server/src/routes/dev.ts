/**
 * The dev mailbox: every email in the outbox, readable without a mail server. Mounted only in the
 * demo (see app.ts); it shows sign-in links, so it must never face the internet.
 */
import { desc, eq } from 'drizzle-orm';
import { Hono, type Context } from 'hono';
import { devMailboxQuery } from '../contract/schemas';
import { emailOutbox } from '../db/schema';
import type { AppEnv } from '../http/env';
import { queryParams } from '../http/validate';
import { escapeHtml } from '../mail/templates';

async function recentMessages(c: Context<AppEnv>) {
  const { to } = queryParams(c, devMailboxQuery);
  // No address holds a NUL, and PostgreSQL refuses one in a parameter: nothing to look up.
  if (to?.includes('\u0000')) return [];
  return c.var.deps.db
    .select()
    .from(emailOutbox)
    .where(to ? eq(emailOutbox.to, to) : undefined)
    .orderBy(desc(emailOutbox.createdAt), desc(emailOutbox.id))
    .limit(100)
    .all();
}

function linkify(text: string): string {
  return escapeHtml(text).replace(/https?:\/\/[^\s<]+/g, (url) => `<a href="${url}">${url}</a>`);
}

export const dev = new Hono<AppEnv>()
  .get('/mailbox/messages.json', async (c) =>
    c.json(
      (await recentMessages(c)).map((m) => ({
        id: m.id,
        to: m.to,
        subject: m.subject,
        text: m.text,
        html: m.html,
        status: m.status,
        createdAt: m.createdAt.toISOString(),
      })),
    ),
  )
  .get('/mailbox', async (c) => {
    const messages = await recentMessages(c);
    const items = messages
      .map(
        (m) => `<article>
  <header><h2>${escapeHtml(m.subject)}</h2>
  <p class="meta">To <strong>${escapeHtml(m.to)}</strong> · <time datetime="${m.createdAt.toISOString()}">${m.createdAt.toISOString().replace('T', ' ').slice(0, 19)} UTC</time> · ${escapeHtml(m.status)}</p></header>
  <pre>${linkify(m.text)}</pre>
  <details><summary>HTML version</summary><iframe title="HTML version of ${escapeHtml(m.subject)}" sandbox srcdoc="${escapeHtml(m.html)}"></iframe></details>
</article>`,
      )
      .join('\n');
    c.header('Content-Security-Policy', "default-src 'none'; style-src 'unsafe-inline'; frame-src 'self'");
    c.header('Cache-Control', 'no-store');
    return c.html(`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<meta http-equiv="refresh" content="5">
<title>Dev mailbox · Portico</title>
<style>
body{font-family:system-ui,sans-serif;max-width:820px;margin:0 auto;padding:24px;color:#1f2933;background:#f4f5f7}
h1{font-size:22px} article{background:#fff;border-radius:8px;padding:16px 20px;margin:16px 0;box-shadow:0 1px 2px #0002}
h2{font-size:17px;margin:0 0 4px} .meta{color:#52606d;font-size:13px;margin:0 0 8px}
pre{white-space:pre-wrap;font-size:14px} a{color:#1d4ed8} iframe{width:100%;height:420px;border:1px solid #cbd2d9;border-radius:6px}
.empty{color:#52606d}
</style></head><body>
<h1>Dev mailbox</h1>
<p class="meta">Every email the server has queued, newest first. This page exists only in the demo. It refreshes every 5 seconds.${c.var.deps.config.SMTP_URL ? ' Mail also goes to SMTP_URL; once delivered there, sign-in links and codes are no longer kept here.' : ''}</p>
${items || '<p class="empty">No emails yet. Ask for a sign-in link on the demo site and it appears here.</p>'}
</body></html>`);
  });
