// The command table of `jixiao`. To add a command: write src-main/cli/<name>.ts exporting a
// CliCommand and add ONE line below. `jixiao --help` lists the commands in this order.
import type { CliCommand } from './command';
import { validateCommand } from './validate';
import { newCommand } from './new';
import { exportCommand } from './export';
import { importCommand } from './import';
import { libraryCommand } from './library';
import { auditCommand } from './audit';
import { selfevalCommand } from './selfeval';
import { rolloverCommand } from './rollover';
import { diffCommand } from './diff';
import { replaceCommand } from './replace';
import { bandsCommand } from './bands';
import { templatesCommand } from './templates';
import { convertCommand } from './convert';

export const COMMANDS: CliCommand[] = [
  newCommand,
  templatesCommand,
  convertCommand,
  validateCommand,
  exportCommand,
  importCommand,
  libraryCommand,
  auditCommand,
  selfevalCommand,
  rolloverCommand,
  diffCommand,
  replaceCommand,
  bandsCommand,
];
