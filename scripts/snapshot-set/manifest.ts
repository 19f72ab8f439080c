// The manifest the snapshot-set step writes last, after every file of the set: the parent
// trusts a staged set only when the manifest is there and every file matches it.
import {z} from "zod";

export const MANIFEST_NAME = "manifest.json";

export const SetFileSchema = z.object({
  /** Where the file is served from, relative to src/: data/observations.parquet, data/initial/index.json. */
  path: z.string().regex(/^data\/[A-Za-z0-9_./-]+\.(parquet|json)$/),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  bytes: z.number().int().nonnegative(),
  /** Rows of a snapshot; results of a first-state file. */
  rows: z.number().int().nonnegative()
});

export const ManifestSchema = z.object({version: z.literal(1), files: z.array(SetFileSchema)});

export type SetFile = z.infer<typeof SetFileSchema>;
export type Manifest = z.infer<typeof ManifestSchema>;
