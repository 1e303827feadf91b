// The command table (src-shared/keymap) is the only place a key or a shortcut label is written:
// its helpers, and a scan of the renderer's and the Electron shell's sources for any other.
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { acceleratorOf, APP_COMMANDS, isEnabled, keyLabel, rendererBindings, shortcutOf, tooltipOf } from '../../src-shared/keymap';

const root = join(import.meta.dirname, '..', '..');

describe('command table helpers', () => {
  it('labels, tooltips and accelerators per platform', () => {
    expect(shortcutOf('save')).toBe('Ctrl+S');
    expect(shortcutOf('save', 'mac')).toBe('⌘S');
    expect(shortcutOf('redo')).toBe('Ctrl+Y');
    expect(shortcutOf('redo', 'mac')).toBe('⌘⇧Z');
    expect(shortcutOf('move-up')).toBe('Alt+↑');
    expect(shortcutOf('export-xlsx')).toBe('');
    expect(tooltipOf('new')).toBe('新建 (Ctrl+N)');
    expect(tooltipOf('findings', '关闭')).toBe('关闭 (F8)');
    expect(tooltipOf('export-pdf')).toBe('导出 PDF');
    expect(acceleratorOf('save-as')).toBe('CmdOrCtrl+Shift+S');
    expect(acceleratorOf('redo', 'mac')).toBe('CmdOrCtrl+Shift+Z');
    expect(acceleratorOf('move-down')).toBe('Alt+Down');
    expect(keyLabel('Ctrl+Enter')).toBe('Ctrl+Enter');
  });

  it('enabled-when: a document, something to undo or redo', () => {
    const none = { hasDocument: false, canUndo: false, canRedo: false };
    const doc = { hasDocument: true, canUndo: false, canRedo: true };
    expect(isEnabled('new', none)).toBe(true);
    expect(isEnabled('save', none)).toBe(false);
    expect(isEnabled('save', doc)).toBe(true);
    expect(isEnabled('undo', doc)).toBe(false);
    expect(isEnabled('redo', doc)).toBe(true);
  });

  it('decisions as Excel/WPS users expect: Ctrl+N 新建, Ctrl+P 打印, F8 审核结果', () => {
    const byKey = new Map(APP_COMMANDS.flatMap((c) => (c.keys ?? []).map((k) => [k, c.id] as const)));
    expect(byKey.get('Ctrl+N')).toBe('new');
    expect(byKey.get('Ctrl+P')).toBe('print');
    expect(byKey.get('F8')).toBe('findings');
    expect(APP_COMMANDS.find((c) => c.id === 'print-preview')!.keys).toBeUndefined();
    // In the desktop app Ctrl+N is the menu's (a new window); the renderer binds it in the browser only.
    expect(rendererBindings('global', 'electron').some((b) => b.key === 'Ctrl+N')).toBe(false);
    expect(rendererBindings('global', 'web').find((b) => b.key === 'Ctrl+N')?.id).toBe('new');
  });
});

function walk(dir: string, out: string[] = []): string[] {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const abs = join(dir, e.name);
    if (e.isDirectory()) walk(abs, out); else if (/\.(ts|tsx)$/.test(e.name) && !/\.test\.tsx?$/.test(e.name)) out.push(abs);
  }
  return out;
}

/** String and template literal texts of a source file, and JSX text (comments are not tokens). */
function literals(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const src = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, file.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const out: string[] = [];
  const visit = (n: ts.Node) => {
    if (ts.isStringLiteralLike(n) || ts.isTemplateHead(n) || ts.isTemplateMiddle(n) || ts.isTemplateTail(n) || ts.isJsxText(n)) out.push(n.text);
    n.forEachChild(visit);
  };
  visit(src);
  return out;
}

describe('no shortcut is written anywhere but the table', () => {
  // A key as a person reads it: Ctrl+… / Alt+… / Cmd… / ⌘ / F1–F12 as a word.
  const SHORTCUT = /\b(?:Ctrl|Alt|CmdOrCtrl|Cmd)\+|⌘|\bF(?:[1-9]|1[0-2])\b/;
  // The table, its helpers and the renderer's key plumbing; cell-level keys live in src-shared/grid/cellKeys.ts.
  const OWNERS = ['src-shared/keymap/table.ts', 'src-shared/keymap/index.ts', 'src-renderer/app/keys.ts'];

  it('the renderer and the Electron shell name no key in a label, tooltip or message of their own', () => {
    const files = [...walk(join(root, 'src-renderer')), ...walk(join(root, 'src-main', 'electron'))];
    expect(files.length).toBeGreaterThan(20);
    const offenders: string[] = [];
    for (const f of files) {
      const rel = relative(root, f).split('\\').join('/');
      if (OWNERS.includes(rel)) continue;
      for (const s of literals(f)) if (SHORTCUT.test(s)) offenders.push(`${rel}: ${JSON.stringify(s)}`);
    }
    expect(offenders).toEqual([]);
  });

  it('the scan is real: it sees a hard-coded shortcut in a title and a context-menu item', () => {
    const probe = (code: string) => {
      const src = ts.createSourceFile('p.tsx', code, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
      const out: string[] = [];
      const visit = (n: ts.Node) => { if (ts.isStringLiteralLike(n) || ts.isJsxText(n)) out.push(n.text); n.forEachChild(visit); };
      visit(src);
      return out.some((s) => SHORTCUT.test(s));
    };
    expect(probe('const a = <button title="打印预览 (Ctrl+P)">x</button>;')).toBe(true);
    expect(probe("const m = [{ label: '删除行', shortcut: 'Ctrl+Delete' }];")).toBe(true);
    expect(probe('const h = <span>按 F8 打开</span>;')).toBe(true);
    expect(probe("// Ctrl+Enter: a sibling below\nconst x = 1;")).toBe(false);
  });
});
