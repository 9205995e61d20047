// A message is data: an id and its arguments, worded only when shown (as ESLint's messageId
// and data, publint's code and args). Machine formats carry both beside the wording.

/** An amount of money: worded as the number in the reader's locale and the currency code. */
export interface Money {
  amount: number;
  currency: string;
}

/**
 * A message may be an argument of another, worded in the same language: a phrase that varies
 * in length ("… ÷ 25% close rate = 240 proposals ÷ …") or a term kept once in the catalog
 * ("close rate"), so machine formats still see each figure as a number.
 */
export type MessageArg = string | number | readonly string[] | Money | Message;
export type MessageArgs = Readonly<Record<string, MessageArg>>;

export interface Message {
  id: string;
  args?: MessageArgs;
}

export const message = (id: string, args?: MessageArgs): Message => (args === undefined ? { id } : { id, args });
