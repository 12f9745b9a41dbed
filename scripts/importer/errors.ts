/**
 * The one error type the importer's stages throw on bad input. Anything else escaping a stage is a bug;
 * the orchestrator reports it as an internal error instead of crashing the run.
 */
export class ImportError extends Error {
  override readonly name = 'ImportError';

  /** The item's title or id, when the problem is with one item rather than the whole input. */
  readonly item: string | undefined;

  /**
   * @param message What is wrong with the input, in words a user can act on.
   * @param item The item's title or id, when the problem is with one item.
   */
  constructor(message: string, item?: string) {
    super(message);
    this.item = item;
  }
}

/** Formats any thrown value as one line for the report; non-ImportErrors are marked as internal. */
export function describeError(error: unknown): string {
  if (error instanceof ImportError) return error.message;
  if (error instanceof RangeError && /call stack/i.test(error.message)) {
    return 'input is nested too deeply to process';
  }
  const text = error instanceof Error ? error.message : String(error);
  return `internal error: ${text}`;
}
