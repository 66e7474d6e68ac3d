/**
 * What a condition means when the App Host runs to publish (`aspire publish`/`aspire deploy`):
 * the deployment is the publish-mode app model, so `ExecutionContext.IsPublishMode` is true,
 * `IsRunMode` false and the host environment is not Development. Anything else that cannot be
 * decided statically stays undecided, and the interpreter keeps both branches.
 */

/** A property access whose value publish mode fixes; undefined when it is not one. */
export function publishModeProperty(text: string): boolean | undefined {
  const t = text.replace(/\s+/g, '');
  if (/(^|\.)ExecutionContext\.IsPublishMode$/.test(t) || /(^|\.)executionContext\.isPublishMode$/.test(t)) return true;
  if (/(^|\.)ExecutionContext\.IsRunMode$/.test(t) || /(^|\.)executionContext\.isRunMode$/.test(t)) return false;
  return undefined;
}

/** `builder.Environment.IsDevelopment()` and friends; undefined when not one. */
export function publishModeCall(
  receiverText: string,
  method: string,
  firstArg: string | undefined,
): boolean | undefined {
  if (!/(^|\.)Environment$/.test(receiverText.replace(/\s+/g, ''))) return undefined;
  if (method === 'IsDevelopment') return false;
  if (method === 'IsEnvironment' && firstArg === 'Development') return false;
  return undefined;
}
