import {eventsParquet} from "../../data-loaders/events.ts";

process.stdout.write(await eventsParquet());
