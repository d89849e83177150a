/** Expected failures travel as values the UI can show; only bugs throw. */
export type Result<T> = { ok: true; value: T } | Failure;

export type Failure = { ok: false; code: FailureCode; message: string };

/** `permission`: the browser did not grant what the setting needs; `off`: the setting is off. */
export type FailureCode = 'invalid' | 'quota' | 'storage' | 'unreachable' | 'lookup' | 'permission' | 'off';
