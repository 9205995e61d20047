// Fonts for the PDF: no single font covers our users' scripts (Noto Sans has no Japanese,
// Noto Sans JP no Turkish İ ı ş ğ), so text is split into runs by which font has each glyph.
// Both fonts ship as npm packages; only the faces a document uses are read.
import { create, type Font } from "fontkit";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);

export type Weight = "regular" | "bold";

interface FaceSource {
  /** Name under which pdfkit knows the face. */
  name: string;
  file: string;
}

/** In fallback order: the Latin font first (it has Turkish and German), then Japanese. */
const FAMILIES: Record<Weight, FaceSource[]> = {
  regular: [
    { name: "NotoSans", file: "@expo-google-fonts/noto-sans/400Regular/NotoSans_400Regular.ttf" },
    { name: "NotoSansJP", file: "@expo-google-fonts/noto-sans-jp/400Regular/NotoSansJP_400Regular.ttf" },
  ],
  bold: [
    { name: "NotoSans-Bold", file: "@expo-google-fonts/noto-sans/700Bold/NotoSans_700Bold.ttf" },
    { name: "NotoSansJP-Bold", file: "@expo-google-fonts/noto-sans-jp/700Bold/NotoSansJP_700Bold.ttf" },
  ],
};

export interface Run {
  font: string;
  text: string;
}

interface LoadedFace {
  name: string;
  data: Buffer;
  font: Font;
}

export class FontSet {
  private readonly loaded = new Map<string, LoadedFace>();
  /** Faces to register with the PDF document as they are first needed. */
  readonly onLoad: ((name: string, data: Buffer) => void)[] = [];

  private face(source: FaceSource): LoadedFace {
    let face = this.loaded.get(source.name);
    if (!face) {
      const data = readFileSync(require.resolve(source.file));
      face = { name: source.name, data, font: create(data) };
      this.loaded.set(source.name, face);
      for (const listener of this.onLoad) listener(source.name, data);
    }
    return face;
  }

  /** Characters that no font has: the PDF cannot show them. */
  readonly missing = new Set<string>();

  /** The text split into runs, each character in the first font of the family that has it. */
  runs(text: string, weight: Weight = "regular"): Run[] {
    const family = FAMILIES[weight];
    const runs: Run[] = [];
    let current: LoadedFace | undefined;
    for (const char of text) {
      const code = char.codePointAt(0)!;
      let face: LoadedFace;
      if (current && /\s/.test(char)) {
        // Spaces stay in the run they are in, so words keep their spacing.
        face = current;
      } else {
        // Always the first font that has the glyph: Latin text after a Japanese-only sign
        // ("→") goes back to the Latin font instead of staying in the Japanese one.
        const source = family.find((s) => this.face(s).font.hasGlyphForCodePoint(code));
        if (!source && !/\p{Cc}/u.test(char)) this.missing.add(char);
        face = this.face(source ?? family[0]!);
      }
      if (face === current) runs[runs.length - 1]!.text += char;
      else {
        runs.push({ font: face.name, text: char });
        current = face;
      }
    }
    return runs.length ? runs : [{ font: this.face(family[0]!).name, text: "" }];
  }
}
