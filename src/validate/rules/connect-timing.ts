import { compareDurations, parseDuration } from "../../domain/duration.js";
import type { Rule } from "../rule.js";

export const connectTiming: Rule = {
  id: "connect/timing",
  defaultSeverity: "error",
  description: "The first connect attempt (by default and per lead type) is due before the attempt window closes.",
  needs: ["connectAttempt", "leadTypes"],
  check({ sla, report }) {
    const protocol = sla.connectAttempt;
    const window = parseDuration(protocol?.window);
    if (!protocol || !window) return;
    const candidates = [
      { path: ["connectAttempt", "timeToFirstAttempt"], text: protocol.timeToFirstAttempt, who: "the default" },
      ...(sla.leadTypes ?? []).map((type, index) => ({
        path: ["leadTypes", index, "timeToFirstAttempt"],
        text: type.timeToFirstAttempt,
        who: `lead type \`${type.id}\``,
      })),
    ];
    for (const { path, text, who } of candidates) {
      const first = parseDuration(text);
      if (first && compareDurations(first, window) >= 0)
        report({
          path,
          message: `time to first attempt for ${who} (${first.text}) is not shorter than the whole attempt window (${window.text})`,
          hint: "the first attempt must leave time for the rest of the sequence; shorten it or lengthen `connectAttempt.window`",
        });
    }
  },
};
