import type { z } from 'zod';
import { authContract, setupContract } from './auth';
import { followUpsContract } from './followups';
import { funnelContract } from './funnel';
import { officeContract } from './office';
import { registrationsContract } from './registrations';
import { reportContract } from './report';
import { reviewContract } from './review';
import { notificationsContract } from './notifications';
import { auditContract } from './audit';
import { importContract } from './import';
import { systemContract } from './system';
import { usersContract } from './users';

export const contract = {
  ...setupContract,
  ...authContract,
  ...usersContract,
  ...systemContract,
  ...officeContract,
  ...registrationsContract,
  ...followUpsContract,
  ...funnelContract,
  ...reviewContract,
  ...notificationsContract,
  ...auditContract,
  ...importContract,
  ...reportContract,
};

export type Contract = typeof contract;
export type OperationName = keyof Contract;
export type InputOf<K extends OperationName> = z.input<Contract[K]['input']>;
export type ParsedInputOf<K extends OperationName> = z.output<Contract[K]['input']>;
export type OutputOf<K extends OperationName> = z.output<Contract[K]['output']>;

export const operationNames = Object.keys(contract) as OperationName[];
export const isOperationName = (name: unknown): name is OperationName =>
  typeof name === 'string' && Object.prototype.hasOwnProperty.call(contract, name);

/** Areas of data the change feed reports, so screens refetch only what moved. */
export const areas = ['users', 'registrations', 'reviews', 'pool', 'followups', 'settings', 'audit', 'notifications'] as const;
export type Area = (typeof areas)[number];
export const isArea = (name: string): name is Area => (areas as readonly string[]).includes(name);

export interface EventMap {
  'db.changed': { areas: Area[] };
  'db.health': { state: 'ok' | 'busy' | 'unavailable'; key?: string };
  /** How far an import run has come; `importId` is the one its caller chose. */
  'import.progress': { importId: string; done: number; total: number };
  'app.open': { hash: string }; // Electron → renderer: a desktop notification was clicked; show this hash route
}
export type EventName = keyof EventMap;

export * from './define';
export * from './errors';
export * from './users';
export * from './auth';
export * from './system';
export * from './office';
export * from './registrations';
export * from './followups';
export * from './funnel';
export * from './review';
export * from './report';
export * from './notifications';
export * from './audit';
export * from './import';
