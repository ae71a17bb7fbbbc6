// Optional LLM prose: the post model's prose sentences go to an OpenAI-compatible chat endpoint to be
// reworded into fluent Korean; each reworded sentence passes the guard or the extractive one stays.
// The model is changed, never the Markdown: the post is rendered again from it, footnotes and all.
import type { Message, ModelSentence, NewsDoc, Post, PostSentence, WrittenCluster } from '../../types.js';
import { message } from '../../messages.js';
import { proseSentences, renderPost } from '../render.js';
import { plainText } from '../context.js';
import { checkSentence, type Facts } from './guard.js';
import { LLM } from './tunables.js';

/** One chat request: system + user text in, the assistant's text out. */
export type ChatFn = (system: string, user: string) => Promise<string>;

export const SYSTEM_PROMPT = [
  '당신은 한국어 뉴스 편집자입니다. 입력은 여러 기사에서 뽑은 문장의 JSON 배열입니다.',
  '각 문장을 자연스럽고 읽기 쉬운 한국어 문장으로 다듬으세요.',
  '규칙: 숫자, 금액, 날짜, 사람·기업 이름, 따옴표 안의 인용문은 원문 그대로 두세요. 원문에 없는 정보를 더하지 마세요.',
  '문장을 합치거나 나누지 말고, 입력과 같은 개수·같은 순서의 JSON 문자열 배열만 답하세요. 다른 설명은 쓰지 마세요.',
].join('\n');

/** Reads the model's answer: a JSON array of strings (or {"sentences": [...]}), optionally in a code fence. */
export function parseAnswer(answer: string, expected: number): string[] | null {
  const body = answer.trim().replace(/^```(?:json)?\s*/i, '').replace(/\s*```$/, '');
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch {
    return null;
  }
  if (value && typeof value === 'object' && !Array.isArray(value)) value = (value as { sentences?: unknown }).sentences;
  if (!Array.isArray(value) || value.length !== expected || value.some((s) => typeof s !== 'string')) return null;
  return value as string[];
}

export interface PolishResult {
  post: Post;
  messages: Message[];
}

/** Rewords the post's prose sentences; never throws for what the model says (it becomes messages). */
export async function polishPost(cluster: WrittenCluster, docs: Map<string, NewsDoc>, chat: ChatFn): Promise<PolishResult> {
  const members = cluster.members.map((id) => docs.get(id)).filter((d): d is NewsDoc => !!d);
  const facts: Facts = { docs: members, entities: cluster.entities, numbers: cluster.numbers, quotes: cluster.quotes };
  const model = cluster.post.model;
  const messages: Message[] = [];
  if (!model) return { post: cluster.post, messages };
  const prose = proseSentences(model);
  const sentences: PostSentence[] = prose.map((s) => ({ text: plainText(s.runs), markdown: '', mentions: s.mentions }));
  const placeOf = (s: PostSentence) => {
    const m = s.mentions[0];
    return { source: docs.get(m?.document ?? '')?.source ?? cluster.post.path, ...(m ? { span: { start: m.start, end: m.end } } : {}) };
  };
  const reworded = new Map<ModelSentence, string>();
  let kept = 0;

  for (let from = 0; from < sentences.length; from += LLM.batchSize) {
    const batch = sentences.slice(from, from + LLM.batchSize);
    let answer: string[] | null = null;
    try {
      answer = parseAnswer(await chat(SYSTEM_PROMPT, JSON.stringify(batch.map((s) => s.text))), batch.length);
      if (!answer) {
        messages.push(message('write', 'llm-malformed-output',
          `the LLM did not answer with a JSON array of ${batch.length} sentences; the extractive sentences stand`, { source: cluster.post.path }));
      }
    } catch (e) {
      messages.push(message('write', 'llm-request-failed',
        `LLM request failed (${(e as Error).message}); the extractive sentences stand`, { source: cluster.post.path }));
    }
    batch.forEach((s, i) => {
      const candidate = answer?.[i]?.trim();
      if (!candidate || candidate === s.text) {
        kept++;
        return;
      }
      const verdict = checkSentence(candidate, s, facts);
      if (!verdict.ok) {
        messages.push(message('write', verdict.rule, `${verdict.reason}; kept the source sentence instead`, placeOf(s)));
        kept++;
        return;
      }
      reworded.set(prose[from + i], candidate);
    });
  }
  messages.push(message('write', 'llm-polish',
    `LLM reworded ${reworded.size} of ${sentences.length} sentences; ${kept} extractive sentences kept`, { source: cluster.post.path }, 'info'));
  const polished = replaceSentences(model, reworded);
  const { markdown, sentences: rendered } = renderPost(polished);
  return { post: { ...cluster.post, markdown, model: polished, sentences: rendered }, messages };
}

/** A copy of the model with the reworded sentences' runs replaced by the LLM's words (newsdesk's, not a source's). */
function replaceSentences(model: NonNullable<Post['model']>, reworded: Map<ModelSentence, string>): NonNullable<Post['model']> {
  const swap = (s: ModelSentence): ModelSentence => {
    const text = reworded.get(s);
    return text === undefined ? s : { ...s, runs: [{ text, by: 'newsdesk' }], llm: true };
  };
  return {
    ...model,
    sections: model.sections.map((section) => ({
      ...section,
      blocks: section.blocks.map((b) => (b.kind === 'paragraph' ? { ...b, sentences: b.sentences.map(swap) }
        : b.kind === 'list' ? { ...b, items: b.items.map(swap) }
          : b)),
    })),
  };
}

/** Polishes every cluster of a run in place, adding the guard's decisions to cluster and run messages. */
export async function polishClusters(clusters: WrittenCluster[], docs: Map<string, NewsDoc>, chat: ChatFn, runMessages: Message[]) {
  for (const c of clusters) {
    const { post, messages } = await polishPost(c, docs, chat);
    c.post = post;
    c.messages.push(...messages);
    runMessages.push(...messages);
  }
}
