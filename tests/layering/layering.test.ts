// The layering rule must really fail a wrong import in src-shared (not just exist in the config).
import { describe, expect, it } from 'vitest';
import { ESLint } from 'eslint';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { readFileSync } from 'node:fs';

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

describe('inner layering: the order of folders, and no import cycles', () => {
  it.each([
    ["import { scoreSelfEval } from '../selfeval';\nexport const x = scoreSelfEval;", 'src-shared/model/probe.ts', 'src-shared/model must not import src-shared/selfeval'],
    ["import { validateDocument } from '../validate';\nexport const x = validateDocument;", 'src-shared/selfeval/probe.ts', 'src-shared/selfeval must not import src-shared/validate'],
    ["import { exportXlsx } from '../export';\nexport const x = exportXlsx;", 'src-shared/validate/probe.ts', 'src-shared/validate must not import src-shared/export'],
    ["import { findAll } from '../find';\nexport const x = findAll;", 'src-shared/commands/probe.ts', 'src-shared/commands must not import src-shared/find'],
    ["import { ProjectsView } from '../views/ProjectsView';\nexport const x = ProjectsView;", 'src-renderer/app/probe.ts', 'src-renderer/app must not import src-renderer/views'],
    ["import { DutyGrid } from '../grid/DutyGrid';\nexport const x = DutyGrid;", 'src-renderer/dialogs/probe.ts', 'src-renderer/dialogs must not import src-renderer/grid'],
  ])('rejects %s in %s', async (code, file, message) => {
    const [result] = await eslint.lintText(code, { filePath: join(root, file) });
    const errors = result.messages.filter((m) => m.ruleId === 'layers/order');
    expect(errors.map((m) => m.message).join('\n')).toContain(message);
  });

  it('allows a folder to import its own rank or lower (validate → selfeval, views → grid, app ↔ dialogs)', async () => {
    for (const [code, file] of [
      ["import { scoreSelfEval } from '../selfeval';\nexport const x = scoreSelfEval;", 'src-shared/validate/probe.ts'],
      ["import { DutyGrid } from '../grid/DutyGrid';\nexport const x = DutyGrid;", 'src-renderer/views/probe.ts'],
      ["import { confirmDialog } from '../dialogs/modal';\nexport const x = confirmDialog;", 'src-renderer/app/probe.ts'],
    ]) expect(await errorsFor(code, file), file).toEqual([]);
  });

  it('rejects an import that closes a cycle, runtime or type-only, and names the chain', async () => {
    // registry.ts is imported by group.ts: importing group back from registry closes a cycle.
    const registry = readFileSync(join(root, 'src-shared/validate/registry.ts'), 'utf8');
    for (const extra of ["import { groupFindings } from './group';\nexport const g = groupFindings;\n", "import type { Finding as F2 } from './group';\nexport type G = F2;\n"]) {
      const [result] = await eslint.lintText(`${extra}${registry}`, { filePath: join(root, 'src-shared/validate/registry.ts') });
      const cycle = result.messages.filter((m) => m.ruleId === 'layers/no-cycle');
      expect(cycle).toHaveLength(1);
      expect(cycle[0].message).toContain('src-shared/validate/registry.ts → src-shared/validate/group.ts → src-shared/validate/registry.ts');
    }
    // The file as it is: no cycle.
    const [clean] = await eslint.lintText(registry, { filePath: join(root, 'src-shared/validate/registry.ts') });
    expect(clean.messages.filter((m) => m.ruleId === 'layers/no-cycle')).toEqual([]);
  });

  it('the order written in the README is the one the lint rule enforces', async () => {
    const config = join(root, 'eslint.config.js');
    const { SHARED_ORDER, RENDERER_ORDER } = (await import(config)) as { SHARED_ORDER: string[]; RENDERER_ORDER: (string | string[])[] };
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    expect(readme).toContain(SHARED_ORDER.join(' → '));
    expect(readme).toContain(RENDERER_ORDER.map((l) => [l].flat().join('/')).join(' → '));
  });
});
