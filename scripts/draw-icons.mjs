#!/usr/bin/env node
// Draws the Teams app icons for "Mod på kerneopgaven" and writes them as PNG files:
//   teamsapp/appPackage/color.png    192×192, full-bleed accent colour with the white mark
//   teamsapp/appPackage/outline.png   32×32, the same mark in white on a fully transparent background
//
// The mark is a core with five rays: "kerneopgaven" in the middle and the strategy's five
// ambitions around it. It is drawn from geometry so the icons can be regenerated at any time and
// reviewed as code. The output is deterministic: the same script on
// the same Node version writes the same bytes.
//
// Usage: node scripts/draw-icons.mjs [outputFolder]   (default: teamsapp/appPackage)

// zlib.crc32 (Node ≥ 20.15) is PNG's CRC-32; no table of our own.
import { crc32, deflateSync } from 'node:zlib';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The app's accent colour; keep in sync with `accentColor` in teamsapp/appPackage/manifest.json. */
export const ACCENT = '#00587A';

const WHITE = [255, 255, 255];

// ---------------------------------------------------------------------------------------------
// The mark, in a 32×32 design grid (y grows downwards): a filled circle, the core task
// ("kerneopgaven"), with five rounded rays around it, the five ambitions that grow out of it.
// ---------------------------------------------------------------------------------------------
const CENTER = { x: 16, y: 17 };
const CORE_RADIUS = 4.25;
const RAY_INNER = 8.75;
const RAY_OUTER = 12.5;
const RAY_RADIUS = 2.75;

/** The five rays as capsules (segment a–b, radius r), the first pointing straight up. */
export const RAYS = [0, 1, 2, 3, 4].map((i) => {
  const angle = (i * 2 * Math.PI) / 5;
  const dx = Math.sin(angle);
  const dy = -Math.cos(angle);
  return {
    a: { x: CENTER.x + dx * RAY_INNER, y: CENTER.y + dy * RAY_INNER },
    b: { x: CENTER.x + dx * RAY_OUTER, y: CENTER.y + dy * RAY_OUTER },
    r: RAY_RADIUS,
  };
});

function insideCapsule({ a, b, r }, x, y) {
  const vx = b.x - a.x;
  const vy = b.y - a.y;
  const t = Math.max(0, Math.min(1, ((x - a.x) * vx + (y - a.y) * vy) / (vx * vx + vy * vy)));
  const dx = x - (a.x + t * vx);
  const dy = y - (a.y + t * vy);
  return dx * dx + dy * dy <= r * r;
}

function insideMark(x, y) {
  const dx = x - CENTER.x;
  const dy = y - CENTER.y;
  if (dx * dx + dy * dy <= CORE_RADIUS * CORE_RADIUS) return true;
  return RAYS.some((ray) => insideCapsule(ray, x, y));
}

/**
 * Coverage (0..1) of the mark for every pixel of a size×size image, by supersampling each pixel
 * with samples×samples points. `scale` maps design units to pixels; `offset` shifts the mark.
 */
function coverageMap(size, scale, offset, samples) {
  const coverage = new Float64Array(size * size);
  const step = 1 / samples;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let hits = 0;
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const x = (px + (sx + 0.5) * step - offset) / scale;
          const y = (py + (sy + 0.5) * step - offset) / scale;
          if (insideMark(x, y)) hits++;
        }
      }
      coverage[py * size + px] = hits / (samples * samples);
    }
  }
  return coverage;
}

function hexToRgb(hex) {
  const value = Number.parseInt(hex.slice(1), 16);
  return [(value >> 16) & 255, (value >> 8) & 255, value & 255];
}

/** The 192×192 colour icon: the white mark (about 116 px across, inside Teams' safe area) on the accent colour. */
export function drawColorIcon() {
  const size = 192;
  const scale = 4;
  const offset = (size - 32 * scale) / 2;
  const coverage = coverageMap(size, scale, offset, 8);
  const background = hexToRgb(ACCENT);
  const rgba = Buffer.alloc(size * size * 4);
  for (let i = 0; i < size * size; i++) {
    const c = coverage[i];
    for (let ch = 0; ch < 3; ch++) {
      rgba[i * 4 + ch] = Math.round(background[ch] * (1 - c) + WHITE[ch] * c);
    }
    rgba[i * 4 + 3] = 255;
  }
  return { width: size, height: size, rgba };
}

/** The 32×32 outline icon: pure white, coverage carried in alpha, everything else transparent. */
export function drawOutlineIcon() {
  const size = 32;
  const coverage = coverageMap(size, 1, 0, 16);
  const rgba = Buffer.alloc(size * size * 4);
  for (let i = 0; i < size * size; i++) {
    const alpha = Math.round(coverage[i] * 255);
    // A fully transparent pixel is written as 0,0,0,0 so the file holds no stray colour.
    if (alpha > 0) {
      rgba[i * 4] = WHITE[0];
      rgba[i * 4 + 1] = WHITE[1];
      rgba[i * 4 + 2] = WHITE[2];
    }
    rgba[i * 4 + 3] = alpha;
  }
  return { width: size, height: size, rgba };
}

// ---------------------------------------------------------------------------------------------
// A minimal PNG encoder: 8-bit RGBA (colour type 6), no interlace, filter 0 on every row.
// ---------------------------------------------------------------------------------------------

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const typeAndData = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typeAndData));
  return Buffer.concat([length, typeAndData, crc]);
}

/** Encodes an RGBA image ({width, height, rgba}) as PNG bytes. */
export function encodePng({ width, height, rgba }) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // colour type: truecolour with alpha
  header[10] = 0; // compression: deflate
  header[11] = 0; // filter method 0
  header[12] = 0; // no interlace
  const stride = width * 4;
  const raw = Buffer.alloc((stride + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (stride + 1)] = 0; // filter type None
    rgba.copy(raw, y * (stride + 1) + 1, y * stride, (y + 1) * stride);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function main() {
  const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
  const outDir = resolve(process.argv[2] ?? join(root, 'teamsapp', 'appPackage'));
  mkdirSync(outDir, { recursive: true });
  const files = [
    ['color.png', drawColorIcon()],
    ['outline.png', drawOutlineIcon()],
  ];
  for (const [name, image] of files) {
    const png = encodePng(image);
    writeFileSync(join(outDir, name), png);
    console.log(`${join(outDir, name)}  ${image.width}×${image.height}  ${png.length} bytes`);
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main();
}
