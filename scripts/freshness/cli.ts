// `npm run build` runs this before `observable build`: loaders whose dependencies changed
// since their snapshot was made lose the snapshot, so the build runs them again.
import {freshen} from "./freshen.ts";

const reports = await freshen(process.cwd(), {mode: "build"});
const reused = reports.filter((r) => r.status === "fresh").length;
process.stderr.write(`freshness: ${reused} of ${reports.length} snapshots unchanged and reused\n`);
