// A finding's message and hint as worded text with, where it comes from a catalog, its id and
// arguments beside it (what machine formats carry).
import { word } from "./catalog.js";
import type { Message, MessageArgs } from "./message.js";

export interface WordedFields {
  message: string;
  messageId?: string;
  args?: MessageArgs;
  hint?: string;
  hintId?: string;
  hintArgs?: MessageArgs;
}

export function wordFinding(message: Message | string, hint: Message | string | undefined, locale: string): WordedFields {
  const out: WordedFields = typeof message === "string" ? { message } : { message: word(message, locale), messageId: message.id, args: message.args ?? {} };
  if (typeof hint === "string") out.hint = hint;
  else if (hint !== undefined) Object.assign(out, { hint: word(hint, locale), hintId: hint.id, hintArgs: hint.args ?? {} });
  return out;
}
