import { compareDurations, parseDuration } from "../../domain/duration.js";
import { message } from "../../i18n/message.js";
import type { Rule } from "../rule.js";

export const connectSequence: Rule = {
  id: "connect/sequence",
  defaultSeverity: "error",
  description:
    "A connect-attempt `sequence` has as many steps as `attempts`, uses only listed channels, starts no later than `timeToFirstAttempt`, and runs in time order inside the window.",
  needs: ["connectAttempt"],
  check({ sla, report }) {
    const protocol = sla.connectAttempt;
    const sequence = protocol?.sequence;
    if (!protocol || !sequence) return;
    if (sequence.length !== protocol.attempts)
      report({
        path: ["connectAttempt", "sequence"],
        at: "key",
        message: message("connect/sequence.count", { planned: sequence.length, attempts: protocol.attempts }),
        hint: message("connect/sequence.count.hint"),
      });
    const window = parseDuration(protocol.window);
    const firstDue = parseDuration(protocol.timeToFirstAttempt);
    let previous: ReturnType<typeof parseDuration>;
    sequence.forEach((step, index) => {
      if (!protocol.channels.includes(step.channel))
        report({
          path: ["connectAttempt", "sequence", index, "channel"],
          message: message("connect/sequence.channel", { attempt: index + 1, channel: step.channel }),
          hint: message("connect/sequence.channel.hint", { channel: step.channel, channels: protocol.channels }),
        });
      const after = parseDuration(step.after);
      if (!after) return;
      if (index === 0 && firstDue && compareDurations(after, firstDue) > 0)
        report({
          path: ["connectAttempt", "sequence", 0, "after"],
          message: message("connect/sequence.first-late", { after: after.text, due: firstDue.text }),
          hint: message("connect/sequence.first-late.hint"),
        });
      if (window && compareDurations(after, window) > 0)
        report({
          path: ["connectAttempt", "sequence", index, "after"],
          message: message("connect/sequence.outside-window", { attempt: index + 1, after: after.text, window: window.text }),
        });
      if (previous && compareDurations(after, previous) < 0)
        report({
          path: ["connectAttempt", "sequence", index, "after"],
          message: message("connect/sequence.out-of-order", { attempt: index + 1, after: after.text, previousAttempt: index, previous: previous.text }),
          hint: message("connect/sequence.out-of-order.hint"),
        });
      previous = after;
    });
  },
};
