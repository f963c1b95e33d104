// What the SRO posts page shows: every post on the site (holder and delegate), the directory to pick new
// holders and delegates from (Graph's /users, as an import reads it), and which posts have no holder or a
// holder who has left the directory: those Graph's /users no longer lists (their /users/{upn} would answer
// 404), found in the one directory read rather than a request per holder. The directory is read beside the
// posts; if Graph cannot be read the posts still show, with the reason, and nobody is said to have left.
import { loadDirectoryWith, type DirectoryPerson } from "../../../../notify/directory.ts";
import { withOwnWarnings, type DataContext } from "../../../../sharepoint/core/index.ts";
import type { SroPostRecord } from "../../../../sharepoint/plans/index.ts";
import { loadSroPosts, postProblems, type PostProblems } from "../../../../sharepoint/posts/index.ts";
import { useDataContext, useGraphAccess } from "../../../lib/data.tsx";
import { describeError } from "../../../lib/describe-error.ts";
import { useRemote } from "../../../lib/use-remote.ts";

export interface PostsData {
  posts: SroPostRecord[];
  people: DirectoryPerson[];
  problems: PostProblems;
  /** Why the directory could not be read (then nobody can be picked and no holder is known to have left). */
  directoryFailure: string | null;
}

interface Graph {
  baseUrl: string;
  getToken: () => Promise<string>;
}

async function loadPosts(base: DataContext, graph: Graph): Promise<PostsData> {
  const ctx = withOwnWarnings(base);
  const [posts, people] = await Promise.all([
    loadSroPosts(ctx),
    loadDirectoryWith(graph).then(
      (found) => ({ found, failure: null }),
      (error: unknown) => ({ found: [] as DirectoryPerson[], failure: describeError(error) }),
    ),
  ]);
  const listed = new Set(people.found.map((p) => p.upn));
  const problems = await postProblems(posts, (upn) =>
    Promise.resolve(people.failure !== null || listed.has(upn.toLowerCase())),
  );
  return { posts, people: people.found, problems, directoryFailure: people.failure };
}

/** The site's SRO posts with the directory and the posts' problems. */
export function usePosts() {
  const ctx = useDataContext();
  const { config, getGraphToken } = useGraphAccess();
  // Against the sandbox (its configuration names its clock) the sandbox's own Graph, as an import does.
  const baseUrl = config.clockUrl === undefined ? config.graphUrl : `${new URL(config.siteUrl).origin}/graph`;
  return useRemote("manage-posts", () => loadPosts(ctx, { baseUrl, getToken: getGraphToken }));
}
