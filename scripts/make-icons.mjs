// Draws the app icon — a red rounded square with a white check mark (报备: "registered, approved") —
// into build/icon.png (512×512, Linux) and build/icon.ico (16–256 px, Windows). No image library:
// shapes are sampled 4×4 per pixel for smooth edges and written as PNG with zlib.
// Run `node scripts/make-icons.mjs` after changing the drawing; the outputs are committed.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';

const RED = [200, 16, 46];
const WHITE = [255, 255, 255];
const SAMPLES = 4;

/** Inside the rounded square, in unit coordinates (0–1). */
function inSquare(x, y) {
  const margin = 0.03;
  const radius = 0.2;
  const cx = Math.min(Math.max(x, margin + radius), 1 - margin - radius);
  const cy = Math.min(Math.max(y, margin + radius), 1 - margin - radius);
  return x >= margin && x <= 1 - margin && y >= margin && y <= 1 - margin && (x - cx) ** 2 + (y - cy) ** 2 <= radius ** 2;
}

const check = [
  [0.26, 0.53],
  [0.43, 0.7],
  [0.76, 0.34],
];
const strokeHalfWidth = 0.055;

function distanceToSegment(x, y, [ax, ay], [bx, by]) {
  const t = Math.min(1, Math.max(0, ((x - ax) * (bx - ax) + (y - ay) * (by - ay)) / ((bx - ax) ** 2 + (by - ay) ** 2)));
  return Math.hypot(x - (ax + t * (bx - ax)), y - (ay + t * (by - ay)));
}

const inCheck = (x, y) => distanceToSegment(x, y, check[0], check[1]) <= strokeHalfWidth || distanceToSegment(x, y, check[1], check[2]) <= strokeHalfWidth;

function render(size) {
  const rgba = Buffer.alloc(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let square = 0;
      let mark = 0;
      for (let sy = 0; sy < SAMPLES; sy++) {
        for (let sx = 0; sx < SAMPLES; sx++) {
          const x = (px + (sx + 0.5) / SAMPLES) / size;
          const y = (py + (sy + 0.5) / SAMPLES) / size;
          if (inSquare(x, y)) {
            square++;
            if (inCheck(x, y)) mark++;
          }
        }
      }
      const i = (py * size + px) * 4;
      const white = square ? mark / square : 0;
      for (let c = 0; c < 3; c++) rgba[i + c] = Math.round(RED[c] * (1 - white) + WHITE[c] * white);
      rgba[i + 3] = Math.round((255 * square) / SAMPLES ** 2);
    }
  }
  return rgba;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(zlib.crc32(body));
  return Buffer.concat([length, body, crc]);
}

function png(size) {
  const rgba = render(size);
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA, no interlace
  const rows = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) rgba.copy(rows, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([signature, chunk('IHDR', header), chunk('IDAT', zlib.deflateSync(rows, { level: 9 })), chunk('IEND', Buffer.alloc(0))]);
}

/** An ICO whose images are PNGs (Windows Vista and later); electron-builder needs a 256 px one. */
function ico(sizes) {
  const images = sizes.map(png);
  const header = Buffer.alloc(6);
  header.writeUInt16LE(1, 2);
  header.writeUInt16LE(sizes.length, 4);
  let offset = 6 + 16 * sizes.length;
  const entries = sizes.map((size, i) => {
    const entry = Buffer.alloc(16);
    entry.writeUInt8(size % 256, 0); // 0 means 256
    entry.writeUInt8(size % 256, 1);
    entry.writeUInt16LE(1, 4);
    entry.writeUInt16LE(32, 6);
    entry.writeUInt32LE(images[i].length, 8);
    entry.writeUInt32LE(offset, 12);
    offset += images[i].length;
    return entry;
  });
  return Buffer.concat([header, ...entries, ...images]);
}

const out = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'build');
fs.mkdirSync(out, { recursive: true });
fs.writeFileSync(path.join(out, 'icon.png'), png(512));
fs.writeFileSync(path.join(out, 'icon.ico'), ico([16, 24, 32, 48, 64, 128, 256]));
console.log(`icons written to ${path.relative(process.cwd(), out) || '.'}`);
