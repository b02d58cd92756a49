import { z } from 'zod';
import { caseSchema } from '../case/schema';
import { pathKeys } from '../case/variants';

/** The parts of a JSON Schema node that lead to a field's description. */
interface SchemaNode {
  description?: string;
  properties?: Record<string, SchemaNode>;
  items?: SchemaNode;
  anyOf?: SchemaNode[];
  oneOf?: SchemaNode[];
  allOf?: SchemaNode[];
}

/** The node and every alternative it allows (a union's branches say which fields exist). */
function branches(n: SchemaNode): SchemaNode[] {
  return [n, ...[...(n.anyOf ?? []), ...(n.oneOf ?? []), ...(n.allOf ?? [])].flatMap(branches)];
}

/** The unit a schema description ends with, before its range: "thickness [mm] (must be >= 1)" → mm. */
function unitOf(description: string): string | undefined {
  const text = description.replace(/\s*\(must [^()]*\)\s*$/, '');
  return /\[([^\]]+)\]$/.exec(text)?.[1];
}

/**
 * The unit of the case field at `path` (e.g. `bolts.preload.force` → `N`, `plates.top.thickness` →
 * `mm`) as the case schema states it, or undefined for a dimensionless field, a text field or a
 * path the schema does not know. A path of a union field looks in every branch.
 */
export function caseFieldUnit(path: string): string | undefined {
  let nodes: SchemaNode[] = [z.toJSONSchema(caseSchema, { io: 'input' }) as SchemaNode];
  for (const key of pathKeys(path)) {
    nodes = nodes.flatMap(branches).flatMap((n) => {
      const next = typeof key === 'number' ? n.items : n.properties?.[key];
      return next ? [next] : [];
    });
  }
  for (const n of nodes.flatMap(branches)) {
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
