/** Exit codes: 0 ok, 1 findings (or a --fail-on match), 2 usage or I/O error. */
export const EXIT = { ok: 0, findings: 1, usage: 2 } as const;
