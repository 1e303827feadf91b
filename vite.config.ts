// The renderer build: offline and deterministic (no remote fonts or CDNs, hashed file names from
// content only), relative base so the same files load from file:// (Electron) and the web host.
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { createHash } from 'node:crypto';
import type { Plugin } from 'vite';
import { cspWithScriptHashes, withCspMeta } from './src-main/electron/csp';

/**
 * The app's CSP also as a <meta> in the built index.html (the response header stays), so static
 * checks (npm run check:security) and any loader that drops headers see it; its script-src lists
 * the sha384 of each script, which the <script> tags carry as integrity. Build only: the dev server
 * injects inline scripts.
 */
function cspMeta(): Plugin {
  return {
    name: 'jixiao-csp-meta',
    apply: 'build',
    enforce: 'post',
    transformIndexHtml(html, ctx) {
      const hashes: string[] = [];
      const out = html.replace(/<script\b([^>]*)\bsrc="\.\/([^"]+)"([^>]*)><\/script>/g, (tag, pre: string, file: string, post: string) => {
        const chunk = ctx.bundle?.[file];
        if (!chunk || chunk.type !== 'chunk') throw new Error(`CSP: no chunk for ${file}`);
        const h = `sha384-${createHash('sha384').update(chunk.code).digest('base64')}`;
        hashes.push(h);
        return `<script${pre}src="./${file}" integrity="${h}"${post}></script>`;
      });
      if (!hashes.length) throw new Error('CSP: index.html has no script');
      return withCspMeta(out, cspWithScriptHashes(hashes));
    },
  };
}

export default defineConfig({
  root: fileURLToPath(new URL('./src-renderer', import.meta.url)),
  base: './',
  plugins: [react(), cspMeta()],
  publicDir: false,
  build: {
    outDir: fileURLToPath(new URL('./dist/renderer', import.meta.url)),
    emptyOutDir: true,
    target: 'chrome120',
    sourcemap: false,
    reportCompressedSize: false,
    chunkSizeWarningLimit: 4000,
  },
  server: { fs: { allow: ['..'] } },
});
