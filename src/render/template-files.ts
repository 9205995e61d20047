// The files a template directory holds for `sla render`, apart from the renderer so that the
// command line can name them without loading Handlebars.
import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";

export type TemplateFormat = "md" | "html";

export const MAIN_TEMPLATE: Record<TemplateFormat, string> = { md: "document.md.hbs", html: "document.html.hbs" };

export function partialsIn(dir: string): string[] {
  const partials = join(dir, "partials");
  return existsSync(partials)
    ? readdirSync(partials)
        .filter((f) => f.endsWith(".hbs"))
        .map((f) => join(partials, f))
    : [];
}

/** What rendering `format` reads from a team's template directory: its main template and its partials. */
export function templateFilesIn(dir: string, format: TemplateFormat): string[] {
  return [join(dir, MAIN_TEMPLATE[format]), ...partialsIn(dir)];
}
