import type { Handlers } from './handler';
import { auditHandlers } from './services/audit/handlers';
import { authHandlers } from './services/auth/handlers';
import { followUpHandlers } from './services/followups/handlers';
import { funnelHandlers } from './services/funnel/handlers';
import { importHandlers } from './services/import/handlers';
import { notificationHandlers } from './services/notifications/handlers';
import { reportHandlers } from './services/report/handlers';
import { reviewHandlers } from './services/review/handlers';
import { officeHandlers } from './services/office/handlers';
import { opportunityHandlers } from './services/opportunities/handlers';
import { protectionHandlers } from './services/protection/handlers';
import { registrationHandlers } from './services/registrations/handlers';
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
  ...registrationHandlers,
  ...protectionHandlers,
  ...followUpHandlers,
  ...opportunityHandlers,
  ...funnelHandlers,
  ...reviewHandlers,
  ...notificationHandlers,
  ...auditHandlers,
  ...importHandlers,
  ...reportHandlers,
} satisfies Handlers;
