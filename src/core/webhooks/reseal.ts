import type { Db } from '../../db/client.js';
import { isSealed, type SecretBox } from './secret-box.js';
import { listSecrets, type StoredSecrets, storeSecrets } from './webhooks.repo.js';

/** What start-up found among the stored signing secrets. */
export interface ResealReport {
  /** Endpoints whose secrets were stored plain, or sealed by a previous key, and are now sealed by the first. */
  resealed: number;
  /** Endpoints with a sealed secret that no configured key opens: their deliveries fail until one does. */
  unreadable: number;
}

/**
 * Brings every stored signing secret to the configured key: plain ones are sealed once a key is
 * set, and those a previous key sealed are sealed again with the new one, so the previous key can
 * then be dropped. Without a key nothing changes; sealed secrets are counted, since no delivery can
 * be signed with them. The secrets are read without locks (at most starts there is nothing to do,
 * and other instances' senders keep saving their progress); only the rows to seal again are locked,
 * checked again and written, in one transaction.
 */
export async function resealWebhookSecrets(db: Db, box: SecretBox): Promise<ResealReport> {
  const due = (row: StoredSecrets) =>
    [row.secret, row.previousSecret].some(
      (s) => s !== null && (box.sealing ? box.needsResealing(s, row.id) : isSealed(s)),
    );
  const candidates = (await listSecrets(db)).filter(due);
  if (!box.sealing || candidates.length === 0) {
    return { resealed: 0, unreadable: candidates.length };
  }
  return db.transaction(async (tx) => {
    const report: ResealReport = { resealed: 0, unreadable: 0 };
    const reseal = (s: string, id: string) => box.seal(box.open(s, id), id);
    for (const row of await listSecrets(
      tx as unknown as Db,
      candidates.map((r) => r.id),
    )) {
      if (!due(row)) {
        continue;
      }
      try {
        await storeSecrets(tx as unknown as Db, {
          id: row.id,
          secret: reseal(row.secret, row.id),
          previousSecret: row.previousSecret === null ? null : reseal(row.previousSecret, row.id),
        });
        report.resealed += 1;
      } catch {
        // Sealed by a key no longer configured: left as it is, and reported.
        report.unreadable += 1;
      }
    }
    return report;
  });
}
