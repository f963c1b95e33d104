// An action's ref and text as a link to its page: a real address, so it opens with the keyboard, a middle
// click or a screen reader's links list, while a plain click moves inside the tab.
import { Link, Text } from "@fluentui/react-components";
import type { Action } from "../../domain/types.ts";
import { shownText } from "../../lib/bidi.ts";

/** The link to one action; `onOpen` opens the action page. `withRef: false` for a table with its own No. column. */
export function ActionLink(props: {
  action: Pick<Action, "id" | "ref" | "text">;
  onOpen: (actionId: string) => void;
  withRef?: boolean;
}) {
  const { action } = props;
  return (
    <Link
      href={`?actionId=${action.id}`}
      onClick={(event) => {
        event.preventDefault();
        props.onOpen(action.id);
      }}
    >
      {props.withRef === false ? null : (
        <>
          <Text weight="semibold">{shownText(action.ref)}</Text>{" "}
        </>
      )}
      {shownText(action.text)}
    </Link>
  );
}
