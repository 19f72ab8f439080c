import {referenceRows} from "../../../scripts/bench/reference.ts";

process.stdout.write(JSON.stringify(await referenceRows()));
