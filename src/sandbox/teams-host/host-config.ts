// What the sandbox tells its Teams host page: the tenant, the Entra app the tab signs in as, the people one
// can sign in as (by role), and where the tab is. Embedded in the page as JSON and parsed with this schema in the browser.
import { z } from "zod";
import { HOST_FRAMES, HOST_SIGN_INS, HOST_THEMES } from "./protocol.ts";

export const HOST_ROLES = ["sro", "coordinator", "viewer"] as const;

export const hostConfigSchema = z.object({
  tenantId: z.string(),
  clientId: z.string(),
  tabUrl: z.string(),
  defaultUpn: z.string(),
  defaultActionId: z.string(),
  people: z.array(
    z.object({
      upn: z.string(),
      id: z.string(),
      displayName: z.string(),
      post: z.string(),
      role: z.enum(HOST_ROLES),
    }),
  ),
});
export type HostConfig = z.infer<typeof hostConfigSchema>;

/** The toolbar's choices, kept in the host page's query so a reload (or a test) can set them. */
export const hostQuerySchema = z.object({
  user: z.string().optional().catch(undefined),
  theme: z.enum(HOST_THEMES).catch("default").default("default"),
  frame: z.enum(HOST_FRAMES).catch("personal").default("personal"),
  width: z.enum(["desktop", "phone"]).catch("desktop").default("desktop"),
  signin: z.enum(HOST_SIGN_INS).catch("naa").default("naa"),
  // The deep link's sub-entity: an action's id, or a plan at some of its actions (`plan:3:12,15`).
  action: z
    .string()
    .regex(/^(?:[1-9]\d{0,9}|plan:[1-9]\d{0,9}:(?:[1-9]\d{0,9},)*(?:[1-9]\d{0,9})?)$/)
    .optional()
    .catch(undefined),
});
export type HostQuery = z.infer<typeof hostQuerySchema>;
