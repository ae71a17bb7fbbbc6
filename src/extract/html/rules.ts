// The names of what the HTML extractor removes, in one place, so `removed` entries can be reviewed by rule.
export const HTML_RULE = {
  junkBlock: 'html-junk-block',
  separator: 'html-separator',
  linkBlock: 'html-link-block',
  boilerplateLine: 'html-boilerplate-line',
  urlLine: 'html-url-line',
  titleRepeat: 'html-title-repeat',
  dateline: 'html-dateline',
  tailSection: 'html-tail-section',
  notInJsonLd: 'html-not-in-json-ld',
  /** Followed by `:<outlet rule id>`: a block an outlet rule names as junk. */
  outletJunk: 'html-outlet-junk',
} as const;
