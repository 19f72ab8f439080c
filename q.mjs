import {DuckDBInstance} from "@duckdb/node-api";
const db = await DuckDBInstance.create(":memory:"); const c = await db.connect();
await c.run(`CREATE VIEW observations AS SELECT * FROM '/work/wt-pr/src/data/observations.parquet'`);
const r = await c.runAndReadAll(process.argv[2]); console.table(r.getRowObjectsJS());
