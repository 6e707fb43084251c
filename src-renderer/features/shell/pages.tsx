import type { ComponentType } from 'react';
import type { SessionUser } from '../../../src-shared/contract';
import { FunnelPage } from '../funnel/FunnelPage';
import { OpportunitiesPage } from '../opportunities/OpportunitiesPage';
import { PoolPage } from '../pool/PoolPage';
import { RegisterPage } from '../registration/RegisterPage';
import { ReviewPage } from '../review/ReviewPage';
import { SettingsPage } from '../settings/SettingsPage';
import type { AppArea } from './areas';

/** The page of each area; an area without one shows "coming soon". One line per feature. */
export const areaPages: Partial<Record<AppArea, ComponentType<{ user: SessionUser }>>> = {
  register: RegisterPage,
  myOpportunities: OpportunitiesPage,
  review: ReviewPage,
  pool: PoolPage,
  funnel: FunnelPage,
  settings: SettingsPage,
};
