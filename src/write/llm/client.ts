// The chat function over any OpenAI-compatible endpoint (OpenAI, Ollama, vLLM, llama.cpp server).
import type OpenAI from 'openai';
import type { ChatFn } from './polish.js';
import { LLM } from './tunables.js';

export interface ChatSettings {
  baseUrl: string;
  model: string;
  apiKey: string;
  temperature?: number;
  timeoutMs?: number;
}

export function openAiChat(settings: ChatSettings): ChatFn {
  // The SDK (~150 modules) is loaded by the first request, not by every run that imports the writer.
  let client: Promise<OpenAI> | null = null;
  return async (system, user) => {
    client ??= import('openai').then(({ default: OpenAI }) => new OpenAI({
      baseURL: settings.baseUrl, apiKey: settings.apiKey, timeout: settings.timeoutMs ?? 120_000, maxRetries: LLM.maxRetries,
    }));
    const res = await (await client).chat.completions.create({
      model: settings.model,
      temperature: settings.temperature ?? LLM.temperature,
      messages: [{ role: 'system', content: system }, { role: 'user', content: user }],
    });
    return res.choices[0]?.message?.content ?? '';
  };
}
