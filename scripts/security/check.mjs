#!/usr/bin/env node
// `npm run check:security`, on what ships — the built main process (dist-main/electron/main.js),
// preload (dist-main/preload.cjs) and renderer (dist/renderer). Build first (build:web, build:electron).
//  1. @doyensec/electronegativity (static): fails on any finding above INFORMATIONAL, or a file it
//     cannot parse.
//  2. The built main bundle run against a recording stand-in for `electron` (inspect-main.mjs):
//     fails unless every BrowserWindow is isolated, sandboxed and without Node, every IPC handler
//     refuses foreign frames and malformed payloads, and navigation and window.open are refused.
//     Electronegativity reads options only where `new BrowserWindow({...})` has them literally (ours
//     come from windowOptions()), and rates nodeIntegration on a sandboxed window as informational:
//     this part sees the options the app really passes.
//
// No network: the check that asks the internet for newer Electron releases
// (AvailableSecurityFixesGlobalCheck) is excluded, and the tool's start-up download of updated
// translations is replaced by its bundled English messages.
//
// Usage: node scripts/security/check.mjs [--root DIR] [--json]   (DIR: a tree with the same layout)
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

export const EXCLUDED_CHECKS = ['AvailableSecurityFixesGlobalCheck'];
export const SHIPPED = ['dist-main/electron/main.js', 'dist-main/preload.cjs', 'dist/renderer'];

const here = dirname(fileURLToPath(import.meta.url)); // scripts/security
const require = createRequire(import.meta.url);

/** Replace the tool's i18n loader (which fetches translations over HTTP) with its local messages. */
function offlineMessages() {
  const pkgDir = dirname(require.resolve('@doyensec/electronegativity/package.json'));
  const loader = join(pkgDir, 'dist', 'locales', 'i18n.js');
  const i18n = createRequire(loader)('i18n');
  const localSetup = async () => {
    i18n.configure({ locales: ['en-US'], defaultLocale: 'en-US', directory: dirname(loader), updateFiles: false, objectNotation: true, retryInDefaultLocale: true, register: global });
    i18n.setLocale('en-US');
  };
  localSetup.default = localSetup;
  require.cache[loader] = { id: loader, filename: loader, loaded: true, exports: localSetup };
  return join(pkgDir, 'dist', 'runner.js');
}

/** Copy the shipped files into a scratch app folder (package.json names the Electron version). */
function stage(root) {
  const dir = mkdtempSync(join(tmpdir(), 'jixiao-security-'));
  for (const p of SHIPPED) {
    if (!existsSync(join(root, p))) throw new Error(`缺少构建产物 ${p}：请先运行 npm run build:web 和 npm run build:electron。`);
    cpSync(join(root, p), join(dir, p), { recursive: true });
  }
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: pkg.name, version: pkg.version, main: pkg.main, devDependencies: { electron: pkg.devDependencies.electron } }));
  return dir;
}

/**
 * Findings of electronegativity on the shipped files, and the files it could not parse (a file it
 * cannot read is a file it did not check: that fails the check too).
 */
export async function checkSecurity(root) {
  const dir = stage(root);
  try {
    const run = require(offlineMessages());
    const electronVersion = JSON.parse(readFileSync(require.resolve('electron/package.json', { paths: [root] }), 'utf8')).version;
    const res = await (run.default ?? run)({
      input: dir, customScan: [], excludeFromScan: EXCLUDED_CHECKS, severitySet: 'informational', confidenceSet: 'tentative',
      isRelative: true, isVerbose: false, electronUpgrade: undefined, electronVersionOverride: electronVersion, parserPlugins: [],
    }, false);
    const findings = res.issues.map((i) => ({
      id: i.id, severity: i.severity.name, confidence: i.confidence.name, file: i.file, line: i.location?.line ?? 0,
      manualReview: Boolean(i.manualReview), description: i.description ?? '',
    }));
    const unreadable = res.errors.filter((e) => !e.tolerable).map((e) => ({ file: relative(dir, e.file), message: e.message }));
    return { findings, unreadable };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Runs the built main bundle of `root` against the electron stand-in; returns what it did. */
export function inspectMain(root) {
  const out = execFileSync(process.execPath, ['--import', join(here, 'standin-register.mjs'), join(here, 'inspect-main.mjs'), join(root, 'dist-main', 'electron', 'main.js')],
    { encoding: 'utf8', cwd: root, timeout: 120_000, env: { ...process.env, JIXIAO_STANDIN_APPDIR: mkdtempSync(join(tmpdir(), 'jixiao-standin-')) } });
  return JSON.parse(out.trim().split('\n').at(-1));
}

const MUST = { contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true, webviewTag: false };
const MUST_NOT = ['nodeIntegrationInWorker', 'nodeIntegrationInSubFrames', 'allowRunningInsecureContent', 'experimentalFeatures'];

/** What the inspection shows against the rules, as Chinese lines (empty = all kept). */
export function judgeInspection(r) {
  const problems = [];
  r.windows.forEach((w, i) => {
    for (const [k, v] of Object.entries(MUST)) if (w.webPreferences[k] !== v) problems.push(`窗口 ${i + 1}：webPreferences.${k} 应为 ${v}，实际为 ${w.webPreferences[k]}`);
    for (const k of MUST_NOT) if (w.webPreferences[k]) problems.push(`窗口 ${i + 1}：webPreferences.${k} 不应开启`);
  });
  if (r.windows.length < 2) problems.push(`只创建了 ${r.windows.length} 个窗口（应有文档窗口和打印窗口）`);
  for (const [ch, v] of Object.entries(r.ipc)) {
    if (!v.foreign.every((x) => x && x.ok === false && x.code === 'ipc.forbidden')) problems.push(`IPC ${ch}：接受了来自非本程序页面的请求`);
    if (!v.malformed.every((x) => x && x.ok === false && x.code === 'ipc.bad-request')) problems.push(`IPC ${ch}：接受了不符合约定的请求内容`);
  }
  r.navigation.forEach((n, i) => {
    for (const k of ['willNavigateExternal', 'willNavigateFile', 'willRedirectExternal', 'willAttachWebview']) if (n[k] !== 'refused') problems.push(`窗口 ${i + 1}：${k} 未被拒绝（${n[k]}）`);
    if (n.windowOpen !== 'deny') problems.push(`窗口 ${i + 1}：window.open 未被拒绝（${n.windowOpen}）`);
  });
  if (r.permission !== false) problems.push('权限请求（摄像头等）未被拒绝');
  return problems;
}

const isEntry = process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1];
if (isEntry) {
  const args = process.argv.slice(2);
  const root = args.includes('--root') ? args[args.indexOf('--root') + 1] : join(here, '..', '..');
  const { findings, unreadable } = await checkSecurity(root);
  const serious = findings.filter((f) => f.severity !== 'INFORMATIONAL');
  const problems = judgeInspection(inspectMain(root));
  if (args.includes('--json')) console.log(JSON.stringify({ findings, unreadable, problems }));
  for (const f of findings) console.error(`${f.severity.padEnd(13)} ${f.id}  ${f.file}:${f.line}  ${f.description}`);
  for (const u of unreadable) console.error(`无法解析 ${u.file}：${u.message}`);
  for (const p of problems) console.error(`主进程检查：${p}`);
  if (serious.length || unreadable.length || problems.length) {
    console.error(`安全检查未通过：electronegativity ${serious.length} 个高于“提示”级别的问题、${unreadable.length} 个文件无法检查；主进程检查 ${problems.length} 个问题。`);
    process.exit(1);
  }
  console.error(`安全检查通过：electronegativity 没有高于“提示”级别的问题（${findings.length} 条提示；已排除需要联网的 ${EXCLUDED_CHECKS.join(', ')}）；主进程的窗口、IPC、导航检查全部通过。`);
}
