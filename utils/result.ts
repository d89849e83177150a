/** Expected failures travel as values the UI can show; only bugs throw. */
export type Result<T> = { ok: true; value: T } | Failure;

export type Failure = { ok: false; code: FailureCode; message: string };

export type FailureCode = 'invalid' | 'quota' | 'storage' | 'unreachable' | 'lookup';
