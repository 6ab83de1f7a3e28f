import { useCallback, useEffect, useMemo, useState } from 'react';
import type { Settings } from '../../utils/domain/settings';
import { sendMessage } from '../../utils/message-client';
import { settingsPatch, validateSettings, type FieldErrors } from '../../utils/view/settings-form';

export interface SettingsForm {
  saved: Settings | null;
  draft: Settings | null;
  locked: ReadonlySet<keyof Settings>;
  errors: FieldErrors;
  dirty: boolean;
  saving: boolean;
  /** Why loading or saving failed, in words. */
  problem: string | null;
  /** Set after a successful save, for the polite announcement. */
  savedAt: number | null;
  update: (change: (draft: Settings) => Settings) => void;
  save: () => Promise<void>;
  reset: () => void;
}

/** The options form: saved settings from the background, a draft, validation, and saving. */
export function useSettingsForm(): SettingsForm {
  const [saved, setSaved] = useState<Settings | null>(null);
  const [draft, setDraft] = useState<Settings | null>(null);
  const [locked, setLocked] = useState<ReadonlySet<keyof Settings>>(new Set());
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [savedAt, setSavedAt] = useState<number | null>(null);

  useEffect(() => {
    let alive = true;
    sendMessage('settings.get', {}).then(
      (view) => {
        if (!alive) return;
        setSaved(view.settings);
        setDraft(view.settings);
        setLocked(new Set(view.locked));
      },
      (reason: unknown) => alive && setProblem(`Settings could not be loaded: ${reason instanceof Error ? reason.message : String(reason)}`),
    );
    return () => {
      alive = false;
    };
  }, []);

  const errors = useMemo(() => (draft ? validateSettings(draft) : {}), [draft]);
  const patch = useMemo(() => (saved && draft ? settingsPatch(saved, draft) : {}), [saved, draft]);
  const dirty = Object.keys(patch).length > 0;

  const update = useCallback((change: (draft: Settings) => Settings) => {
    setDraft((current) => (current ? change(structuredClone(current)) : current));
    setSavedAt(null);
  }, []);

  const save = useCallback(async () => {
    if (!dirty || Object.keys(errors).length > 0) return;
    setSaving(true);
    setProblem(null);
    try {
      // Locked fields are never sent: the policy owns them.
      const unlocked = Object.fromEntries(Object.entries(patch).filter(([key]) => !locked.has(key as keyof Settings)));
      const view = await sendMessage('settings.update', { patch: unlocked });
      setSaved(view.settings);
      setDraft(view.settings);
      setLocked(new Set(view.locked));
      setSavedAt(Date.now());
    } catch (reason) {
      setProblem(`Not saved: ${reason instanceof Error ? reason.message : String(reason)}`);
    } finally {
      setSaving(false);
    }
  }, [dirty, errors, patch, locked]);

  const reset = useCallback(() => setDraft(saved), [saved]);

  return { saved, draft, locked, errors, dirty, saving, problem, savedAt, update, save, reset };
}
