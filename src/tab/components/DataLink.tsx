// A link whose address comes from data (an evidence link typed into SharePoint): a link only when it is an
// https address (or http to the local sandbox), else the address as plain text with a word on why, so a
// `javascript:` or `data:` address written over REST can never run from the tab.
import { Link, Text } from "@fluentui/react-components";
import { useMemo, type ReactNode } from "react";
import { httpToSandboxOf, safeHref } from "../../lib/safe-link.ts";
import { useSiteUrl } from "../lib/data.tsx";

/** `children` linking to `address` in a new tab when it is safe; otherwise the address shown as text. */
export function DataLink(props: { address: string; children: ReactNode }) {
  const siteUrl = useSiteUrl();
  // None against a tenant; the sandbox's own origin against the local sandbox (safe-link.ts holds the rule).
  const allowance = useMemo(() => httpToSandboxOf(siteUrl), [siteUrl]);
  const href = safeHref(props.address, allowance);
  if (href === null)
    return (
      <Text as="p" size={200} style={{ margin: 0, overflowWrap: "anywhere" }} data-unlinked-address="">
        {props.children} (not linked: only addresses starting with https:// are opened from here):{" "}
        {props.address}
      </Text>
    );
  return (
    <Link href={href} target="_blank" rel="noopener noreferrer">
      {props.children}
    </Link>
  );
}
