import {defineConfig} from "vitest/config";

export default defineConfig({
  test: {
    // Two cores: one test file at a time keeps a Chromium and a build from fighting for them.
    fileParallelism: false,
    projects: [
      {
        // Components import htl as Framework serves it ("npm:htl"); in Node it is the installed package.
        resolve: {alias: {"npm:htl": "htl"}},
        test: {name: "unit", include: ["tests/**/*.test.ts"], exclude: ["tests/browser/**"], testTimeout: 60_000}
      },
      {
        test: {
          name: "browser",
          include: ["tests/browser/**/*.test.ts"],
          globalSetup: ["tests/browser/globalSetup.ts"],
          testTimeout: 120_000,
          hookTimeout: 300_000
        }
      }
    ]
  }
});
