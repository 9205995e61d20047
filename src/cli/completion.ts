// `sla completion bash|zsh|fish`: completion scripts generated from the commands and options
// defined with commander, so they cannot fall out of step with the CLI.
import type { Command, Option } from "commander";
import { UsageError } from "../errors.js";
import { message } from "../i18n/message.js";
import { localeOption } from "./locale.js";
import { wordHelp } from "./help.js";

const SHELLS = ["bash", "zsh", "fish"] as const;

// Words to offer where commander knows only that a value is expected: an option whose
// values are parsed rather than listed as choices, or a command's operand.
const optionWords = new WeakMap<Option, readonly string[]>();
const operandWords = new WeakMap<Command, readonly string[]>();

/** Offers `words` as values of `option`; returns the option, for chaining in addOption(). */
export function completeWith(option: Option, words: readonly string[]): Option {
  optionWords.set(option, words);
  return option;
}

export function registerCompletion(program: Command): void {
  const command = program
    .command("completion")
    .description("cli/help.completion")
    .argument("<shell>", SHELLS.join(", "))
    .addOption(localeOption())
    .action((shell: string) => {
      if (!(SHELLS as readonly string[]).includes(shell)) throw new UsageError(message("cli/completion.unsupported", { shell, shells: SHELLS.join(", ") }));
      process.stdout.write(completionScript(program, shell as (typeof SHELLS)[number]));
    });
  operandWords.set(command, SHELLS);
}

interface Spec {
  name: string;
  /** Offered instead of file names for the command's operands, when set. */
  operands: readonly string[] | undefined;
  options: { flags: string[]; choices: readonly string[]; takesValue: boolean; takesFile: boolean; description: string }[];
}

const HELP = { flags: ["--help", "-h"], choices: [], takesValue: false, takesFile: false, description: "cli/help.help" };

function specOf(program: Command): Spec[] {
  return program.commands.map((command) => ({
    name: command.name(),
    operands: operandWords.get(command),
    options: [
      ...[...command.options, ...program.options].map((o: Option) => ({
        flags: [o.long, o.short].filter((f): f is string => Boolean(f)),
        choices: o.argChoices ?? optionWords.get(o) ?? [],
        takesValue: o.required || o.optional,
        // `--output <file>`, `--template <dir>`: a path; `--locale <tag>`, `--max-warnings <n>`: not.
        takesFile: /<(file|dir|name)>/.test(o.flags),
        description: o.description,
      })),
      HELP,
    ],
  }));
}

export function completionScript(program: Command, shell: (typeof SHELLS)[number]): string {
  const specs = specOf(program);
  const names = specs.map((s) => s.name).join(" ");
  if (shell === "fish") {
    const lines = [`complete -c sla -f`, `complete -c sla -n __fish_use_subcommand -a '${names}'`];
    for (const spec of specs) {
      for (const o of spec.options) {
        const long = o.flags.find((f) => f.startsWith("--"))?.slice(2);
        const short = o.flags.find((f) => /^-[^-]$/.test(f))?.slice(1);
        const parts = [`complete -c sla -n '__fish_seen_subcommand_from ${spec.name}'`];
        if (long) parts.push(`-l ${long}`);
        if (short) parts.push(`-s ${short}`);
        if (o.choices.length) parts.push(`-xa '${o.choices.join(" ")}'`);
        else if (o.takesFile) parts.push("-r -F");
        else if (o.takesValue) parts.push("-x");
        parts.push(`-d '${wordHelp(o.description).replace(/'/g, "\\'")}'`);
        lines.push(parts.join(" "));
      }
      lines.push(
        spec.operands
          ? `complete -c sla -n '__fish_seen_subcommand_from ${spec.name}' -xa '${spec.operands.join(" ")}'`
          : `complete -c sla -n '__fish_seen_subcommand_from ${spec.name}' -F`,
      );
    }
    return lines.join("\n") + "\n";
  }
  const cases = specs
    .map((spec) => {
      const flags = spec.options.flatMap((o) => o.flags).join(" ");
      const values = spec.options
        .filter((o) => o.takesValue && !o.takesFile)
        .map((o) => `        ${o.flags.join("|")}) COMPREPLY=($(compgen -W "${o.choices.join(" ")}" -- "$cur")); return ;;`)
        .join("\n");
      const operands = spec.operands ? `compgen -W "${spec.operands.join(" ")}" -- "$cur"` : `compgen -f -- "$cur"`;
      return `    ${spec.name})\n      case "$prev" in\n${values}\n      esac\n      if [[ "$cur" == -* ]]; then COMPREPLY=($(compgen -W "${flags}" -- "$cur")); else COMPREPLY=($(${operands})); fi ;;`;
    })
    .join("\n");
  const bash = `# sla completion for ${shell}
_sla() {
  local cur prev command
  cur="\${COMP_WORDS[COMP_CWORD]}"
  prev="\${COMP_WORDS[COMP_CWORD-1]}"
  command="\${COMP_WORDS[1]}"
  if [[ $COMP_CWORD -eq 1 ]]; then
    COMPREPLY=($(compgen -W "${names} --help --version" -- "$cur"))
    return
  fi
  case "$command" in
${cases}
  esac
}
complete -o filenames -F _sla sla
`;
  return shell === "zsh" ? `autoload -U +X bashcompinit && bashcompinit\n${bash}` : bash;
}
