#!/usr/bin/env node
/**
 * Wraps what Prettier leaves over 120 columns: comments (re-flowed word by word) and string or
 * template literals (split at a space into `'…' +` pieces, never inside `${…}`). Run Prettier on
 * the files afterwards; it lays the `+` pieces out. What it cannot split (a regular expression,
 * a URL, a literal without a space early enough, a line inside a multi-line template) it leaves
 * for a person, and lists.
 *
 *   node scripts/wrap-long-lines.mjs [--write] <files…>
 *
 * ESLint's max-len (eslint.config.js) is the check; this is the tool for a sweep.
 */
import { readFileSync, writeFileSync } from 'node:fs';

const WIDTH = 120;

/** Re-flow a comment line into lines of `prefix` + words. */
function wrapWords(prefix, text) {
  const lines = [];
  let cur = '';
  for (const w of text.split(' ')) {
    if (cur && prefix.length + cur.length + 1 + w.length > WIDTH) {
      lines.push(prefix + cur);
      cur = w;
    } else cur = cur ? `${cur} ${w}` : w;
  }
  if (cur) lines.push(prefix + cur);
  return lines;
}

function wrapComment(line) {
  const m = /^(\s*)(\/\/ |\* |\/\*\* )(.*)$/.exec(line);
  if (!m || /https?:\/\//.test(m[3])) return undefined;
  const [, indent, mark, text] = m;
  if (mark === '/** ') {
    if (!text.endsWith(' */')) return undefined;
    return [`${indent}/**`, ...wrapWords(`${indent} * `, text.slice(0, -3)), `${indent} */`];
  }
  return wrapWords(indent + mark, text);
}

/** Skip a quoted literal nested in `${…}` starting at `j`; returns the index after it. */
function skipNested(line, j, end) {
  const q = line[j];
  let k = j + 1;
  while (k < end && line[k] !== q) k += line[k] === '\\' ? 2 : 1;
  return k + 1;
}

/** The string and template literals of a line, outermost only: [start, end (exclusive), quote]. */
function literals(line) {
  const spans = [];
  for (let i = 0; i < line.length;) {
    const c = line[i];
    if (c === '/' && line[i + 1] === '/') break;
    if (c !== "'" && c !== '"' && c !== '`') {
      i++;
      continue;
    }
    let j = i + 1;
    let depth = 0;
    for (; j < line.length;) {
      const d = line[j];
      if (d === '\\') j += 2;
      else if (c === '`' && d === '$' && line[j + 1] === '{') {
        depth++;
        j += 2;
      } else if (c === '`' && depth && (d === '{' || d === '}')) {
        depth += d === '{' ? 1 : -1;
        j++;
      } else if (c === '`' && depth && (d === "'" || d === '"' || d === '`')) j = skipNested(line, j, line.length);
      else if (d === c && depth === 0) break;
      else j++;
    }
    if (j >= line.length) return spans; // runs on to the next line
    spans.push([i, j + 1, c]);
    i = j + 1;
  }
  return spans;
}

/** Places after a space inside the literal, outside any `${…}`, where it may be split. */
function splitPoints(line, s, e, q) {
  const points = [];
  let depth = 0;
  for (let j = s + 1; j < e - 1;) {
    const d = line[j];
    if (d === '\\') j += 2;
    else if (q === '`' && d === '$' && line[j + 1] === '{') {
      depth++;
      j += 2;
    } else if (q === '`' && depth && (d === '{' || d === '}')) {
      depth += d === '{' ? 1 : -1;
      j++;
    } else if (depth && (d === "'" || d === '"' || d === '`')) j = skipNested(line, j, e);
    else {
      if (d === ' ' && depth === 0) points.push(j + 1);
      j++;
    }
  }
  return points;
}

function splitLiteral(line) {
  const indent = /^\s*/.exec(line)[0];
  const spans = literals(line).filter(([s, e]) => e - s > 30);
  if (spans.length === 0) return undefined;
  const [s, e, q] = spans.reduce((a, b) => (b[1] - b[0] > a[1] - a[0] ? b : a));
  // A tagged template (`tag\`…\``) is one call: splitting it would change what the tag receives.
  if (q === '`' && /[\w$)\]]\s*$/.test(line.slice(0, s))) return undefined;
  const points = splitPoints(line, s, e, q).filter((p) => p - s > 10 && e - p > 10);
  const limit = WIDTH - 4;
  const cuts = [];
  let last = s + 1;
  for (;;) {
    const col = cuts.length === 0 ? s : indent.length + 3;
    if (e - 1 - last + col + (line.length - e) < limit) break;
    const fits = points.filter((p) => p > last && p - last + col < limit);
    if (fits.length === 0) break;
    last = Math.max(...fits);
    cuts.push(last);
  }
  if (cuts.length === 0) return undefined;
  const parts = [];
  let prev = s + 1;
  for (const c of cuts) {
    parts.push(line.slice(prev, c));
    prev = c;
  }
  parts.push(line.slice(prev, e - 1));
  // A member access or index after the literal binds tighter than `+`: keep the pieces together.
  const open = /^[.[]/.test(line.slice(e)) ? '(' : '';
  return parts.map((p, k) => {
    const head = k === 0 ? `${line.slice(0, s)}${open}` : `${indent}  `;
    const tail = k < parts.length - 1 ? ' +' : `${open ? ')' : ''}${line.slice(e)}`;
    return `${head}${q}${p}${q}${tail}`;
  });
}

const write = process.argv.includes('--write');
const files = process.argv.slice(2).filter((a) => a !== '--write');
let fixed = 0;
const left = [];
for (const file of files) {
  const out = [];
  readFileSync(file, 'utf8')
    .split('\n')
    .forEach((line, i) => {
      const wrapped = line.length > WIDTH ? (wrapComment(line) ?? splitLiteral(line)) : undefined;
      if (wrapped) fixed++;
      else if (line.length > WIDTH) left.push(`${file}:${i + 1}`);
      out.push(...(wrapped ?? [line]));
    });
  if (write) writeFileSync(file, out.join('\n'));
}
console.log(`${write ? 'wrapped' : 'would wrap'} ${fixed} line(s); left for a person: ${left.length}`);
for (const l of left) console.log(`  ${l}`);
