import { compareDurations, parseDuration } from "../../domain/duration.js";
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
        message: `the sequence plans ${sequence.length} attempt${sequence.length === 1 ? "" : "s"} but \`attempts\` is ${protocol.attempts}`,
        hint: "make the two agree: the sequence is the attempts, in order",
      });
    const window = parseDuration(protocol.window);
    const firstDue = parseDuration(protocol.timeToFirstAttempt);
    let previous: ReturnType<typeof parseDuration>;
    sequence.forEach((step, index) => {
      if (!protocol.channels.includes(step.channel))
        report({
          path: ["connectAttempt", "sequence", index, "channel"],
          message: `attempt ${index + 1} uses channel \`${step.channel}\`, which is not in \`connectAttempt.channels\``,
          hint: `add \`${step.channel}\` to the channels or use one of: ${protocol.channels.join(", ")}`,
        });
      const after = parseDuration(step.after);
      if (!after) return;
      if (index === 0 && firstDue && compareDurations(after, firstDue) > 0)
        report({
          path: ["connectAttempt", "sequence", 0, "after"],
          message: `attempt 1 is planned after ${after.text}, later than the time to first attempt (${firstDue.text})`,
          hint: "plan the first attempt within `connectAttempt.timeToFirstAttempt`, or change the promise",
        });
      if (window && compareDurations(after, window) > 0)
        report({
          path: ["connectAttempt", "sequence", index, "after"],
          message: `attempt ${index + 1} is planned after ${after.text}, outside the ${window.text} window`,
        });
      if (previous && compareDurations(after, previous) < 0)
        report({
          path: ["connectAttempt", "sequence", index, "after"],
          message: `attempt ${index + 1} (after ${after.text}) is planned before attempt ${index} (after ${previous.text})`,
          hint: "list the attempts in the order they are made",
        });
      previous = after;
    });
  },
};
