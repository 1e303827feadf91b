// THE KILL TEST: a child process saves two different documents alternately to one file; we kill it
// with SIGKILL at random moments, 200 times. After every kill the file (and its .bak) must load as
// exactly the old or the new version — never truncated, never half-written.
import { describe, expect, it, beforeAll } from 'vitest';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, readdirSync, rmSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { build } from 'esbuild';
import { loadDocumentText, serializeDocument } from '../../src-shared/model/load';
import { makeSyntheticDocument } from '../bench/synthetic';

const KILLS = 200;
const dir = mkdtempSync(join(tmpdir(), 'jixiao-kill-'));
const bundle = join(dir, 'kill-child.mjs');
const target = join(dir, '绩效目标表.jixiao');

// Two documents of different sizes, so a truncated or mixed file cannot pass for either.
const docA = makeSyntheticDocument({ duties: 12, activities: 6, indicators: 4, projects: 60, projectIndicators: 10 });
const docB = makeSyntheticDocument({ duties: 9, activities: 5, indicators: 5, projects: 45, projectIndicators: 12 });
docB.meta.deptName = '另一个部门';
const textA = serializeDocument(docA);
const textB = serializeDocument(docB);

beforeAll(async () => {
  // A bundled plain-JS child starts in ~0.1 s (tsx would take ~0.5 s), which keeps 200 kills fast.
  await build({ entryPoints: [join(import.meta.dirname, 'kill-child.ts')], bundle: true, platform: 'node', format: 'esm', outfile: bundle, logLevel: 'error' });
  writeFileSync(join(dir, 'a.json'), JSON.stringify(docA));
  writeFileSync(join(dir, 'b.json'), JSON.stringify(docB));
});

function runAndKill(delayMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const cp = spawn(process.execPath, [bundle, target, join(dir, 'a.json'), join(dir, 'b.json')], { stdio: ['ignore', 'pipe', 'inherit'] });
    let timer: NodeJS.Timeout | undefined;
    cp.stdout.once('data', () => { timer = setTimeout(() => cp.kill('SIGKILL'), delayMs); });
    cp.on('error', reject);
    cp.on('exit', (code, signal) => {
      clearTimeout(timer);
      if (signal === 'SIGKILL') resolve();
      else reject(new Error(`child exited by itself (code ${code})`));
    });
  });
}

function whichVersion(path: string): 'A' | 'B' {
  const text = readFileSync(path, 'utf8');
  const r = loadDocumentText(text);
  if (!r.ok) throw new Error(`${path} does not load after a kill: ${r.code} ${r.message}`);
  if (text === textA) return 'A';
  if (text === textB) return 'B';
  throw new Error(`${path} is neither version (length ${text.length})`);
}

describe('atomic save under SIGKILL', () => {
  it(`the file is always the old or the new version, ${KILLS} random kills`, async () => {
    writeFileSync(target, textA);
    const seen = { A: 0, B: 0 };
    let interruptedSaves = 0;
    for (let i = 0; i < KILLS; i++) {
      await runAndKill(Math.random() * 40);
      seen[whichVersion(target)]++;
      if (existsSync(`${target}.bak`)) whichVersion(`${target}.bak`);
      // A temp file left behind means the kill landed in the middle of a save.
      for (const f of readdirSync(dir)) {
        if (f.endsWith('.tmp')) { interruptedSaves++; rmSync(join(dir, f)); }
      }
    }
    console.log(`kills: ${KILLS}, file was A ${seen.A}× / B ${seen.B}×, kills mid-save: ${interruptedSaves}`);
    // The child really was saving both versions between kills.
    expect(seen.A).toBeGreaterThan(0);
    expect(seen.B).toBeGreaterThan(0);
    // …and some kills landed in the middle of a save (otherwise this test proves nothing).
    expect(interruptedSaves).toBeGreaterThan(0);
  }, 300_000); // ~40 s on an idle 2-core machine; generous for a loaded CI run
});
