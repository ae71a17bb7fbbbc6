// Every ingest threshold in one place, each with the reason it has its value.

/** Inputs larger than this are refused with a message: a news page is far smaller, and a huge file
 *  is almost always a dump or a mistake that would stall the run. Raise it with --max-file-mb. */
export const MAX_FILE_BYTES = 10 * 1024 * 1024;

/** Deflate cannot expand data by more than about 1032 to 1: a gzip trailer claiming more than this times its
 *  file's size is wrong, and the inflate buffer is never sized past it (see gunzipWhole in decode.ts). */
export const DEFLATE_MAX_RATIO = 1032;

/** More input files than this is refused before any is read (raise it with --max-files): a folder that
 *  large is usually a mistake (a home folder, a whole disk), and the run would hold every document. */
export const MAX_INPUT_FILES = 100_000;

/** Share of control bytes (other than tab, CR, LF, FF, ESC) above which a file is treated as binary. */
export const BINARY_CONTROL_RATIO = 0.02;

/** How far into an HTML file to look for a <meta charset>; browsers look at the first 1024 bytes,
 *  scraped pages sometimes put it later. */
export const META_CHARSET_SCAN_BYTES = 4096;

/** When UTF-8 decoding fails, EUC-KR is accepted if at least this share of the decoded non-ASCII
 *  letters is Hangul: legacy Korean pages are mostly Hangul, random bytes decoded as EUC-KR give Hanja
 *  and symbols. ASCII is left out of the count, so markup-heavy HTML does not hide its Korean text. */
export const EUC_KR_MIN_HANGUL_RATIO = 0.3;

/** ... and at least this many non-ASCII letters: a stray byte pair or two in English text is no
 *  evidence of Korean (it stays lossy UTF-8 with a warning). */
export const EUC_KR_MIN_LETTERS = 4;

/** UTF-16 without a BOM is recognised when at least this share of code units has a zero byte in one
 *  position (ASCII spaces, digits and markup do; Korean news text has well over 10% of them) ... */
export const UTF16_MIN_ZERO_RATIO = 0.1;
/** ... and at most this share has a zero in the other position: only U+xx00 characters do, and among
 *  those the common syllables 가 (U+AC00) and 대 (U+B300) put about 2% into Korean text. */
export const UTF16_MAX_OTHER_ZERO_RATIO = 0.05;

/** File endings read when walking a folder; anything else in a folder is skipped with a message. */
export const FORMAT_BY_EXTENSION: Record<string, 'txt' | 'md' | 'html'> = {
  '.txt': 'txt',
  '.text': 'txt',
  '.md': 'md',
  '.markdown': 'md',
  '.html': 'html',
  '.htm': 'html',
  '.xhtml': 'html',
};
