import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createApiClient } from './api/client';
import { pickTransport } from './api/transport';
import { AppProviders } from './app/AppProviders';
import { Gate } from './app/Gate';

const root = document.getElementById('root');
if (!root) throw new Error('index.html lacks #root');

createRoot(root).render(
  <StrictMode>
    <AppProviders client={createApiClient(pickTransport())}>
      <Gate />
    </AppProviders>
  </StrictMode>,
);
