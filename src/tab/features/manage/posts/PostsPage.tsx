// The site's SRO posts (`?view=posts`): each with its holder and delegate, which have no holder and which
// holders have left the directory, a new post, and each post's changes (rename, new holder, delegate,
// split). Posts are the site's, shared by its plans; `planId` only keeps the way back to the plan.
import {
  Body1,
  Button,
  Field,
  Input,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Subtitle1,
  tokens,
} from "@fluentui/react-components";
import { useRef, useState } from "react";
import type { SroPostRecord } from "../../../../sharepoint/plans/index.ts";
import { createSroPost } from "../api/index.ts";
import { Notice } from "../../../components/Notice.tsx";
import { Page } from "../../../components/Page.tsx";
import { PageSkeleton } from "../../../components/PageSkeleton.tsx";
import { useToday } from "../../../lib/data.tsx";
import { describeError } from "../../../lib/describe-error.ts";
import { CoordinatorsOnly } from "../CoordinatorsOnly.tsx";
import { ManageForm } from "../ManageForm.tsx";
import { ManageLinks, type ManageNav } from "../ManageLinks.tsx";
import { PersonPicker } from "./PersonPicker.tsx";
import { PostItem } from "./PostItem.tsx";
import { usePosts, type PostsData } from "./use-posts.ts";
import { useCoordinatorWrite } from "../../../lib/use-coordinator-write.ts";

const useStyles = makeStyles({
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  list: { margin: 0, padding: 0, listStyleType: "none" },
});

function NewPostForm(props: {
  data: PostsData;
  onCreated: (post: SroPostRecord) => void;
  onCancel: () => void;
}) {
  const [title, setTitle] = useState("");
  const [holder, setHolder] = useState("");
  const [problem, setProblem] = useState<string | undefined>();
  const write = useCoordinatorWrite("create SRO posts");
  const ref = useRef<HTMLInputElement>(null);
  async function save() {
    const wanted = title.trim();
    setProblem(wanted === "" ? "Give the post a title, e.g. 'Director of Place'." : undefined);
    if (wanted === "") return ref.current?.focus();
    const post = await write.run((ctx) =>
      createSroPost(ctx, { title: wanted, holderUpn: holder === "" ? null : holder }),
    );
    if (post !== undefined) props.onCreated(post);
  }
  return (
    <ManageForm
      title="New SRO post"
      name="new-post"
      level="h3"
      onSubmit={() => void save()}
      failure={write.failure === null ? null : `The post was not created. ${write.failure}`}
      saving={write.saving}
      button={{ label: "Create post", savingLabel: "Creating…" }}
      extra={<Button onClick={props.onCancel}>Cancel</Button>}
    >
      <Field
        label="Title"
        required
        validationMessage={problem}
        hint="The post, not the person: e.g. 'Director of Place'."
      >
        <Input
          ref={ref}
          name="newPostTitle"
          value={title}
          onChange={(_, d) => {
            setTitle(d.value);
          }}
        />
      </Field>
      <PersonPicker
        label="Holder"
        name="newPostHolder"
        people={props.data.people}
        value={holder}
        problem={undefined}
        hint="Type part of their name, then choose them; leave it empty for a vacant post."
        onChange={setHolder}
      />
    </ManageForm>
  );
}

function Posts(props: { data: PostsData; reload: () => void; replace: (data: PostsData) => void }) {
  const styles = useStyles();
  const today = useToday();
  const [said, setSaid] = useState<string | null>(null);
  const [adding, setAdding] = useState(false);
  const { data } = props;
  // From the posts as they are now (a saved change replaces a post before the page reads them all again):
  // vacant is a post with no holder; a holder who had left has left whichever post they hold.
  const leavers = new Set(
    data.problems.holderLeft.flatMap((p) => (p.holderUpn === null ? [] : [p.holderUpn])),
  );
  const vacantPosts = data.posts.filter((p) => p.holderUpn === null);
  const leftPosts = data.posts.filter((p) => p.holderUpn !== null && leavers.has(p.holderUpn));
  const vacant = new Set(vacantPosts.map((p) => p.id));
  const left = new Set(leftPosts.map((p) => p.id));
  const put = (post: SroPostRecord, message: string) => {
    setSaid(message);
    const posts = [...data.posts.filter((p) => p.id !== post.id), post].sort((a, b) =>
      a.title.localeCompare(b.title),
    );
    props.replace({ ...data, posts });
    props.reload();
  };
  const counts = [
    vacantPosts.length === 1 ? "1 post has no holder" : `${String(vacantPosts.length)} posts have no holder`,
    leftPosts.length === 1
      ? "1 post's holder has left the directory"
      : `${String(leftPosts.length)} posts' holders have left the directory`,
  ];
  return (
    <>
      {data.directoryFailure !== null && (
        <Notice inline intent="warning" title="The directory could not be read.">
          {data.directoryFailure} People cannot be chosen, and holders who have left are not shown, until it
          can.
        </Notice>
      )}
      {said !== null && (
        <MessageBar intent="success" role="status" layout="multiline">
          <MessageBarBody>{said}</MessageBarBody>
        </MessageBar>
      )}
      <Body1 data-post-problems>
        {data.posts.length} {data.posts.length === 1 ? "post" : "posts"}: {counts.join("; ")}.
      </Body1>
      <section className={styles.section} aria-labelledby="new-post-heading">
        <Subtitle1 as="h2" id="new-post-heading">
          Add a post
        </Subtitle1>
        {adding ? (
          <NewPostForm
            data={data}
            onCancel={() => {
              setAdding(false);
            }}
            onCreated={(post) => {
              setAdding(false);
              put(
                post,
                `'${post.title}' was created${post.holderUpn === null ? ", vacant" : `, held by ${post.holderName ?? post.holderUpn}`}.`,
              );
            }}
          />
        ) : (
          <div>
            <Button
              onClick={() => {
                setAdding(true);
              }}
            >
              New SRO post
            </Button>
          </div>
        )}
      </section>
      <section className={styles.section} aria-labelledby="posts-heading">
        <Subtitle1 as="h2" id="posts-heading">
          Posts
        </Subtitle1>
        {data.posts.length === 0 ? (
          <Body1>There are no SRO posts on this site yet.</Body1>
        ) : (
          <ul className={styles.list} aria-labelledby="posts-heading">
            {data.posts.map((post) => (
              <PostItem
                key={post.id}
                post={post}
                people={data.people}
                today={today}
                vacant={vacant.has(post.id)}
                holderLeft={left.has(post.id)}
                onSaved={put}
                onConflict={props.reload}
                onSplit={(message) => {
                  setSaid(message);
                  props.reload();
                }}
              />
            ))}
          </ul>
        )}
      </section>
    </>
  );
}

/** The SRO posts page. */
export function PostsPage(props: { planId: string | null; nav: ManageNav }) {
  const posts = usePosts();
  const title = "SRO posts";
  return (
    <CoordinatorsOnly title={title} what="change SRO posts">
      {posts.data === null ? (
        posts.status === "failed" ? (
          <Notice title="The SRO posts could not be loaded" intent="error">
            {describeError(posts.error)}
          </Notice>
        ) : (
          <PageSkeleton title={title} />
        )
      ) : (
        <Page
          title={title}
          busy={posts.status === "loading"}
          before={<ManageLinks nav={props.nav} planId={props.planId} />}
        >
          <Posts data={posts.data} reload={posts.reload} replace={posts.replace} />
        </Page>
      )}
    </CoordinatorsOnly>
  );
}

export default PostsPage;
