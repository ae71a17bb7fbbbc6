// Progress on stderr: a redrawn bar on a TTY, plain lines otherwise (CI logs, pipes).
import type { Stage } from '../types.js';
import { printable } from '../printable.js';

const BAR_WIDTH = 24;
/** Plain mode prints a stage's progress at most this often, so long runs log a few lines, not thousands. */
const PLAIN_STEP_RATIO = 0.1;

export function createProgress(stream: NodeJS.WriteStream = process.stderr, quiet = false) {
  const tty = !!stream.isTTY;
  let lastStage: Stage | null = null;
  let lastPrinted = 0;
  const done = () => {
    if (tty && lastStage) stream.write('\n');
    lastStage = null;
  };
  const update = (stage: Stage, n: number, total: number, label?: string) => {
    if (quiet) return;
    if (stage !== lastStage) {
      done();
      lastStage = stage;
      lastPrinted = 0;
    }
    if (tty) {
      const filled = total ? Math.round((n / total) * BAR_WIDTH) : BAR_WIDTH;
      const shown = label && printable(label);
      const name = shown ? ` ${shown.length > 40 ? '…' + shown.slice(-39) : shown}` : '';
      stream.write(`\r\x1b[K${stage.padEnd(8)} [${'#'.repeat(filled)}${'.'.repeat(BAR_WIDTH - filled)}] ${n}/${total}${name}`);
    } else if (n === total || n - lastPrinted >= Math.max(1, Math.ceil(total * PLAIN_STEP_RATIO))) {
      lastPrinted = n;
      stream.write(`${stage}: ${n}/${total}\n`);
    }
  };
  return { update, done };
}
