import {observationsParquet} from "../../data-loaders/observations.ts";

process.stdout.write(await observationsParquet());
