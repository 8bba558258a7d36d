import { createContext, useContext } from 'react';
import type { ClientApi } from './client-api';

export const ApiContext = createContext<ClientApi | null>(null);

/** For calls whose result must stay out of the store (a revealed token). */
export function useApi(): ClientApi {
  const api = useContext(ApiContext);
  if (!api) throw new Error('ApiContext is missing');
  return api;
}
