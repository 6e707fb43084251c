import type { z } from 'zod';

export const roles = ['admin', 'reviewer', 'sales'] as const;
export type Role = (typeof roles)[number];

/**
 * Who may call an operation: anyone (sign-in, first-run), any signed-in user, or the listed roles.
 * The dispatcher enforces it before the handler runs; docs/SECURITY.md is generated from it.
 */
export type Access = 'public' | 'signedIn' | readonly Role[];

export interface Operation<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  input: I;
  output: O;
  access: Access;
  /**
   * A public operation that also wants to know who calls, if anyone (auth.session). Other public
   * operations never touch the database for the caller, so sign-out works with the drive gone.
   */
  readsCaller?: boolean;
}

export const operation = <I extends z.ZodType, O extends z.ZodType>(o: Operation<I, O>): Operation<I, O> => o;

export type OperationMap = Record<string, Operation>;
