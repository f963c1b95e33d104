export * from "./post-admin.ts";
export * from "./sro-posts.ts";
