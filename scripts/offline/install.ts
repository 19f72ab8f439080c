import {installOfflineFetch} from "./npmFromNodeModules.ts";

installOfflineFetch();
