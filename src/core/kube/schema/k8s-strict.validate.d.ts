/** Types for the generated ajv standalone validator (k8s-strict.validate.js). */
import type { ErrorObject } from 'ajv';

export interface StrictValidate {
  (data: unknown): boolean;
  errors?: ErrorObject[] | null;
}

export const validate: StrictValidate;
export default validate;
