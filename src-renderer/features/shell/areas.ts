import { AuditOutlined, FormOutlined, FunnelPlotOutlined, GlobalOutlined, ProfileOutlined, SettingOutlined } from '@ant-design/icons';
import type { ComponentType } from 'react';

/** The app's areas, in navigation order; each is a page at `#/<area>`. */
export const appAreas = ['register', 'myOpportunities', 'review', 'pool', 'funnel', 'settings'] as const;
export type AppArea = (typeof appAreas)[number];

export const areaIcons: Record<AppArea, ComponentType> = {
  register: FormOutlined,
  myOpportunities: ProfileOutlined,
  review: AuditOutlined,
  pool: GlobalOutlined,
  funnel: FunnelPlotOutlined,
  settings: SettingOutlined,
};
