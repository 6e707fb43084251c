import { render } from '@testing-library/react';
import { createApiClient } from '../api/client';
import { AppProviders } from '../app/AppProviders';
import { Gate } from '../app/Gate';
import { type FakeHandlers, fakeTransport } from './fake-transport';

/** The whole renderer, as main.tsx mounts it, over a fake transport. */
export function renderApp(handlers: FakeHandlers) {
  const fake = fakeTransport(handlers);
  const view = render(
    <AppProviders client={createApiClient(fake.transport)}>
      <Gate />
    </AppProviders>,
  );
  return { ...fake, view };
}
