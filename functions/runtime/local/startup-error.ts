/** A start-up failure the person can fix themselves; its message is one sentence saying how. */
export class StartupError extends Error {
  override readonly name = 'StartupError';
}
