import { z } from 'zod';
import { stripInvisible } from '../text/invisible';

export const maxCustomerNameCharacters = 100;

/**
 * The customer's name as the user wrote it (company or person), minus invisible characters and extra
 * whitespace; a name of only zero-width characters is empty. Comparison keys come from the conflict
 * normalization, not from this stored form.
 */
export const customerNameSchema = z
  .string({ error: 'v.required' })
  .transform((name) => stripInvisible(name).replace(/\s+/g, ' ').trim())
  .superRefine((name, ctx) => {
    if (!name) ctx.addIssue('v.required');
    else if ([...name].length > maxCustomerNameCharacters) ctx.addIssue('v.tooLong');
  });
