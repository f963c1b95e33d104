// SROs the file names that match no post and nobody in the directory: for each, the coordinator picks an
// existing post, a person to hold a new post, or a vacant post to fill later.
import { Field, makeStyles, Select, tokens } from "@fluentui/react-components";
import type { SroChoice, UnmatchedSro } from "../../../import/index.ts";

const useStyles = makeStyles({
  list: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  select: { minWidth: 0, maxWidth: "100%" },
});

const encode = (choice: SroChoice | undefined): string =>
  choice === undefined
    ? ""
    : "post" in choice
      ? `post:${choice.post}`
      : "upn" in choice
        ? `upn:${choice.upn}`
        : "create";

function decode(value: string): SroChoice | undefined {
  if (value === "create") return { create: true };
  if (value.startsWith("post:")) return { post: value.slice(5) };
  if (value.startsWith("upn:")) return { upn: value.slice(4) };
  return undefined;
}

interface Props {
  unmatched: readonly UnmatchedSro[];
  answered: readonly string[];
  choices: Record<string, SroChoice>;
  posts: readonly string[];
  onChoose: (text: string, choice: SroChoice | undefined) => void;
}

/** One select per SRO text to resolve, listing suggestions first, then every post on the site. */
export function SroChoices(props: Props) {
  const styles = useStyles();
  const texts = [...new Set([...props.unmatched.map((u) => u.text), ...props.answered])];
  if (texts.length === 0) return null;
  return (
    <div className={styles.list} role="group" aria-label="SROs to match">
      {texts.map((text) => {
        const unmatched = props.unmatched.find((u) => u.text === text);
        const rows = unmatched?.rows ?? [];
        return (
          <Field
            key={text}
            label={`"${text}"`}
            hint={
              rows.length === 0
                ? undefined
                : `Rows ${rows.slice(0, 10).join(", ")}${rows.length > 10 ? "…" : ""}`
            }
          >
            <Select
              className={styles.select}
              value={encode(props.choices[text])}
              onChange={(_, data) => {
                props.onChoose(text, decode(data.value));
              }}
            >
              <option value="">Choose a post or a person</option>
              {(unmatched?.suggestions ?? []).map((s) => (
                <option key={s.label} value={s.post === undefined ? `upn:${s.upn ?? ""}` : `post:${s.post}`}>
                  Suggested: {s.label}
                </option>
              ))}
              <option value="create">Create the post "{text}", vacant for now</option>
              {props.posts.map((post) => (
                <option key={post} value={`post:${post}`}>
                  Existing post: {post}
                </option>
              ))}
            </Select>
          </Field>
        );
      })}
    </div>
  );
}
