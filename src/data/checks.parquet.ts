import {checksParquet} from "../../data-loaders/checks.ts";

process.stdout.write(await checksParquet());
