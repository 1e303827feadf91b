// The layering rule must really fail a wrong import in src-shared (not just exist in the config).
import { describe, expect, it } from 'vitest';
import { ESLint } from 'eslint';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

const root = join(fileURLToPath(import.meta.url), '../../..');
const eslint = new ESLint({ cwd: root });

async function errorsFor(code: string, file: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: join(root, file) });
  return result.messages.filter((m) => m.severity === 2).map((m) => m.ruleId ?? m.message);
}

describe('src-shared layering rule', () => {
  it.each([
    ["import { readFileSync } from 'node:fs';\nexport const x = readFileSync;", 'node built-in'],
    ["import fs from 'fs';\nexport const x = fs;", 'bare node built-in'],
    ["import { app } from 'electron';\nexport const x = app;", 'electron'],
    ["import { api } from '../../src-main/host-api';\nexport const x = api;", 'src-main'],
    ["import { App } from '../../src-renderer/App';\nexport const x = App;", 'src-renderer'],
    ["export const w = window.innerWidth;", 'DOM global'],
  ])('rejects %s (%s)', async (code) => {
    expect(await errorsFor(code, 'src-shared/model/probe.ts')).toEqual(expect.arrayContaining([expect.stringMatching(/no-restricted-(imports|globals)/)]));
  });

  it('allows its own modules and npm libraries', async () => {
    expect(await errorsFor("import { z } from 'zod';\nimport { newId } from './ids';\nexport const x = [z, newId];", 'src-shared/model/probe.ts')).toEqual([]);
  });

  it('does not restrict src-main', async () => {
    expect(await errorsFor("import { readFileSync } from 'node:fs';\nexport const x = readFileSync;", 'src-main/services/probe.ts')).toEqual([]);
  });
});
