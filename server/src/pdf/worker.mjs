// A PDF worker thread's entry (see pool.ts). Registers tsx so the TypeScript renderers load. A worker
// cannot count on the main thread's loader: the `portico` command registers tsx through its API,
// which workers do not inherit, and on Node 20.20 even an inherited `--import tsx` left this
// entry's import of a .ts file failing (ERR_UNKNOWN_FILE_EXTENSION). The pool starts workers with
// no inherited flags, so tsx is registered exactly once here.
import { register } from 'tsx/esm/api';

register();
const { default: renderTask } = await import('./render-task.ts');

export default renderTask;
