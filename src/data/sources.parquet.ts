import {sourcesParquet} from "../../data-loaders/sources.ts";

process.stdout.write(await sourcesParquet());
