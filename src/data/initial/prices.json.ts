import {precomputePage} from "../../../data-loaders/precompute.ts";
process.stdout.write(JSON.stringify(await precomputePage("prices")));
