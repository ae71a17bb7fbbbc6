// What the workbench itself remembers, in tables of the store's SQLite file (as the HTTP cache does):
// post revisions a person saved, and boilerplate lines a person restored to a document's body.
import type { Database } from 'better-sqlite3';

export type RevisionOrigin = 'generated' | 'edited' | 'regenerated';

export interface Revision {
  cluster: string;
  /** 1, 2, 3 … per cluster, in the order they were saved. */
  number: number;
  markdown: string;
  origin: RevisionOrigin;
  savedAt: string;
}

export interface Restoration {
  document: string;
  /** Index into the document's `removed` list as extract made it. */
  removal: number;
  text: string;
  restoredAt: string;
}

export class WorkbenchTables {
  constructor(private readonly db: Database) {
    db.exec(`
      CREATE TABLE IF NOT EXISTS post_revisions (
        cluster  TEXT NOT NULL,
        number   INTEGER NOT NULL,
        markdown TEXT NOT NULL,
        origin   TEXT NOT NULL,
        saved_at TEXT NOT NULL,
        PRIMARY KEY (cluster, number)
      );
      CREATE TABLE IF NOT EXISTS restorations (
        document    TEXT NOT NULL,
        removal     INTEGER NOT NULL,
        text        TEXT NOT NULL,
        restored_at TEXT NOT NULL,
        PRIMARY KEY (document, removal)
      );`);
  }

  revisions(cluster: string): Revision[] {
    return (this.db.prepare('SELECT * FROM post_revisions WHERE cluster = ? ORDER BY number').all(cluster) as Record<string, string | number>[])
      .map((r) => ({
        cluster: r.cluster as string, number: r.number as number, markdown: r.markdown as string,
        origin: r.origin as RevisionOrigin, savedAt: r.saved_at as string,
      }));
  }

  latestRevision(cluster: string): Revision | null {
    return this.revisions(cluster).at(-1) ?? null;
  }

  saveRevision(cluster: string, markdown: string, origin: RevisionOrigin, at = new Date()): Revision {
    return this.db.transaction(() => {
      const number = ((this.db.prepare('SELECT max(number) FROM post_revisions WHERE cluster = ?').pluck().get(cluster) as number | null) ?? 0) + 1;
      const savedAt = at.toISOString();
      this.db.prepare('INSERT INTO post_revisions (cluster, number, markdown, origin, saved_at) VALUES (?, ?, ?, ?, ?)')
        .run(cluster, number, markdown, origin, savedAt);
      return { cluster, number, markdown, origin, savedAt };
    }).immediate();
  }

  restorations(document: string): Restoration[] {
    return (this.db.prepare('SELECT * FROM restorations WHERE document = ? ORDER BY restored_at, removal').all(document) as Record<string, string | number>[])
      .map((r) => ({ document: r.document as string, removal: r.removal as number, text: r.text as string, restoredAt: r.restored_at as string }));
  }

  /** Records a restoration; false when that line was already restored. */
  restore(document: string, removal: number, text: string, at = new Date()): boolean {
    const result = this.db.prepare('INSERT OR IGNORE INTO restorations (document, removal, text, restored_at) VALUES (?, ?, ?, ?)')
      .run(document, removal, text, at.toISOString());
    return result.changes > 0;
  }
}
