// Types for the fake chat server (server.mjs), so the TypeScript tests can use it.
export interface ChatRequest {
  model: string;
  messages: { role: string; content: string }[];
  temperature?: number;
}

/** Returns the assistant's text; or `{ status, body }` to answer with an HTTP error. */
export type Script = (request: ChatRequest) => string | { status: number; body: string };

export interface FakeLlm {
  baseUrl: string;
  requests: ChatRequest[];
  close(): Promise<void>;
}

export function startFakeLlm(script: Script): Promise<FakeLlm>;
