// What the built site may weigh (issue #16): no file over a static host's 25 MiB per-file cap
// (Cloudflare Pages'), and the whole of dist/ within a budget. tests/browser/offline.test.ts
// holds the build to both; docs/deploying.md has the measured sizes.
export const MAX_FILE_BYTES = 25 * 1024 * 1024;
export const MAX_SITE_BYTES = 20_000_000;
