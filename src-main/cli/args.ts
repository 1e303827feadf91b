// Thin wrapper over node:util parseArgs that turns its English errors into Chinese usage errors.
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { CliUsageError } from './command';

type Options = NonNullable<ParseArgsConfig['options']>;

export function parseCliArgs<O extends Options>(argv: string[], options: O) {
  try {
    return parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  } catch (e) {
    const code = (e as { code?: string }).code;
    const opt = /'(-{1,2}[^' ]+)/.exec((e as Error).message)?.[1] ?? '';
    if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') throw new CliUsageError(`不认识的选项：${opt}`);
    if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') throw new CliUsageError(`选项 ${opt} 的值不正确（需要一个值，或不应带值）。`);
    throw new CliUsageError(`参数不正确：${(e as Error).message}`);
  }
}
