import { useMemo, useState } from 'react';
import type { FormValues } from './form-values';

/** What the form keeps on this PC between saves: the values, and the saved registration they belong to. */
export interface LocalDraft {
  values: FormValues;
  saved: { id: number; version: number } | null;
}

const storageKey = (userId: number, slot: string) => `baobei.registrationDraft.${userId}.${slot}`;

function read(key: string): LocalDraft | null {
  try {
    const text = localStorage.getItem(key);
    return text ? (JSON.parse(text) as LocalDraft) : null;
  } catch {
    // Unreadable (edited by hand, storage disabled): start from the form's own values.
    return null;
  }
}

/**
 * What was typed into a registration form survives a failed save, a crash and a restart: it is kept
 * in this PC's storage, per user (so two people sharing a PC never see each other's) and per form
 * (a new registration, an edit of #id, a claim of a pool customer), until a save succeeds.
 */
export function useLocalDraft(userId: number, slot: string) {
  const key = storageKey(userId, slot);
  // Read once: what was there when the form opened is what it restores.
  const [restored] = useState(() => read(key));
  return useMemo(
    () => ({
      restored,
      keep(draft: LocalDraft) {
        try {
          localStorage.setItem(key, JSON.stringify(draft));
        } catch {
          // Storage full or disabled: the form still works, only without this safety net.
        }
      },
      clear() {
        localStorage.removeItem(key);
      },
    }),
    [key, restored],
  );
}
