/**
 * Colour only for people: on a TTY, unless NO_COLOR is set (any non-empty value, per
 * no-color.org); FORCE_COLOR or `--color` turn it on, `--no-color` off.
 */
export function useColor(stream: NodeJS.WriteStream, flag: boolean | undefined, env = process.env): boolean {
  if (flag !== undefined) return flag;
  if (env.NO_COLOR) return false;
  if (env.FORCE_COLOR !== undefined) return env.FORCE_COLOR !== "0" && env.FORCE_COLOR !== "false";
  return Boolean(stream.isTTY) && env.TERM !== "dumb";
}
