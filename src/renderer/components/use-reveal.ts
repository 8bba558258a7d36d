import { useEffect, useState } from 'react';
import type { AppError } from '../../shared/result';
import { useApi } from '../api-context';

/** The revealed token lives only here, in component state, and goes away when the token or account changes. */
export function useReveal(name: string, fetchedAt: number | undefined) {
  const api = useApi();
  const [value, setValue] = useState<string>();
  const [error, setError] = useState<AppError>();
  const [loading, setLoading] = useState(false);
  useEffect(() => {
    setValue(undefined);
    setError(undefined);
  }, [name, fetchedAt]);

  async function toggle() {
    if (value !== undefined) return setValue(undefined);
    setLoading(true);
    const result = await api.revealToken({ name });
    setLoading(false);
    if (result.ok) {
      setValue(result.value.accessToken);
      setError(undefined);
    } else setError(result.error);
  }
  return { value, error, loading, toggle };
}
