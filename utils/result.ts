/** Expected failures travel as values the UI can show; only bugs throw. */
export type Result<T> = { ok: true; value: T } | Failure;

export type Failure = { ok: false; code: FailureCode; message: string };

/** `permission`: the browser did not grant what the setting needs; `off`: the setting is off. */
export type FailureCode = 'invalid' | 'quota' | 'storage' | 'unreachable' | 'lookup' | 'permission' | 'off';

/** What a caught value says, for a message: an error's message, anything else as text. */
export function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
