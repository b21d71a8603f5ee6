// Draws images/icon.png (128x128): a guideline page turned into a small graph of linked nodes, with a
// check mark on the last node. Shapes are rasterised with 4x4 supersampling and written as an RGBA PNG.
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const size = 128, ss = 4;
const rgba = new Float64Array(size * size * 4);

/** Distance from point p to segment ab. */
function segmentDistance(px, py, ax, ay, bx, by) {
  const dx = bx - ax, dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

const inRoundedRect = (x, y, x0, y0, x1, y1, r) => {
  const cx = Math.max(x0 + r, Math.min(x1 - r, x)), cy = Math.max(y0 + r, Math.min(y1 - r, y));
  return Math.hypot(x - cx, y - cy) <= r;
};

const nodes = [[36, 40], [88, 34], [44, 88], [92, 90]];
const edges = [[0, 1], [0, 2], [1, 3], [2, 3], [0, 3]];
// Later shapes paint over earlier ones: [inside(x, y), colour].
const shapes = [
  [(x, y) => inRoundedRect(x, y, 4, 4, 124, 124, 22), [18, 78, 112]],
  ...edges.map(([a, b]) => [(x, y) => segmentDistance(x, y, ...nodes[a], ...nodes[b]) <= 3.2, [162, 214, 230]]),
  ...nodes.slice(0, 3).map(([cx, cy]) => [(x, y) => Math.hypot(x - cx, y - cy) <= 11, [255, 255, 255]]),
  [(x, y) => Math.hypot(x - 92, y - 90) <= 17, [46, 184, 114]],
  [(x, y) => segmentDistance(x, y, 84, 90, 90, 97) <= 3 || segmentDistance(x, y, 90, 97, 101, 82) <= 3, [255, 255, 255]],
];

for (let py = 0; py < size; py++) {
  for (let px = 0; px < size; px++) {
    const acc = [0, 0, 0, 0];
    for (let sy = 0; sy < ss; sy++) {
      for (let sx = 0; sx < ss; sx++) {
        const x = px + (sx + 0.5) / ss, y = py + (sy + 0.5) / ss;
        let colour;
        for (const [inside, c] of shapes) if (inside(x, y)) colour = c;
        if (colour) { acc[0] += colour[0]; acc[1] += colour[1]; acc[2] += colour[2]; acc[3] += 1; }
      }
    }
    const i = (py * size + px) * 4, n = acc[3];
    rgba.set(n ? [acc[0] / n, acc[1] / n, acc[2] / n, (255 * n) / (ss * ss)] : [0, 0, 0, 0], i);
  }
}

function crc32(buf) {
  let c, crc = 0xffffffff;
  for (const b of buf) {
    c = (crc ^ b) & 0xff;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    crc = (crc >>> 8) ^ c;
  }
  return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'ascii');
  data.copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}

const raw = Buffer.alloc(size * (size * 4 + 1));
for (let y = 0; y < size; y++) {
  raw[y * (size * 4 + 1)] = 0; // filter: none
  for (let x = 0; x < size * 4; x++) raw[y * (size * 4 + 1) + 1 + x] = Math.round(rgba[y * size * 4 + x]);
}
const header = Buffer.alloc(13);
header.writeUInt32BE(size, 0); header.writeUInt32BE(size, 4);
header[8] = 8; header[9] = 6; // 8-bit RGBA
const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  chunk('IHDR', header), chunk('IDAT', deflateSync(raw, { level: 9 })), chunk('IEND', Buffer.alloc(0))]);
writeFileSync(new URL('../images/icon.png', import.meta.url), png);
console.log(`images/icon.png: ${png.length} bytes`);
