// A js-yaml schema that reads plain scalars exactly as `yaml`'s YAML 1.2 core schema does, so
// that the fast reader and `yaml` give the same data (js-yaml's own core schema differs at the
// edges: `-.5`, `+0x1F`, `0b101`). The patterns are those of `yaml`'s core tags.
import { FAILSAFE_SCHEMA, Type } from "js-yaml";

const NULL = /^(?:~|[Nn]ull|NULL)?$/;
const BOOL = /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/;
const INT = /^[-+]?[0-9]+$/;
const OCT = /^0o[0-7]+$/;
const HEX = /^0x[0-9a-fA-F]+$/;
const FLOAT = /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/;
const FLOAT_EXP = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/;
const SPECIAL = /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/;

const scalar = (tag: string, test: (s: string) => boolean, construct: (s: string) => unknown) =>
  new Type(`tag:yaml.org,2002:${tag}`, { kind: "scalar", resolve: (s: string | null) => test(s ?? ""), construct: (s: string | null) => construct(s ?? "") });

// Most plain scalars in an SLA are words; their first character rules out every pattern
// without running one (the patterns ran up to eight times per scalar).
const MAYBE_NULL = "~nN";
const MAYBE_BOOL = "tTfF";
const MAYBE_NUMBER = "-+.0123456789";
const startsLike = (s: string, firsts: string) => s.length > 0 && firsts.includes(s[0]!);

export const CORE = FAILSAFE_SCHEMA.extend({
  implicit: [
    scalar("null", (s) => (s === "" || startsLike(s, MAYBE_NULL)) && NULL.test(s), () => null),
    scalar("bool", (s) => startsLike(s, MAYBE_BOOL) && BOOL.test(s), (s) => s[0] === "t" || s[0] === "T"),
    scalar("int", (s) => startsLike(s, MAYBE_NUMBER) && (INT.test(s) || OCT.test(s) || HEX.test(s)), (s) => (OCT.test(s) ? parseInt(s.slice(2), 8) : HEX.test(s) ? parseInt(s.slice(2), 16) : parseInt(s, 10))),
    scalar("float", (s) => startsLike(s, MAYBE_NUMBER) && (FLOAT.test(s) || FLOAT_EXP.test(s) || SPECIAL.test(s)), (s) =>
      SPECIAL.test(s) ? (s.includes("nan") || s.includes("NaN") || s.includes("NAN") ? NaN : s[0] === "-" ? -Infinity : Infinity) : parseFloat(s),
    ),
  ],
});
