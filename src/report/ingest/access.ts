// Opening an export by the rules sla reads every user file by (src/load/bounded-read.ts): a
// regular file only, as a pipe or a device would block the engine or never end, and for a
// path written in the SLA file (which a pull request can change) nothing a link leads to
// outside the repository, nor its .git folder. The file is not read here: the engine reads it, at any size.
import { constants, closeSync, fstatSync, openSync, realpathSync } from "node:fs";
import { relative, sep } from "node:path";
import { SourceError } from "../../errors.js";
import { describeIoError, isInside } from "../../load/bounded-read.js";
import { message } from "../../i18n/message.js";

/** The real path of the export `file` (shown as `shown`), checked; SourceError says why not. */
export function checkExport(file: string, shown: string, within: string | undefined): string {
  let real: string;
  try {
    real = realpathSync.native(file);
  } catch (error) {
    throw new SourceError(shown, describeIoError(error));
  }
  if (within !== undefined && !isInside(real, within)) throw new SourceError(shown, message("source/link-outside"));
  // Inside the repository, its .git folder too is out of bounds: a checkout may keep the token
  // it fetched with in .git/config, which the report would show line by line as bad records.
  if (
    within !== undefined &&
    relative(within, real)
      .split(sep)
      .some((part) => part.toLowerCase() === ".git")
  )
    throw new SourceError(shown, message("source/in-git-folder"));
  let fd: number;
  try {
    fd = openSync(real, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENXIO") throw new SourceError(shown, message("source/not-regular"));
    throw new SourceError(shown, describeIoError(error));
  }
  try {
    const stat = fstatSync(fd);
    if (stat.isDirectory()) throw new SourceError(shown, describeIoError({ code: "EISDIR" }));
    if (!stat.isFile()) throw new SourceError(shown, message("source/not-regular"));
  } finally {
    closeSync(fd);
  }
  return real;
}
