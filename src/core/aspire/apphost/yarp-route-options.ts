/**
 * Options on a YARP route (Aspire.Hosting.Yarp YarpRoute.cs and Transforms/*.cs) as the
 * environment Aspire writes: route properties flattened in upper case (`MATCH__METHODS__0`,
 * `ORDER`), and each transform as YARP's own configuration keys (`TRANSFORMS__<i>__RequestHeader`
 * plus `Set`/`Append`). Options not listed here are reported by the caller.
 */
import type { MethodCall } from './syntax';
import type { Evaluator, Value } from './values';

/** One transform: YARP's keys and values, in order; undefined when an argument is not a constant. */
type Transform = (
  a: (i: number) => string | undefined,
  flag: (i: number, dflt: boolean) => boolean,
) => [string, string | undefined][] | undefined;

const setOrAppend = (append: boolean) => (append ? 'Append' : 'Set');
const bool = (b: boolean) => (b ? 'True' : 'False');

const TRANSFORMS: Record<string, Transform> = {
  WithTransformPathSet: (a) => [['PathSet', a(0)]],
  WithTransformPathPrefix: (a) => [['PathPrefix', a(0)]],
  WithTransformPathRemovePrefix: (a) => [['PathRemovePrefix', a(0)]],
  WithTransformPathRouteValues: (a) => [['PathPattern', a(0)]],
  WithTransformRequestHeader: (a, f) => [
    ['RequestHeader', a(0)],
    [setOrAppend(f(2, true)), a(1)],
  ],
  WithTransformRequestHeaderRemove: (a) => [['RequestHeaderRemove', a(0)]],
  WithTransformQueryValue: (a, f) => [
    ['QueryValueParameter', a(0)],
    [setOrAppend(f(2, true)), a(1)],
  ],
  WithTransformQueryRemoveKey: (a) => [['QueryRemoveParameter', a(0)]],
  WithTransformHttpMethodChange: (a) => [
    ['HttpMethodChange', a(0)],
    ['Set', a(1)],
  ],
  WithTransformCopyRequestHeaders: (_a, f) => [['RequestHeadersCopy', bool(f(0, true))]],
  WithTransformUseOriginalHostHeader: (_a, f) => [['RequestHeaderOriginalHost', bool(f(0, true))]],
};

/** Route properties: method → the key under the route and whether its arguments form a list. */
const PROPERTIES: Record<string, { key: string; list?: boolean }> = {
  WithMatchPath: { key: 'MATCH__PATH' },
  WithMatchMethods: { key: 'MATCH__METHODS', list: true },
  WithMatchHosts: { key: 'MATCH__HOSTS', list: true },
  WithOrder: { key: 'ORDER' },
  WithMaxRequestBodySize: { key: 'MAXREQUESTBODYSIZE' },
};

const text = (v: Value): string | undefined =>
  v.t === 'string' ? v.value : v.t === 'int' ? String(v.value) : undefined;

/**
 * Write `c` (a call on a route) into `set`; false when it is not an option this reader knows or
 * an argument is not a constant. `transforms` is the route's next transform index.
 */
export function routeOption(
  ev: Evaluator,
  c: MethodCall,
  route: { id: string; transforms: number },
  set: (name: string, value: string) => void,
): boolean {
  const prefix = `REVERSEPROXY__ROUTES__${route.id}__`;
  const values = c.args.map((x) => ev.value(x.value));
  const property = PROPERTIES[c.method];
  if (property) {
    const items = property.list ? values.flatMap((v) => (v.t === 'array' ? v.items : [v])) : values.slice(0, 1);
    const strings = items.map(text);
    if (!strings.length || strings.some((s) => s === undefined)) return false;
    if (property.list) strings.forEach((s, i) => set(`${prefix}${property.key}__${i}`, s!));
    else set(`${prefix}${property.key}`, strings[0]!);
    return true;
  }
  const transform = TRANSFORMS[c.method];
  const pairs = transform?.(
    (i) => (values[i] ? text(values[i]) : undefined),
    (i, dflt) => (values[i]?.t === 'bool' ? (values[i] as { value: boolean }).value : dflt),
  );
  if (!pairs || pairs.some(([, v]) => v === undefined)) return false;
  const index = route.transforms++;
  for (const [k, v] of pairs) set(`${prefix}TRANSFORMS__${index}__${k}`, v!);
  return true;
}
