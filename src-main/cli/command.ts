// What a `jixiao` sub-command is. Each command lives in src-main/cli/<name>.ts and is registered
// with one line in src-main/cli/commands.ts. `run` returns the exit code and never calls process.exit.
export type Print = (line: string) => void;

/** A command's code: what src-main/cli/<name>.ts exports, loaded only when the command runs. */
export interface CliCommand {
  /** Full help text of `jixiao <name> --help` (starts with 用法：). */
  usage: string;
  run(argv: string[], out?: Print, err?: Print): Promise<number>;
}

/** A line of the command table: what `jixiao --help` shows without loading any command. */
export interface CommandEntry {
  name: string;
  /** One line for the overview of `jixiao --help`. */
  summary: string;
  load(): Promise<CliCommand>;
}

/** Wrong arguments: the command prints the message and its usage, exit code 2. */
export class CliUsageError extends Error {}
