// SRO posts: creating one, changing it (title, holder, cover), splitting one written as two.
export { createSroPost, splitSroPost, updateSroPost } from "../../../../sharepoint/posts/index.ts";
