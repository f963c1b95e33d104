// A message in words inside the page's layout (a failure, or why something is not there).
import { MessageBar, MessageBarBody, MessageBarTitle } from "@fluentui/react-components";
import type { ReactNode } from "react";
import { Page } from "./Page.tsx";

/** A message bar; `inline` puts it in the current page instead of a page of its own. */
export function Notice(props: {
  title: string;
  intent: "error" | "warning" | "info" | "success";
  children: ReactNode;
  inline?: boolean;
}) {
  const bar = (
    <MessageBar intent={props.intent} layout="multiline" role={props.intent === "error" ? "alert" : "status"}>
      <MessageBarBody>
        <MessageBarTitle>{props.title}</MessageBarTitle> {props.children}
      </MessageBarBody>
    </MessageBar>
  );
  return props.inline === true ? bar : <Page title="Action Plan Tracker">{bar}</Page>;
}
