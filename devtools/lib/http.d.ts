import type { Express, RequestHandler } from 'express';

export interface Listening {
  /** `http://127.0.0.1:<port>`, no trailing slash. */
  url: string;
  close(): Promise<void>;
}

export declare function createApp(): Express;
export declare function anyJsonBody(limit?: string): RequestHandler;
export declare function listen(app: Express, options?: { port?: number; host?: string }): Promise<Listening>;
