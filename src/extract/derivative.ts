// Is this document an original report, or a derivative (a blog post, rewrite or commentary built on
// reports)? Derivatives still cluster with the event, but are not counted as an independent outlet.
//
// The heuristic adds up cues; DERIVATIVE_MIN_SCORE (tunables.ts) or more makes a derivative:
//   +3  front matter (Jekyll/Hugo): a blog engine's file, never a scraped news page
//   +1  Markdown / inline-HTML emphasis in the text (## headings, **bold**, <b>, <br>): blog formatting
//   +1  per blog / first-person cue (저는, 필자, 포스팅, 구독과 좋아요, 여러분 …), at most +2
//   +1  a title labelled as a digest (AI News -, [정리], 요약, 총정리 …)
//   +1  no outlet, no byline and no dateline: nobody signs it as a report
// A report from an outlet has a byline, a copyright line or a dateline, so it scores at most 2 even
// when written in the first person (columns), and stays a report.
import type { DocKind } from '../types.js';
import { DERIVATIVE_MIN_SCORE } from './tunables.js';

const FIRST_PERSON_CUES = [
  /(?:^|\s)(?:저는|제가|저희는|필자는|필자가|나는|내가)\s/,
  /개인적으로|제\s*생각(?:에는|엔)|내\s*생각(?:에는|엔)/,
  /블로그|포스팅|포스트에서|이웃\s*추가|구독과\s*좋아요|좋아요와\s*구독|댓글로\s*(?:남겨|알려)/,
  /여러분(?:은|도|의|께)/,
  /(?:^|\s)(?:I think|in my opinion|this post|my blog)\b/i,
];
const DIGEST_TITLE = /^(?:[A-Za-z ]{2,20}\s+-\s+|\[(?:정리|요약|리뷰|분석 정리)\])|총정리|요약 정리|한눈에 보기|뉴스 정리/;
const MARKUP = /^#{1,6}\s|\*\*[^*\n]+\*\*|<\/?(?:b|strong|em|br)\s*\/?>/m;

export interface KindInput {
  text: string;
  body: string;
  title: string | null;
  frontMatter: Record<string, unknown> | null;
  hasOutlet: boolean;
  hasByline: boolean;
  hasDateline: boolean;
}

export function classifyKind(input: KindInput): { kind: DocKind; cues: string[] } {
  const cues: string[] = [];
  let score = 0;
  if (input.frontMatter) { score += 3; cues.push('front-matter'); }
  if (MARKUP.test(input.text)) { score += 1; cues.push('markup'); }
  const firstPerson = FIRST_PERSON_CUES.filter((re) => re.test(input.body)).length;
  if (firstPerson) { score += Math.min(2, firstPerson); cues.push(`first-person×${firstPerson}`); }
  if (input.title && DIGEST_TITLE.test(input.title)) { score += 1; cues.push('digest-title'); }
  if (!input.hasOutlet && !input.hasByline && !input.hasDateline) { score += 1; cues.push('unsigned'); }
  return { kind: score >= DERIVATIVE_MIN_SCORE ? 'derivative' : 'report', cues };
}
