// The files a template directory holds for `sla render`, apart from the renderer so that the
// command line can name them without loading Handlebars.
import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";

/** The one template of the agreement: its Markdown is read into blocks that every format writes. */
export const MAIN_TEMPLATE = "document.md.hbs";

/**
 * Once the HTML's own template; it is refused rather than ignored, so a team that changed the
 * HTML layout learns that the change now goes in document.md.hbs (and reaches the PDF too).
 */
export const RETIRED_TEMPLATE = "document.html.hbs";

export function partialsIn(dir: string): string[] {
  const partials = join(dir, "partials");
  return existsSync(partials)
    ? readdirSync(partials)
        .filter((f) => f.endsWith(".hbs"))
        .map((f) => join(partials, f))
    : [];
}

/** What rendering reads from a team's template directory: its main template and its partials. */
export function templateFilesIn(dir: string): string[] {
  return [join(dir, MAIN_TEMPLATE), ...partialsIn(dir)];
}
