// One place that knows every field of a NewsDoc and its empty value; stages and test loaders start here.
import type { NewsDoc } from './types.js';

export type DocInit = Pick<NewsDoc, 'id' | 'source' | 'body'> & Partial<NewsDoc>;

export function newDoc(init: DocInit): NewsDoc {
  return {
    key: init.source, format: 'txt', encoding: 'utf-8', contentHash: '', outlet: null, aggregator: null, title: null,
    subtitles: [], section: null, reporter: null, email: null, publishedAt: null, url: null, kind: 'report',
    frontMatter: null, headings: [], captions: [], removed: [], sentences: [], evidence: {}, messages: [],
    ...init,
  };
}
