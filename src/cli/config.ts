// Configuration: `newsdesk.config.json` / `.yaml` / `.yml` in the working directory, or `--config FILE`.
// Precedence: command-line flags > config file > defaults; for the LLM, NEWSDESK_LLM_* > config > OPENAI_*.
//
// Keys (all optional):
//   preset            jekyll | jekyll-minimal-mistakes | hugo   front matter style (default: jekyll)
//   category          category of every post                      (default: news)
//   author            author in the front matter                  (default: none)
//   tags              extra tags added to every post              (default: [])
//   summarySentences  number of key sentences per cluster         (default: chosen from cluster size)
//   llm.baseUrl       OpenAI-compatible endpoint, e.g. http://127.0.0.1:11434/v1 for Ollama
//   llm.model         model name, e.g. gpt-4o-mini, qwen2.5:7b
//   llm.apiKey        key (prefer the environment: NEWSDESK_LLM_API_KEY or OPENAI_API_KEY)
//   llm.temperature   sampling temperature                        (default: 0.2)
//   llm.timeoutMs     per-request timeout                          (default: 120000)
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { ConfigError } from '../messages.js';
import { checkPreset, type PresetName, type WriteOptions } from '../write/index.js';

export const CONFIG_FILES = ['newsdesk.config.json', 'newsdesk.config.yaml', 'newsdesk.config.yml'];

export interface LlmConfig {
  baseUrl?: string;
  model?: string;
  apiKey?: string;
  temperature?: number;
  timeoutMs?: number;
}

export interface NewsdeskConfig {
  preset?: PresetName;
  category?: string;
  author?: string;
  tags?: string[];
  summarySentences?: number;
  llm?: LlmConfig;
}

const TOP_KEYS = ['preset', 'category', 'author', 'tags', 'summarySentences', 'llm'];
const LLM_KEYS = ['baseUrl', 'model', 'apiKey', 'temperature', 'timeoutMs'];

function checkKeys(obj: Record<string, unknown>, known: string[], where: string, prefix = '') {
  for (const key of Object.keys(obj)) {
    if (!known.includes(key)) {
      throw new ConfigError(`unknown key "${prefix}${key}" in ${where}; known keys: ${known.map((k) => prefix + k).join(', ')}`);
    }
  }
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function str(v: unknown, key: string, where: string): string | undefined {
  if (v === undefined) return undefined;
  if (typeof v !== 'string' || !v.trim()) throw new ConfigError(`"${key}" in ${where} must be a non-empty string`);
  return v;
}

function num(v: unknown, key: string, where: string, min: number): number | undefined {
  if (v === undefined) return undefined;
  if (typeof v !== 'number' || !Number.isFinite(v) || v < min) {
    throw new ConfigError(`"${key}" in ${where} must be a number ≥ ${min}, not ${JSON.stringify(v)}`);
  }
  return v;
}

/** Checks a parsed config object; `where` names the file in error texts. */
export function validateConfig(raw: unknown, where: string): NewsdeskConfig {
  if (!isObject(raw)) throw new ConfigError(`${where} must hold an object of settings, e.g. {"preset": "hugo"}`);
  checkKeys(raw, TOP_KEYS, where);
  const config: NewsdeskConfig = {};
  if (raw.preset !== undefined) config.preset = checkPreset(String(raw.preset), where);
  config.category = str(raw.category, 'category', where);
  config.author = str(raw.author, 'author', where);
  if (raw.tags !== undefined) {
    if (!Array.isArray(raw.tags) || raw.tags.some((t) => typeof t !== 'string' || !t.trim())) {
      throw new ConfigError(`"tags" in ${where} must be a list of words, e.g. ["AI", "반도체"]`);
    }
    config.tags = raw.tags as string[];
  }
  const count = num(raw.summarySentences, 'summarySentences', where, 1);
  if (count !== undefined) {
    if (!Number.isInteger(count)) throw new ConfigError(`"summarySentences" in ${where} must be a whole number`);
    config.summarySentences = count;
  }
  if (raw.llm !== undefined) {
    if (!isObject(raw.llm)) throw new ConfigError(`"llm" in ${where} must be an object, e.g. {"model": "gpt-4o-mini"}`);
    checkKeys(raw.llm, LLM_KEYS, where, 'llm.');
    config.llm = {
      baseUrl: str(raw.llm.baseUrl, 'llm.baseUrl', where),
      model: str(raw.llm.model, 'llm.model', where),
      apiKey: str(raw.llm.apiKey, 'llm.apiKey', where),
      temperature: num(raw.llm.temperature, 'llm.temperature', where, 0),
      timeoutMs: num(raw.llm.timeoutMs, 'llm.timeoutMs', where, 1),
    };
  }
  for (const k of Object.keys(config) as (keyof NewsdeskConfig)[]) if (config[k] === undefined) delete config[k];
  return config;
}

/** Reads `file`, or the first config file found in `cwd`; no file means an empty config. */
export function loadConfig(options: { file?: string; cwd?: string } = {}): { config: NewsdeskConfig; path: string | null } {
  const cwd = options.cwd ?? process.cwd();
  const path = options.file
    ? resolve(cwd, options.file)
    : CONFIG_FILES.map((f) => join(cwd, f)).find((f) => existsSync(f)) ?? null;
  if (!path) return { config: {}, path: null };
  if (!existsSync(path)) throw new ConfigError(`config file ${options.file} does not exist; give an existing file to --config`);
  const text = readFileSync(path, 'utf8');
  let raw: unknown;
  try {
    raw = /\.json$/i.test(path) ? JSON.parse(text) : parseYaml(text);
  } catch (e) {
    throw new ConfigError(`cannot parse ${path}: ${(e as Error).message.split('\n')[0]}; fix the syntax (JSON, or YAML for .yaml/.yml)`);
  }
  return { config: validateConfig(raw ?? {}, path), path };
}

export interface ResolvedLlm {
  baseUrl: string;
  model: string;
  apiKey: string;
  temperature: number;
  timeoutMs: number;
}

export const OPENAI_BASE_URL = 'https://api.openai.com/v1';

/** LLM settings from the environment and the config; throws ConfigError when no model is known. */
export function resolveLlm(config: NewsdeskConfig, env: NodeJS.ProcessEnv = process.env): ResolvedLlm {
  const pick = (name: string, fromConfig: string | undefined, openaiName: string) =>
    env[`NEWSDESK_LLM_${name}`] || fromConfig || env[openaiName] || undefined;
  const baseUrl = (pick('BASE_URL', config.llm?.baseUrl, 'OPENAI_BASE_URL') ?? OPENAI_BASE_URL).replace(/\/+$/, '');
  const model = pick('MODEL', config.llm?.model, 'OPENAI_MODEL');
  if (!model) {
    throw new ConfigError('--llm needs a model: set NEWSDESK_LLM_MODEL (or OPENAI_MODEL), or "llm": {"model": "..."} in newsdesk.config.json');
  }
  let apiKey = pick('API_KEY', config.llm?.apiKey, 'OPENAI_API_KEY');
  if (!apiKey) {
    if (baseUrl === OPENAI_BASE_URL) {
      throw new ConfigError('--llm with api.openai.com needs a key: set NEWSDESK_LLM_API_KEY or OPENAI_API_KEY');
    }
    apiKey = 'no-key'; // local servers (Ollama, llama.cpp, vLLM) ignore it, the client needs a value
  }
  return {
    baseUrl, model, apiKey,
    temperature: config.llm?.temperature ?? 0.2,
    timeoutMs: config.llm?.timeoutMs ?? 120_000,
  };
}

/** Write options from the config file, overridden by the command-line flags that were given. */
export function writeOptionsFrom(
  config: NewsdeskConfig,
  flags: { preset?: string; category?: string; author?: string },
): Partial<WriteOptions> {
  const options: Partial<WriteOptions> = {};
  const preset = flags.preset ?? config.preset;
  if (preset) options.preset = checkPreset(preset, flags.preset ? '--preset' : 'the config file');
  const category = flags.category ?? config.category;
  if (category !== undefined) {
    if (!category.trim()) throw new ConfigError('--category needs a name, e.g. --category news');
    options.category = category;
  }
  const author = flags.author ?? config.author;
  if (author) options.author = author;
  if (config.tags) options.tags = config.tags;
  if (config.summarySentences) options.summarySentences = config.summarySentences;
  return options;
}
