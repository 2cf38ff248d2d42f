// RFC 4180 CSV: fields with a comma, quote or line break are quoted; lines end with CRLF. Text a
// spreadsheet would run as a formula (=, +, -, @ first) gets a leading apostrophe.
export type Cell = string | number | null | undefined;

export function csvField(value: Cell, options: { text?: boolean } = {}): string {
  let text = value === null || value === undefined ? "" : String(value);
  if (options.text !== false && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** `numeric` marks columns written as they are (amounts), never formula-guarded. */
export function toCsv(rows: Cell[][], numeric: ReadonlySet<number> = new Set()): string {
  return (
    rows.map((row) => row.map((cell, i) => csvField(cell, { text: !numeric.has(i) })).join(",")).join("\r\n") + (rows.length ? "\r\n" : "")
  );
}
