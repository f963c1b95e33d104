// One SRO post in the list: its title, holder and delegate (with the cover's dates), flags for "no holder"
// and "holder has left the directory" in words (never colour alone), and its "Change" menu, whose choice
// opens that form under the post.
import { Badge, makeStyles, tokens } from "@fluentui/react-components";
import { useState } from "react";
import { formatUkDate } from "../../../../domain/index.ts";
import { ChangeMenu } from "../../../components/ChangeMenu.tsx";
import type { SroPostRecord } from "../../../../sharepoint/plans/index.ts";
import { DelegateForm, EndCoverForm, HolderForm, RenamePostForm, type PostFormProps } from "./PostForms.tsx";
import { SplitPostForm } from "./SplitPostForm.tsx";

const useStyles = makeStyles({
  item: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    padding: `${tokens.spacingVerticalS} 0`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  head: { display: "flex", flexWrap: "wrap", alignItems: "center", gap: tokens.spacingHorizontalS },
  title: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  line: { margin: 0 },
});

type Form = "rename" | "holder" | "delegate" | "end-cover" | "split";

function coverWords(post: SroPostRecord, name: (upn: string) => string): string | null {
  if (post.delegateUpn === null) return null;
  const from = post.delegateFrom === null ? "" : ` from ${formatUkDate(post.delegateFrom)}`;
  const to = post.delegateTo === null ? " until further notice" : ` to ${formatUkDate(post.delegateTo)}`;
  return `Delegate: ${name(post.delegateUpn)}${from}${to}.`;
}

export function PostItem(
  props: Omit<PostFormProps, "onCancel"> & {
    vacant: boolean;
    holderLeft: boolean;
    onSplit: (message: string) => void;
  },
) {
  const styles = useStyles();
  const [form, setForm] = useState<Form | null>(null);
  const { post } = props;
  const name = (upn: string) => props.people.find((p) => p.upn === upn.toLowerCase())?.displayName ?? upn;
  const formProps: PostFormProps = {
    ...props,
    onSaved: (saved, message) => {
      setForm(null);
      props.onSaved(saved, message);
    },
    onCancel: () => {
      setForm(null);
    },
  };
  const cover = coverWords(post, name);
  return (
    <li className={styles.item} data-post={post.title}>
      <div className={styles.head}>
        <h3 className={styles.title}>{post.title}</h3>
        {props.vacant && (
          <Badge appearance="tint" color="warning" shape="rounded">
            No holder
          </Badge>
        )}
        {props.holderLeft && (
          <Badge appearance="tint" color="danger" shape="rounded">
            Holder has left the directory
          </Badge>
        )}
        <ChangeMenu
          label={`Change ${post.title}`}
          choices={[
            { value: "rename", label: "Rename" },
            { value: "holder", label: "Give to someone else" },
            {
              value: "delegate",
              label: post.delegateUpn === null ? "Set a delegate" : "Change the delegate",
            },
            { value: "end-cover", label: "End the delegate's cover", shown: post.delegateUpn !== null },
            { value: "split", label: "Split into two posts" },
          ]}
          onChoose={setForm}
        />
      </div>
      <p className={styles.line}>
        {post.holderUpn === null
          ? "Nobody holds this post."
          : `Held by ${post.holderName ?? name(post.holderUpn)} (${post.holderUpn})${props.holderLeft ? ", who is no longer in the organisation's directory: give the post to someone else" : ""}.`}
      </p>
      {cover !== null && <p className={styles.line}>{cover}</p>}
      {form === "rename" && <RenamePostForm {...formProps} />}
      {form === "holder" && <HolderForm {...formProps} />}
      {form === "delegate" && <DelegateForm {...formProps} />}
      {form === "end-cover" && <EndCoverForm {...formProps} />}
      {form === "split" && (
        <SplitPostForm
          {...formProps}
          onSplit={(message) => {
            setForm(null);
            props.onSplit(message);
          }}
        />
      )}
    </li>
  );
}
