import './zod-jitless';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createClientApi } from './api';
import { ApiContext } from './api-context';
import { App } from './components/App';
import { ErrorBoundary } from './components/ErrorBoundary';
import { createAppStore, startStore } from './store';
import { StoreContext } from './store/hooks';
import './styles.css';

const api = createClientApi();
const store = createAppStore(api);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ApiContext.Provider value={api}>
      <StoreContext.Provider value={store}>
        <ErrorBoundary>
          <App />
        </ErrorBoundary>
      </StoreContext.Provider>
    </ApiContext.Provider>
  </StrictMode>,
);

void startStore(store, api).then(() => {
  // An explicit "ready" marker for end-to-end tests and the demo (instead of waiting for time to pass).
  document.documentElement.dataset.ready = 'true';
});
