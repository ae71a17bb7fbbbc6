// Text from files and pages shown on a terminal: control characters (ESC, BEL, C1 controls such as CSI)
// and bidirectional overrides are shown as escapes, so a file name or a page can neither rewrite the
// terminal (title, colours, cursor) nor hide what comes after it. Stored text is left as it is.

/** C0 and C1 controls, DEL, and the bidi embeddings, overrides and isolates. Newlines are handled by the caller's choice. */
const UNPRINTABLE = /[\u0000-\u0009\u000B-\u001F\u007F-\u009F\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;

const escaped = (ch: string) => {
  const code = ch.charCodeAt(0);
  return code <= 0xff ? `\\x${code.toString(16).toUpperCase().padStart(2, '0')}` : `\\u${code.toString(16).toUpperCase().padStart(4, '0')}`;
};

/** `text` safe to write to a terminal: controls escaped; line breaks escaped too unless `multiline`. */
export function printable(text: string, { multiline = false } = {}): string {
  const safe = text.replace(UNPRINTABLE, escaped);
  return multiline ? safe : safe.replace(/\n/g, '\\n');
}
