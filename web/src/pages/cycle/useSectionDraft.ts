import { useEffect, useState } from 'react';

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * A worksheet section's draft against the version it was started from. When the cycle changes on
 * the server (the workflow, or another person) and this section is untouched there, the draft just
 * moves to the new version; when the person has not typed anything, it takes the new values. Only
 * when both changed the same section does a save carry the old version, so the API answers 412.
 */
export function useSectionDraft<T>(server: T, version: number) {
  const [base, setBase] = useState({ value: server, version });
  const [draft, setDraft] = useState(server);

  useEffect(() => {
    if (version === base.version) return;
    if (same(server, base.value)) setBase({ value: server, version });
    else if (same(draft, base.value)) {
      setBase({ value: server, version });
      setDraft(server);
    }
    // Otherwise both changed it: keep the old version, and let the save find out.
  }, [version]);

  return {
    draft,
    setDraft,
    baseVersion: base.version,
    dirty: !same(draft, base.value),
    /** After a save, or to take the latest version and drop the draft. */
    reset: (value: T, newVersion: number) => {
      setBase({ value, version: newVersion });
      setDraft(value);
    },
  };
}
