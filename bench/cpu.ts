/**
 * CPU time of other processes (the servers a bench starts, PostgreSQL's), read from /proc/<pid>/stat:
 * user + system time of all the process's threads (so a server's worker threads count), in ms. Linux
 * only; elsewhere every reading is null and the benches print no CPU figures.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

/** Clock ticks per second, the unit of /proc/<pid>/stat's times. */
const ticks = Number(spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).stdout?.trim()) || 100;

export interface ProcessStat {
  comm: string;
  ppid: number;
  /** User + system time of the process (all its threads). */
  cpuMs: number;
  /** User + system time of its children that have exited and been waited for. */
  childrenCpuMs: number;
}

export function processStat(pid: number): ProcessStat | null {
  let text: string;
  try {
    text = readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return null;
  }
  // `pid (comm) state ppid …`: comm may hold spaces and parentheses, so split after the last ')'.
  const close = text.lastIndexOf(')');
  const fields = text.slice(close + 2).split(' ');
  const tick = (i: number) => (Number(fields[i]) * 1000) / ticks;
  return {
    comm: text.slice(text.indexOf('(') + 1, close),
    ppid: Number(fields[1]),
    cpuMs: tick(11) + tick(12),
    childrenCpuMs: tick(13) + tick(14),
  };
}

/** CPU ms the process has used so far, or null when it cannot be read. */
export function cpuMsOf(pid: number | undefined): number | null {
  return pid === undefined ? null : (processStat(pid)?.cpuMs ?? null);
}
