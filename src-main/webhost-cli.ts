// `npm run start:web`: serve the built renderer and the API on loopback and open the browser.
//   --no-open     only print the URL (with its token) as the first line of stdout, keep serving
//   --port N      a fixed port instead of a random one
//   FILE.jixiao   open this document in the page
// User data (recovery copies, recent files) in $JIXIAO_USER_DATA or ~/.config/jixiao;
// $JIXIAO_RENDERER_DIR overrides dist/renderer.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startWebHost } from './webhost';
import { defaultDocumentsDir, defaultUserDataDir } from './services/paths';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

export { defaultUserDataDir, defaultDocumentsDir };

export function parseArgs(argv: string[]): { open: boolean; port: number; file?: string } {
  const out: { open: boolean; port: number; file?: string } = { open: true, port: 0 };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--no-open') out.open = false;
    else if (a === '--port') out.port = Number(argv[++i] ?? 0) || 0;
    else if (a.startsWith('--port=')) out.port = Number(a.slice(7)) || 0;
    else if (!a.startsWith('-')) out.file = resolve(a);
  }
  return out;
}

function openBrowser(url: string): void {
  const [cmd, args] = process.platform === 'win32' ? ['explorer.exe', [url]]
    : process.platform === 'darwin' ? ['open', [url]]
      : ['xdg-open', [url]];
  const child = spawn(cmd, args, { detached: true, stdio: 'ignore' });
  child.on('error', () => console.error(`无法自动打开浏览器，请手动打开上面的网址。/ Could not open a browser: open the URL above.`));
  child.unref();
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const rendererDir = process.env.JIXIAO_RENDERER_DIR ? resolve(process.env.JIXIAO_RENDERER_DIR) : join(root, 'dist', 'renderer');
  if (!existsSync(join(rendererDir, 'index.html'))) {
    console.error('找不到界面文件 dist/renderer/index.html：请先运行 npm run build:web。/ Renderer not built: run npm run build:web.');
    process.exit(1);
  }
  const host = await startWebHost({
    port: args.port,
    rendererDir,
    userDataDir: defaultUserDataDir(),
    documentsDir: defaultDocumentsDir(),
    initialPath: args.file,
  });
  // The URL is the first line on stdout: scripts and tests read it from there.
  process.stdout.write(`${host.url}\n`);
  if (args.open) {
    console.error('绩效目标表编辑器已在浏览器中打开；关闭此窗口或按 Ctrl+C 结束。/ Serving; press Ctrl+C to stop.');
    openBrowser(host.url);
  }
  const stop = () => { void host.close().finally(() => process.exit(0)); };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

const isEntry = process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isEntry) {
  main().catch((err) => {
    console.error(`启动失败：${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  });
}
