import { z } from 'zod';
import { caseSchema } from '../case/schema';
import { pathKeys } from '../case/variants';

/** The parts of a JSON Schema node that lead to a field's description. */
interface SchemaNode {
  description?: string;
  /** a literal's value: a union branch's `type` */
  const?: unknown;
  properties?: Record<string, SchemaNode>;
  items?: SchemaNode;
  anyOf?: SchemaNode[];
  oneOf?: SchemaNode[];
  allOf?: SchemaNode[];
}

/**
 * The node and every alternative it allows (a union's branches say which fields exist). Given the
 * value at the node, a branch of another `type` (`strain` beside `thickness`) is left out.
 */
function branches(n: SchemaNode, value?: unknown): SchemaNode[] {
  const type = value && typeof value === 'object' ? (value as { type?: unknown }).type : undefined;
  const alternatives = [...(n.anyOf ?? []), ...(n.oneOf ?? []), ...(n.allOf ?? [])].filter((b) => {
    const own = b.properties?.type?.const;
    return typeof type !== 'string' || own === undefined || own === type;
  });
  return [n, ...alternatives.flatMap((b) => branches(b, value))];
}

/** The unit a schema description ends with, before its range: "thickness [mm] (must be >= 1)" → mm. */
function unitOf(description: string): string | undefined {
  const text = description.replace(/\s*\(must [^()]*\)\s*$/, '');
  return /\[([^\]]+)\]$/.exec(text)?.[1];
}

/**
 * The unit of the case field at `path` (e.g. `bolts.preload.force` → `N`, `plates.top.thickness` →
 * `mm`) as the case schema states it, or undefined for a dimensionless field, a text field or a
 * path the schema does not know. A path of a union field looks in every branch; given the case the
 * path is in (`within`), only in the branch of that case's `type` — `stack.swelling.value` is a
 * strain [-] in a `strain` swelling and a growth [mm] in a `thickness` one.
 */
export function caseFieldUnit(path: string, within?: unknown): string | undefined {
  return unitAt(caseJsonSchema(), path, within);
}

/**
 * `caseFieldUnit` of many paths of one case: the JSON Schema is built once (a few ms), not per path.
 */
export function caseFieldUnits(paths: readonly string[], within?: unknown): (string | undefined)[] {
  const root = caseJsonSchema();
  return paths.map((path) => unitAt(root, path, within));
}

const caseJsonSchema = () => z.toJSONSchema(caseSchema, { io: 'input' }) as SchemaNode;

function unitAt(root: SchemaNode, path: string, within: unknown): string | undefined {
  let nodes: SchemaNode[] = [root];
  let value = within;
  for (const key of pathKeys(path)) {
    const here = value;
    value =
      here && typeof here === 'object' && Object.hasOwn(here, key)
        ? (here as Record<string | number, unknown>)[key]
        : undefined;
    nodes = nodes
      .flatMap((n) => branches(n, here))
      .flatMap((n) => {
        const next = typeof key === 'number' ? n.items : n.properties?.[key];
        return next ? [next] : [];
      });
  }
  for (const n of nodes.flatMap((n) => branches(n, value))) {
    const unit = n.description === undefined ? undefined : unitOf(n.description);
    if (unit) return unit;
  }
  return undefined;
}

/** A CSV header for the case field at `path`: the path, then its unit in brackets when it has one. */
export function caseFieldHeader(path: string): string {
  const unit = caseFieldUnit(path);
  return unit ? `${path} [${unit}]` : path;
}
