import { SingleBar } from 'cli-progress';

export interface Progress {
  update(rows: number, bytes: number): void;
  stop(): void;
}

const count = (n: number) => n.toLocaleString('en-US');

/**
 * Import progress on stderr: a bar with rows/s on a terminal; otherwise a plain line every few
 * seconds, which reads well in CI logs and files.
 */
export function importProgress(label: string, totalBytes: number, stream = process.stderr): Progress {
  const started = performance.now();
  const rate = (rows: number) => {
    const seconds = (performance.now() - started) / 1000;
    return seconds > 0 ? Math.round(rows / seconds) : 0;
  };
  if (stream.isTTY) {
    const bar = new SingleBar({
      stream,
      format: `${label} [{bar}] {percentage}% | {rows} rows | {rate} rows/s | {eta_formatted} left`,
      barsize: 30,
      hideCursor: true,
      etaBuffer: 50,
    });
    bar.start(Math.max(totalBytes, 1), 0, { rows: '0', rate: '0' });
    let lastAt = 0;
    return {
      update(rows, bytes) {
        const now = performance.now();
        if (now - lastAt < 100) return;
        lastAt = now;
        bar.update(bytes, { rows: count(rows), rate: count(rate(rows)) });
      },
      stop() {
        bar.stop();
      },
    };
  }
  let lastAt = started;
  let last = { rows: 0, bytes: 0 };
  let printed = false;
  const line = (rows: number, bytes: number) =>
    `${label}: ${count(rows)} rows, ${totalBytes ? Math.floor((bytes / totalBytes) * 100) : 100} % of the file, ${count(rate(rows))} rows/s\n`;
  return {
    update(rows, bytes) {
      last = { rows, bytes };
      const now = performance.now();
      if (now - lastAt < 2_000) return;
      lastAt = now;
      printed = true;
      stream.write(line(rows, bytes));
    },
    stop() {
      // Quick imports print nothing here; long ones end with the final count.
      if (printed) stream.write(line(last.rows, last.bytes));
      printed = false;
    },
  };
}
