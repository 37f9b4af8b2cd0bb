/**
 * The dev mailbox: every email in the outbox, readable without a mail server. Mounted only in the
 * demo (see app.ts); it shows sign-in links, so it must never face the internet.
 */
import { and, asc, desc, eq, lte, ne } from 'drizzle-orm';
import { Hono, type Context } from 'hono';
import { DAY, isAdjustable, OffsetClock } from '../clock';
import { devClockBody, devMailboxQuery } from '../contract/schemas';
import { emailOutbox, jobs } from '../db/schema';
import { MAINTENANCE } from '../domain/jobs';
import { calendarDate } from '../domain/dates';
import { saveDemoClockOffset } from '../domain/installation';
import { HttpError } from '../http/errors';
import type { AppEnv } from '../http/env';
import { jsonBody, queryParams } from '../http/validate';
import { escapeHtml } from '../mail/templates';

/** The demo's date and time, and how far it runs ahead of real time. */
async function demoClock(c: Context<AppEnv>) {
  const { clock, settings, db } = c.var.deps;
  const company = await settings.get(db);
  const now = clock.now();
  const ahead = clock instanceof OffsetClock ? Math.round(clock.offset / DAY) : 0;
  return {
    now: now.toISOString(),
    today: calendarDate(now, company.timeZone),
    timeZone: company.timeZone,
    daysAhead: ahead,
  };
}

/**
 * Moves the demo's clock forward `days` days, stopping at each queued job's time on the way and
 * running what is due there (reminders at 09:00, a promise's verdict at its deadline, their emails),
 * so every job runs at the moment it was meant for, in order, and a person can watch them arrive in
 * the mailbox. The hourly maintenance is not a stop of its own: it runs at the others.
 */
async function travel(c: Context<AppEnv>, days: number): Promise<number> {
  const { clock, worker, db } = c.var.deps;
  if (!isAdjustable(clock)) throw new HttpError(409, 'conflict', "This server's clock cannot be moved.");
  const target = clock.now().getTime() + days * DAY;
  let ran = await worker.runDue();
  for (;;) {
    const next = await db
      .select({ runAt: jobs.runAt })
      .from(jobs)
      .where(and(eq(jobs.status, 'queued'), ne(jobs.type, MAINTENANCE), lte(jobs.runAt, new Date(target))))
      .orderBy(asc(jobs.runAt), asc(jobs.id))
      .limit(1)
      .get();
    if (!next) break;
    const ahead = next.runAt.getTime() - clock.now().getTime();
    if (ahead > 0) clock.advance(ahead);
    const now = await worker.runDue();
    ran += now;
    // A due job the worker would not take now (its type's slots are busy elsewhere): go on, not round.
    if (ahead <= 0 && now === 0) break;
  }
  const rest = target - clock.now().getTime();
  if (rest > 0) clock.advance(rest);
  ran += await worker.runDue();
  if (clock instanceof OffsetClock) await saveDemoClockOffset(db, clock.offset, clock.now());
  return ran;
}

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
  .get('/clock', async (c) => c.json(await demoClock(c)))
  .post('/clock', async (c) => {
    // The mailbox page's form posts `days=…` without script; everything else sends JSON.
    const form = c.req.header('content-type')?.startsWith('application/x-www-form-urlencoded');
    const fromForm = form ? devClockBody.safeParse({ days: Number((await c.req.parseBody()).days) }) : null;
    if (fromForm && !fromForm.success) throw new HttpError(400, 'invalid_request', 'days must be 0 to 31.');
    const { days } = fromForm?.data ?? (await jsonBody(c, devClockBody));
    const jobsRun = await travel(c, days);
    if (form) return c.redirect('/api/v1/dev/mailbox', 303);
    return c.json({ ...(await demoClock(c)), jobsRun });
  })
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
    const clock = await demoClock(c);
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
.empty{color:#52606d} .clock{background:#fff;border-radius:8px;padding:4px 16px;box-shadow:0 1px 2px #0002}
</style></head><body>
<h1>Dev mailbox</h1>
<form class="clock" method="post" action="/api/v1/dev/clock"><p>Demo date <strong><time datetime="${clock.now}">${clock.today}</time></strong> (${escapeHtml(clock.timeZone)})${clock.daysAhead ? `, ${clock.daysAhead} days ahead of today` : ''}.
<label>Move forward <input name="days" type="number" min="1" max="31" value="1" size="4"> days</label> <button>Go</button></p></form>
<p class="meta">Every email the server has queued, newest first. This page exists only in the demo. It refreshes every 5 seconds.${c.var.deps.config.SMTP_URL ? ' Mail also goes to SMTP_URL; once delivered there, sign-in links and codes are no longer kept here.' : ''}</p>
${items || '<p class="empty">No emails yet. Ask for a sign-in link on the demo site and it appears here.</p>'}
</body></html>`);
  });
