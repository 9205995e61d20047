import { compareDurations, parseDuration } from "../../domain/duration.js";
import { message } from "../../i18n/message.js";
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
      { path: ["connectAttempt", "timeToFirstAttempt"], text: protocol.timeToFirstAttempt, leadType: undefined },
      ...(sla.leadTypes ?? []).map((type, index) => ({
        path: ["leadTypes", index, "timeToFirstAttempt"],
        text: type.timeToFirstAttempt,
        leadType: type.id,
      })),
    ];
    for (const { path, text, leadType } of candidates) {
      const first = parseDuration(text);
      if (first && compareDurations(first, window) >= 0)
        report({
          path,
          message:
            leadType === undefined
              ? message("connect/timing.default", { first: first.text, window: window.text })
              : message("connect/timing.lead-type", { leadType, first: first.text, window: window.text }),
          hint: message("connect/timing.hint"),
        });
    }
  },
};
