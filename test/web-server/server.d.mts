// Types for the test server (server.mjs), so the TypeScript tests can use it.
export interface LoggedRequest {
  path: string;
  start: number;
  end: number | null;
  userAgent: string | undefined;
  ifNoneMatch: string | null;
  acceptEncoding: string | null;
  status: number | null;
  /** For /huge: how many bytes the server had written when the connection closed. */
  bytesSent: number | null;
}

export interface WebServer {
  base: string;
  port: number;
  log: LoggedRequest[];
  state: { dynamicItems: string[]; robots?: string | number; feedTitle: string };
  readonly maxInFlight: number;
  requests(path: string): LoggedRequest[];
  close(): Promise<void>;
}

export function startWebServer(options?: { robots?: string | number }): Promise<WebServer>;
