// The "Change" menu of an item in a list (a post, an action): each choice opens its form in place, under the
// item; a choice that does not apply to the item is left out rather than shown disabled.
import { Menu, MenuButton, MenuItem, MenuList, MenuPopover, MenuTrigger } from "@fluentui/react-components";
import type { ReactNode } from "react";

export interface MenuChoice<T> {
  value: T;
  label: ReactNode;
  /** False to leave it out. */
  shown?: boolean;
}

/** A small "Change" button, named `label` for screen readers, whose menu calls `onChoose` with the choice. */
export function ChangeMenu<T extends string>(props: {
  label: string;
  /** The button's data-focus-key, for putting focus back on it when a form closes. */
  focusKey?: string;
  choices: readonly MenuChoice<T>[];
  onChoose: (value: T) => void;
}) {
  return (
    <Menu>
      <MenuTrigger disableButtonEnhancement>
        <MenuButton size="small" aria-label={props.label} data-focus-key={props.focusKey}>
          Change
        </MenuButton>
      </MenuTrigger>
      <MenuPopover>
        <MenuList>
          {props.choices
            .filter((choice) => choice.shown !== false)
            .map((choice) => (
              <MenuItem
                key={choice.value}
                onClick={() => {
                  props.onChoose(choice.value);
                }}
              >
                {choice.label}
              </MenuItem>
            ))}
        </MenuList>
      </MenuPopover>
    </Menu>
  );
}
