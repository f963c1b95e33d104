// $select and $expand on the web, fields, users and groups, as SharePoint applies them (list items and lists
// have their own, in item-read.ts and lists.ts): only the properties named come back ("*" is the defaults);
// a property the type does not have is SharePoint's 400, never the whole object, so code that reads what it
// did not select fails here as it would on SharePoint.
import type { SandboxRequest } from "../http.ts";
import type { Entity } from "./format.ts";
import { FIELD_KIND_PROPERTIES } from "./model.ts";

/** The entity types projected here: the web, site users and groups, and every kind of field (SP.Field…). */
export function projectedHere(type: string): boolean {
  return type === "SP.Web" || type === "SP.User" || type === "SP.Group" || type.startsWith("SP.Field");
}

export class ProjectionError extends Error {
  constructor(
    readonly kind: "property" | "expand",
    readonly property: string,
    readonly typeName: string,
  ) {
    super(`${kind} ${property} on ${typeName}`);
  }
}

/**
 * Properties of a field's own kind (a choice column's Choices, a text column's MaxLength): a $select over the
 * fields collection may name them, and the fields of other kinds are written without them.
 */
const OF_A_FIELD_KIND = new Set<string>(FIELD_KIND_PROPERTIES.map((n) => n.toLowerCase()));

const names = (text: string | null): string[] =>
  text === null
    ? []
    : text
        .split(",")
        .map((n) => n.trim())
        .filter(Boolean);

/**
 * The entity under the request's $select and $expand. Navigation properties (a user's Groups, a group's
 * Users) are not modelled by the sandbox, so $expand of any is refused in words rather than ignored.
 */
export function projectEntity(req: Pick<SandboxRequest, "url">, entity: Entity): Entity {
  const query = req.url.searchParams;
  const expand = names(query.get("$expand"));
  if (expand[0] !== undefined) throw new ProjectionError("expand", expand[0], entity.meta.type);
  const select = names(query.get("$select"));
  if (select.length === 0 || select.includes("*")) return entity;
  const byLower = new Map(Object.keys(entity.props).map((k) => [k.toLowerCase(), k]));
  const props: Record<string, unknown> = {};
  for (const name of select) {
    const key = byLower.get(name.toLowerCase());
    const ofAnotherKind = entity.meta.type.startsWith("SP.Field") && OF_A_FIELD_KIND.has(name.toLowerCase());
    if (key === undefined && ofAnotherKind) continue;
    if (key === undefined || name.includes("/"))
      throw new ProjectionError("property", name, entity.meta.type);
    props[key] = entity.props[key];
  }
  return { meta: entity.meta, props };
}
