import {z} from "zod";
import {RELEASE_ID} from "../release.ts";
import {BASES} from "./observation.ts";

/**
 * The metadata.json of a figure's data package (src/components/takeAway.ts writes it, in the
 * reader's browser). A consumer can rely on every field here; `tests/components/takeAway.test.ts`
 * and the browser test of the take-away files validate what the site writes against it.
 */
const date = z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, {error: "a date is YYYY, YYYY-MM or YYYY-MM-DD"});
const address = z.url({protocol: /^https?$/});

export const figurePackageMetadata = z.strictObject({
  format: z.literal("rare-earth-observatory.figure-package"),
  version: z.literal(1),
  created: z.iso.datetime(),
  figure: z.strictObject({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/),
    page: z.string().regex(/^\/[a-z0-9-]*$/),
    title: z.string().min(1),
    subtitle: z.string().min(1).nullable(),
    url: address
  }),
  release: z.strictObject({release_id: z.string().regex(RELEASE_ID), as_of: date}),
  rows: z.number().int().nonnegative(),
  columns: z.array(z.string().min(1)).min(1),
  units: z.array(z.string().min(1)),
  // As the sources label their figures; "scenario" marks a row the reader's own inputs computed
  // (the Magnets and Robotics scenario models), which no source states.
  bases: z.array(z.enum([...BASES, "scenario"])),
  sql: z.string().min(1),
  sources: z.array(
    z.strictObject({
      source_id: z.string().min(1),
      short_name: z.string().min(1),
      title: z.string().min(1),
      publisher: z.string().min(1),
      date,
      url: address.nullable(),
      read_at: address.nullable(),
      licence: z.string().min(1)
    })
  ),
  citation: z.strictObject({text: z.string().min(1), bibtex: z.string().startsWith("@misc{")}),
  files: z.array(z.strictObject({name: z.string().min(1), description: z.string().min(1)})).min(4)
});

export type FigurePackageMetadata = z.infer<typeof figurePackageMetadata>;
