import {releaseParquet} from "../../data-loaders/release.ts";

process.stdout.write(await releaseParquet());
