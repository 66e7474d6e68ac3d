/** Types for the generated ajv standalone validator (k8s-strict.validate.js): self-contained, no ajv at run time. */

/** The shape of one ajv error, as the generated code builds it. */
export interface SchemaError {
  instancePath: string;
  schemaPath: string;
  keyword: string;
  params: Record<string, unknown>;
  message?: string;
}

export interface StrictValidate {
  (data: unknown): boolean;
  errors?: SchemaError[] | null;
}

export const validate: StrictValidate;
export default validate;
