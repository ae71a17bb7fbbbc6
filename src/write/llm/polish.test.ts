import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { writeCluster } from '../index.js';
import { DEFAULT_WRITE_OPTIONS } from '../post.js';
import { fixtureUrl, loadFixture } from '../../../test/fixture-docs/write.mjs';
import { startFakeLlm } from '../../../test/fake-llm/server.mjs';
import { openAiChat } from './client.js';
import { polishPost } from './polish.js';

/** Drafts the golden cluster's post, then polishes it through the real client against a local fake server. */
async function polishWith(answerCase: string) {
  const { docs, cluster } = loadFixture('golden-three-outlets');
  const written = writeCluster(cluster, docs, DEFAULT_WRITE_OPTIONS, new Set());
  const answer = readFileSync(new URL('answer.txt', fixtureUrl(answerCase)), 'utf8');
  const server = await startFakeLlm(() => answer);
  try {
    const chat = openAiChat({ baseUrl: server.baseUrl, model: 'fake-ko', apiKey: 'test' });
    const result = await polishPost(written, docs, chat);
    return { draft: written.post, ...result, requests: server.requests };
  } finally {
    await server.close();
  }
}

const rules = (messages: { rule: string }[]) => messages.map((m) => m.rule).filter((r) => r !== 'llm-polish');

test('llm-faithful: every faithful rewording is kept, with the original footnotes', async () => {
  const { draft, post, messages, requests } = await polishWith('llm-faithful');
  assert.equal(requests.length, 1);
  assert.equal(requests[0].model, 'fake-ko');
  assert.deepEqual(JSON.parse(requests[0].messages[1].content), draft.sentences!.map((s) => s.text));
  assert.deepEqual(rules(messages), []);
  assert.ok(post.sentences!.every((s) => s.llm));
  assert.match(post.markdown, /^누리테크는 11일 부산 강서구에 2조원 규모의 인공지능\(AI\) 데이터센터를 짓겠다고 발표했다\.\[\^1\]$/m);
  assert.match(post.markdown, /^- 최민호 부산시장은 "행정 절차를 최대한 빠르게 지원하겠다"고 약속했다\.\[\^2\]$/m);
  assert.ok(!post.markdown.includes('짓는다고 11일 밝혔다.[^1]'), 'the extractive lead was replaced');
  assert.equal(post.model!.sections[0].blocks.length, draft.model!.sections[0].blocks.length, 'the model was polished, not the Markdown');
});

test('llm-invented-figure: the sentence with a figure no source wrote falls back to the source sentence', async () => {
  const { draft, post, messages } = await polishWith('llm-invented-figure');
  assert.deepEqual(rules(messages), ['llm-guard-invented-figure']);
  assert.match(messages[0].reason, /3조원/);
  assert.equal(messages[0].stage, 'write');
  assert.equal(messages[0].place.source, 'inputs/saenuri-econ.html');
  assert.ok(!post.markdown.includes('3조원'));
  assert.ok(post.markdown.includes(draft.sentences![0].markdown), 'the extractive lead stands');
  assert.equal(post.sentences!.filter((s) => s.llm).length, draft.sentences!.length - 1);
});

test('llm-misattributed-quote: a quote put in the wrong mouth falls back to the source sentence', async () => {
  const { draft, post, messages } = await polishWith('llm-misattributed-quote');
  assert.deepEqual(rules(messages), ['llm-guard-misattributed-quote']);
  assert.ok(!post.markdown.includes('박서윤 대표는 "행정 절차'));
  assert.ok(post.markdown.includes(draft.sentences![2].markdown));
});

test('llm-malformed: an answer that is not a JSON array leaves the extractive post whole', async () => {
  const { draft, post, messages } = await polishWith('llm-malformed');
  assert.deepEqual(rules(messages), ['llm-malformed-output']);
  assert.equal(post.markdown, draft.markdown);
});

test('an HTTP error from the endpoint is a message, not a crash', async () => {
  const { docs, cluster } = loadFixture('golden-three-outlets');
  const written = writeCluster(cluster, docs, DEFAULT_WRITE_OPTIONS, new Set());
  const server = await startFakeLlm(() => ({ status: 400, body: '{"error":{"message":"model not found"}}' }));
  try {
    const result = await polishPost(written, docs, openAiChat({ baseUrl: server.baseUrl, model: 'missing', apiKey: 'x' }));
    assert.deepEqual(rules(result.messages), ['llm-request-failed']);
    assert.equal(result.post.markdown, written.post.markdown);
  } finally {
    await server.close();
  }
});
