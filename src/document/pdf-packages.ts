// The packages only a PDF needs: pdfkit and fontkit draw it, Noto Sans and Noto Sans JP are
// its fonts. package.json lists them as optionalDependencies, being most of an install, so
// that `npm install --omit=optional` (a CI job that only validates) leaves them out; a test
// holds that list and this one together. They are looked for before a PDF is started, so a
// missing one is named in one line instead of failing deep in pdfkit.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { MissingPackageError } from "../errors.js";
import { message } from "../i18n/message.js";

export const PDF_PACKAGES = ["@expo-google-fonts/noto-sans", "@expo-google-fonts/noto-sans-jp", "fontkit", "pdfkit"] as const;
/** Also optional, needed only by a PDF that holds a chart (a report's): it draws the SVG. */
export const CHART_PACKAGES = ["svg-to-pdfkit"] as const;

/** The PDF packages Node cannot find from where the renderer runs. */
export function missingPdfPackages(extra: readonly string[] = []): string[] {
  const require = createRequire(import.meta.url);
  return [...PDF_PACKAGES, ...extra].filter((name) => {
    try {
      require.resolve(name);
      return false;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "MODULE_NOT_FOUND") return true;
      throw error;
    }
  });
}

/**
 * Throws MissingPackageError, naming the packages and how to install them, when any is
 * missing; `extra`: what this document needs beyond them (svg-to-pdfkit for a chart).
 */
export function requirePdfPackages(extra: readonly string[] = []): void {
  const missing = missingPdfPackages(extra);
  if (!missing.length) return;
  const ranges = optionalRanges();
  // Quoted with the range from package.json: a bare name would install the newest version,
  // which for pdfkit (0.x) may not be one sla works with; quotes keep ^ from the shell.
  const specs = missing.map((name) => (ranges[name] ? `"${name}@${ranges[name]}"` : name)).join(" ");
  throw new MissingPackageError(missing, message("cli/pdf.missing-packages", { count: missing.length, packages: missing.join(", "), specs }));
}

function optionalRanges(): Record<string, string> {
  try {
    // ../../package.json from dist/document/ and dist/bin/ alike.
    const pkg = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { optionalDependencies?: Record<string, string> };
    return pkg.optionalDependencies ?? {};
  } catch {
    return {};
  }
}
