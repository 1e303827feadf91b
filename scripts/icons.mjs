#!/usr/bin/env node
// `npm run icons`: rasterise build/icon.svg (drawn for this app) into the icons electron-builder
// uses — build/icon.png (512 px: Linux desktop entry, AppImage, deb) and build/icon.ico (16–256 px,
// PNG-compressed entries: Windows exe, installer, shortcuts). @resvg/resvg-js renders without
// system fonts or a browser, so the same SVG gives the same bytes on every machine; the outputs are
// committed, and a test renders them again and compares.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Resvg } from '@resvg/resvg-js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
export const ICO_SIZES = [16, 24, 32, 48, 64, 128, 256];

export function renderPng(svg, size) {
  return new Resvg(svg, { fitTo: { mode: 'width', value: size }, font: { loadSystemFonts: false }, shapeRendering: 2 }).render().asPng();
}

/** An .ico holding PNG images (Windows Vista+ reads PNG entries at every size). */
export function icoFromPngs(pngs) {
  const header = Buffer.alloc(6 + 16 * pngs.length);
  header.writeUInt16LE(0, 0); // reserved
  header.writeUInt16LE(1, 2); // type: icon
  header.writeUInt16LE(pngs.length, 4);
  let offset = header.length;
  pngs.forEach(({ size, png }, i) => {
    const e = 6 + 16 * i;
    header.writeUInt8(size >= 256 ? 0 : size, e); // 0 means 256
    header.writeUInt8(size >= 256 ? 0 : size, e + 1);
    header.writeUInt8(0, e + 2); // palette colours
    header.writeUInt8(0, e + 3);
    header.writeUInt16LE(1, e + 4); // colour planes
    header.writeUInt16LE(32, e + 6); // bits per pixel
    header.writeUInt32LE(png.length, e + 8);
    header.writeUInt32LE(offset, e + 12);
    offset += png.length;
  });
  return Buffer.concat([header, ...pngs.map((p) => p.png)]);
}

export function renderIcons(svgText) {
  return {
    png: renderPng(svgText, 512),
    ico: icoFromPngs(ICO_SIZES.map((size) => ({ size, png: renderPng(svgText, size) }))),
  };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const { png, ico } = renderIcons(readFileSync(join(root, 'build', 'icon.svg'), 'utf8'));
  writeFileSync(join(root, 'build', 'icon.png'), png);
  writeFileSync(join(root, 'build', 'icon.ico'), ico);
  console.log(`build/icon.png ${png.length} B, build/icon.ico ${ico.length} B (${ICO_SIZES.join('/')} px)`);
}
