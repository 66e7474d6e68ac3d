/**
 * The one way the CLI prints. Everything it prints can carry input (resource names, env
 * values, file names, YAML excerpts), and an ESC sequence there cleared a terminal and drew a
 * fake "ALL CHECKS PASSED"; a line separator or bidi override can forge or reorder lines. Each
 * line passes core/model/safe-text.ts: control characters become visible `\uXXXX` text.
 */
import { escapeUnsafe, safeLine, safeText } from '../core/model/safe-text';

type Stream = { write(text: string): unknown };

/** One line (a warning, an error, a table row): nothing in it can break or steer the line. */
export function printLine(stream: Stream, line: string): void {
  stream.write(`${safeLine(line)}\n`);
}

/** Several lines we composed (a table, a YAML stream, a Program.cs): line feeds stay. */
export function printText(stream: Stream, text: string): void {
  stream.write(safeText(text));
}

/** JSON for machines: every unsafe character inside strings is written as a JSON `\uXXXX` escape. */
export function printJson(stream: Stream, value: unknown): void {
  stream.write(`${escapeUnsafe(JSON.stringify(value, null, 2), '\n')}\n`);
}
