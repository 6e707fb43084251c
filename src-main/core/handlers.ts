import type { Handlers } from './handler';
import { authHandlers } from './services/auth/handlers';
import { officeHandlers } from './services/office/handlers';
import { setupHandlers } from './services/setup/handlers';
import { systemHandlers } from './services/system/handlers';
import { usersHandlers } from './services/users/handlers';

/** Every operation of the contract, one handler each; `satisfies` makes a missing one a type error. */
export const handlers = {
  ...setupHandlers,
  ...authHandlers,
  ...usersHandlers,
  ...systemHandlers,
  ...officeHandlers,
} satisfies Handlers;
