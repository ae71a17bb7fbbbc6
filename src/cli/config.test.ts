import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { ConfigError } from '../messages.js';
import { loadConfig, resolveLlm, writeOptionsFrom } from './config.js';

const dir = (name: string) => fileURLToPath(new URL(`../../fixtures/write/${name}/`, import.meta.url));

test('config-yaml: found in the working folder; flags override it', () => {
  const { config, path } = loadConfig({ cwd: dir('config-yaml') });
  assert.match(path!, /newsdesk\.config\.yaml$/);
  assert.deepEqual(writeOptionsFrom(config, {}), {
    preset: 'jekyll-minimal-mistakes', category: 'AI_News', author: '편집부', tags: ['뉴스요약'],
  });
  assert.equal(writeOptionsFrom(config, { preset: 'hugo', category: 'tech' }).preset, 'hugo');
  assert.equal(writeOptionsFrom(config, { preset: 'hugo', category: 'tech' }).category, 'tech');
});

test('config-yaml: LLM settings come from NEWSDESK_LLM_*, then the config, then OPENAI_*', () => {
  const { config } = loadConfig({ cwd: dir('config-yaml') });
  const fromConfig = resolveLlm(config, {});
  assert.equal(fromConfig.baseUrl, 'http://127.0.0.1:11434/v1');
  assert.equal(fromConfig.model, 'qwen2.5:7b');
  assert.equal(fromConfig.apiKey, 'no-key', 'local servers need no key');
  const fromEnv = resolveLlm(config, { NEWSDESK_LLM_MODEL: 'llama3', OPENAI_API_KEY: 'sk-test' });
  assert.equal(fromEnv.model, 'llama3');
  assert.equal(fromEnv.apiKey, 'sk-test');
  assert.throws(() => resolveLlm({}, {}), (e) => e instanceof ConfigError && /NEWSDESK_LLM_MODEL/.test(e.message));
  assert.throws(() => resolveLlm({}, { OPENAI_MODEL: 'gpt-4o-mini' }), (e) => e instanceof ConfigError && /OPENAI_API_KEY/.test(e.message));
});

test('config-unknown-key: a misspelt key is a ConfigError naming the known keys', () => {
  assert.throws(() => loadConfig({ cwd: dir('config-unknown-key') }),
    (e) => e instanceof ConfigError && /unknown key "categroy"/.test(e.message) && /category/.test(e.message));
});

test('config-bad-preset: an unknown preset lists the presets', () => {
  assert.throws(() => loadConfig({ cwd: dir('config-bad-preset') }),
    (e) => e instanceof ConfigError && /jekyll-minimal-mistakes/.test(e.message));
  assert.throws(() => writeOptionsFrom({}, { preset: 'ghost' }), (e) => e instanceof ConfigError && /--preset/.test(e.message));
});

test('config-broken-json: a syntax error says which file and how to fix it', () => {
  assert.throws(() => loadConfig({ cwd: dir('config-broken-json') }),
    (e) => e instanceof ConfigError && /cannot parse .*newsdesk\.config\.json/.test(e.message));
  assert.throws(() => loadConfig({ file: 'missing.yaml', cwd: dir('config-yaml') }),
    (e) => e instanceof ConfigError && /does not exist/.test(e.message));
});

test('no config file: an empty config', () => {
  assert.deepEqual(loadConfig({ cwd: dir('llm-malformed') }), { config: {}, path: null });
});
