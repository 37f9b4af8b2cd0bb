/**
 * One JSON line per entry on stdout. Callers pass fields, never secrets: tokens, codes and session
 * ids are not logged, and request URLs are logged by path only (the magic-link token lives in the
 * fragment, which never reaches the server anyway).
 */
export type LogLevel = 'silent' | 'error' | 'info' | 'debug';
const rank: Record<LogLevel, number> = { silent: 0, error: 1, info: 2, debug: 3 };

export interface Logger {
  error(msg: string, fields?: Record<string, unknown>): void;
  info(msg: string, fields?: Record<string, unknown>): void;
  debug(msg: string, fields?: Record<string, unknown>): void;
}

export function createLogger(level: LogLevel, write: (line: string) => void = (l) => process.stdout.write(l)): Logger {
  const at =
    (lvl: Exclude<LogLevel, 'silent'>) =>
    (msg: string, fields: Record<string, unknown> = {}) => {
      if (rank[lvl] <= rank[level])
        write(`${JSON.stringify({ t: new Date().toISOString(), level: lvl, msg, ...fields })}\n`);
    };
  return { error: at('error'), info: at('info'), debug: at('debug') };
}
