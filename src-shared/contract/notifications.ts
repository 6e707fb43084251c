import { z } from 'zod';
import { operation } from './define';
import { idSchema } from './users';

export const notificationSchema = z.object({
  id: idSchema,
  /** Also the i18n key suffix: `notification.<kind>`. */
  kind: z.string(),
  entity: z.string(),
  entityId: z.number().int(),
  params: z.record(z.string(), z.union([z.string(), z.number()])),
  createdAt: z.string(),
  readAt: z.string().nullable(),
});
export type Notification = z.infer<typeof notificationSchema>;

export const notificationsContract = {
  'notifications.list': operation({
    input: z
      .object({ unreadOnly: z.boolean().default(false), limit: z.number().int().min(1).max(200).default(50), afterId: idSchema.optional() })
      .strict(),
    output: z.object({ items: z.array(notificationSchema), unread: z.number().int() }),
    access: 'signedIn',
  }),
  'notifications.markRead': operation({
    input: z.object({ ids: z.array(idSchema).max(500).optional(), all: z.boolean().optional() }).strict(),
    output: z.object({ unread: z.number().int() }),
    access: 'signedIn',
  }),
};
