/**
 * Writes lowered code at the line and column of the TypeScript it comes from, so every
 * diagnostic the C# interpreter reports points at the user's apphost.ts. Output only moves
 * forward: where the lowered text is longer than the original, later columns on that line
 * drift right, but lines never do.
 */
export class PositionedWriter {
  private readonly parts: string[] = [];
  private line = 0;
  private column = 0;

  /** Pad with newlines and spaces up to (line, column), 0-based; never moves back. */
  moveTo(line: number, column: number): void {
    if (line > this.line) {
      this.parts.push('\n'.repeat(line - this.line));
      this.line = line;
      this.column = 0;
    }
    if (line === this.line && column > this.column) {
      this.parts.push(' '.repeat(column - this.column));
      this.column = column;
    }
  }

  write(text: string): void {
    this.parts.push(text);
    const nl = text.lastIndexOf('\n');
    if (nl < 0) this.column += text.length;
    else {
      this.line += text.split('\n').length - 1;
      this.column = text.length - nl - 1;
    }
  }

  text(): string {
    return this.parts.join('');
  }
}
