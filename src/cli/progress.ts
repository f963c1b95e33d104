// Progress for work that takes longer than a second: on a terminal, one line on stderr that counts the
// seconds ("actionplan reminders: still working, 4 s…") and is wiped when the command ends. Nothing is
// written when stderr is a file or a pipe (a cron log, a test), where the command's own lines say enough.

/** What the line is written to: stderr, or a stand-in in tests. */
export interface ProgressStream {
  isTTY?: boolean;
  write(text: string): unknown;
}

export interface Progress {
  done(): void;
}

/** Start counting for `command`; the first line appears after `afterMs` (1 s). */
export function startProgress(
  command: string,
  stream: ProgressStream = process.stderr,
  afterMs = 1000,
): Progress {
  if (stream.isTTY !== true) return { done: () => undefined };
  const started = Date.now();
  let shown = false;
  const tick = () => {
    shown = true;
    const seconds = Math.round((Date.now() - started) / 1000);
    stream.write(`\r\x1b[Kactionplan ${command}: still working, ${String(seconds)} s…`);
  };
  let interval: ReturnType<typeof setInterval> | null = null;
  const first = setTimeout(() => {
    tick();
    interval = setInterval(tick, 1000);
    interval.unref();
  }, afterMs);
  first.unref();
  return {
    done() {
      clearTimeout(first);
      if (interval !== null) clearInterval(interval);
      if (shown) stream.write("\r\x1b[K");
    },
  };
}
