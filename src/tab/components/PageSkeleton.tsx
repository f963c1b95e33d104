// What shows while a view loads: the shape of the page (heading and rows), so nothing jumps when it arrives.
import { Skeleton, SkeletonItem } from "@fluentui/react-components";
import { Page } from "./Page.tsx";

/** Placeholder rows in the page's layout. */
export function PageSkeleton(props: { title?: string; rows?: number }) {
  const rows = Array.from({ length: props.rows ?? 5 }, (_, i) => i);
  return (
    <Page title={props.title ?? "Loading…"} busy>
      <Skeleton aria-label="Loading">
        {rows.map((row) => (
          <SkeletonItem key={row} size={48} style={{ marginBottom: 12 }} />
        ))}
      </Skeleton>
    </Page>
  );
}
