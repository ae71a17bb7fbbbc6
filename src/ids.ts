import { createHash } from 'node:crypto';

export const sha256 = (data: string | Uint8Array): string => createHash('sha256').update(data).digest('hex');

/** A short stable id: the same key always gives the same id. */
export const shortId = (prefix: string, key: string): string => prefix + sha256(key).slice(0, 12);
