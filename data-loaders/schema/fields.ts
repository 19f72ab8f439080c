import {z} from "zod";

/** Field schemas shared by the record schemas. Messages are what a person reads next to file:line. */

export const slug = (column: string) =>
  z.string().regex(/^[a-z0-9][a-z0-9._-]*$/, {error: (issue) => `${column} "${String(issue.input)}" must be lower-case letters, digits, ".", "_" or "-"`});

export const required = (column: string) => z.string().min(1, {error: `${column} is empty`});

export const optionalText = z.string().transform((text) => (text === "" ? null : text));

export const oneOf = <const T extends readonly [string, ...string[]]>(column: string, values: T) =>
  z.string().refine((text): text is T[number] => (values as readonly string[]).includes(text), {
    error: (issue) => `${column} "${String(issue.input)}" is not one of ${values.join(", ")}`
  }) as unknown as z.ZodType<T[number], string>;

export const optionalOneOf = <const T extends readonly [string, ...string[]]>(column: string, values: T) =>
  z
    .string()
    .refine((text) => text === "" || (values as readonly string[]).includes(text), {
      error: (issue) => `${column} "${String(issue.input)}" is not one of ${values.join(", ")} (or empty)`
    })
    .transform((text) => (text === "" ? null : (text as T[number])));

/** A plain decimal number as written in the source (no thousands separators, no units), or empty. */
export const optionalNumber = (column: string) =>
  z
    .string()
    .refine((text) => text === "" || /^-?\d+(\.\d+)?$/.test(text), {
      error: (issue) => `${column} "${String(issue.input)}" is not a plain number (digits, optional "-" and ".")`
    })
    // More digits than a double holds would be stored rounded, or (400 digits) as no value at all.
    .refine((text) => !/^-?\d+(\.\d+)?$/.test(text) || text.replace(/^-?0*|\./g, "").replace(/0+$/, "").length <= 15, {
      error: (issue) => `${column} "${String(issue.input).slice(0, 20)}${String(issue.input).length > 20 ? "..." : ""}" has more than 15 significant digits and cannot be stored exactly`
    })
    .transform((text) => (text === "" ? null : Number(text)));

/** Turns zod issues into plain sentences, one per problem. */
export function issueMessages(error: z.ZodError): string[] {
  return error.issues.map((issue) => issue.message);
}
