#!/usr/bin/env node
// Draws the app's mark (a white hall with a pediment on a blue rounded square) and writes the
// icons electron-builder packs: build/icons/NxN.png for Linux (AppImage, deb: hicolor sizes),
// build/icon.ico for Windows (NSIS, the .exe) and build/icon.png (1024 px, the source size).
// Plain Node on purpose (zlib, no image library), and deterministic: rerunning it rewrites the
// same bytes, so the committed icons are this script's output. Run: node build/make-icons.mjs
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { crc32, deflateSync } from 'node:zlib';

const here = dirname(fileURLToPath(import.meta.url));
const LINUX_SIZES = [16, 24, 32, 48, 64, 128, 256, 512];
const ICO_SIZES = [16, 24, 32, 48, 64, 128, 256];
const SAMPLES = 4; // 4×4 samples per pixel: smooth edges at every size

const TOP = [0x15, 0x65, 0xc0];
const BOTTOM = [0x0b, 0x3d, 0x91];
const WHITE = [0xff, 0xff, 0xff];

function inRoundedSquare(x, y) {
  const inset = 0.03;
  const radius = 0.2;
  const lo = inset + radius;
  const hi = 1 - inset - radius;
  const dx = Math.max(lo - x, 0, x - hi);
  const dy = Math.max(lo - y, 0, y - hi);
  return x >= inset && x <= 1 - inset && y >= inset && y <= 1 - inset && dx * dx + dy * dy <= radius * radius;
}

const rect = (x0, y0, x1, y1) => (x, y) => x >= x0 && x <= x1 && y >= y0 && y <= y1;
// The pediment: apex (0.5, 0.18), base from (0.18, 0.38) to (0.82, 0.38).
const roof = (x, y) => y <= 0.38 && y >= 0.18 + Math.abs(x - 0.5) * (0.2 / 0.32);
const emblem = (x, y) => (x - 0.5) ** 2 + (y - 0.315) ** 2 <= 0.036 ** 2;
const columns = [0.295, 0.432, 0.568, 0.705].map((cx) => rect(cx - 0.038, 0.47, cx + 0.038, 0.7));
const hall = [roof, rect(0.2, 0.4, 0.8, 0.45), ...columns, rect(0.19, 0.72, 0.81, 0.765), rect(0.14, 0.785, 0.86, 0.83)];

/** The colour at one point of the unit square, or null outside the mark. */
function paint(x, y) {
  if (!inRoundedSquare(x, y)) return null;
  if (hall.some((inside) => inside(x, y)) && !emblem(x, y)) return WHITE;
  return TOP.map((top, i) => Math.round(top + (BOTTOM[i] - top) * y));
}

/** RGBA pixels (straight alpha = sample coverage), rows top to bottom. */
function render(size) {
  const rgba = Buffer.alloc(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0;
      let g = 0;
      let b = 0;
      let covered = 0;
      for (let sy = 0; sy < SAMPLES; sy++) {
        for (let sx = 0; sx < SAMPLES; sx++) {
          const colour = paint((px + (sx + 0.5) / SAMPLES) / size, (py + (sy + 0.5) / SAMPLES) / size);
          if (!colour) continue;
          r += colour[0];
          g += colour[1];
          b += colour[2];
          covered++;
        }
      }
      const o = (py * size + px) * 4;
      if (covered === 0) continue;
      rgba[o] = Math.round(r / covered);
      rgba[o + 1] = Math.round(g / covered);
      rgba[o + 2] = Math.round(b / covered);
      rgba[o + 3] = Math.round((covered / SAMPLES ** 2) * 255);
    }
  }
  return rgba;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

function png(size, rgba) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // colour type RGBA
  const rows = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) rgba.copy(rows, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** A 32-bit BMP icon image (BITMAPINFOHEADER, bottom-up BGRA, then the 1-bit AND mask). */
function dib(size, rgba) {
  const header = Buffer.alloc(40);
  header.writeUInt32LE(40, 0);
  header.writeInt32LE(size, 4);
  header.writeInt32LE(size * 2, 8); // colour rows + mask rows
  header.writeUInt16LE(1, 12);
  header.writeUInt16LE(32, 14);
  const pixels = Buffer.alloc(size * size * 4);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const from = (y * size + x) * 4;
      const to = ((size - 1 - y) * size + x) * 4;
      pixels[to] = rgba[from + 2];
      pixels[to + 1] = rgba[from + 1];
      pixels[to + 2] = rgba[from];
      pixels[to + 3] = rgba[from + 3];
    }
  }
  // The alpha channel decides; an all-zero AND mask keeps every pixel as drawn.
  const mask = Buffer.alloc(Math.ceil(size / 32) * 4 * size);
  return Buffer.concat([header, pixels, mask]);
}

/** Small sizes as BMP (every Windows icon reader takes them), 256 px as PNG (the Vista+ form). */
function ico(images) {
  const header = Buffer.alloc(6);
  header.writeUInt16LE(1, 2); // type: icon
  header.writeUInt16LE(images.length, 4);
  const entries = [];
  const datas = [];
  let offset = 6 + 16 * images.length;
  for (const { size, data } of images) {
    const entry = Buffer.alloc(16);
    entry[0] = size >= 256 ? 0 : size; // 0 means 256
    entry[1] = size >= 256 ? 0 : size;
    entry.writeUInt16LE(1, 4); // planes
    entry.writeUInt16LE(32, 6); // bits per pixel
    entry.writeUInt32LE(data.length, 8);
    entry.writeUInt32LE(offset, 12);
    offset += data.length;
    entries.push(entry);
    datas.push(data);
  }
  return Buffer.concat([header, ...entries, ...datas]);
}

const rendered = new Map();
const pixelsAt = (size) => {
  if (!rendered.has(size)) rendered.set(size, render(size));
  return rendered.get(size);
};

mkdirSync(join(here, 'icons'), { recursive: true });
for (const size of LINUX_SIZES) writeFileSync(join(here, 'icons', `${size}x${size}.png`), png(size, pixelsAt(size)));
writeFileSync(join(here, 'icon.png'), png(1024, pixelsAt(1024)));
writeFileSync(
  join(here, 'icon.ico'),
  ico(ICO_SIZES.map((size) => ({ size, data: size >= 256 ? png(size, pixelsAt(size)) : dib(size, pixelsAt(size)) }))),
);
console.log(`icons: build/icons/{${LINUX_SIZES.map((s) => `${s}x${s}`).join(',')}}.png, build/icon.png, build/icon.ico`);
