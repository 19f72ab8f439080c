import {defineConfig} from "vitest/config";

// Components import packages as Framework serves them ("npm:…"); in Node they are the installed
// packages. Browser tests read some components' pure parts too (takeAway.ts, figureImage.ts).
const alias = {
  "npm:htl": "htl",
  "npm:d3": "d3",
  "npm:@observablehq/plot": "@observablehq/plot",
  "npm:apache-arrow": "apache-arrow",
  "npm:fflate": "fflate",
  "npm:zod": "zod",
  "npm:markdown-it": "markdown-it"
};

export default defineConfig({
  test: {
    // Two cores: one test file at a time keeps a Chromium and a build from fighting for them.
    // (Running the unit files beside the browser files, in two pools, was tried on 3 December:
    // 1,063 s against about 1,040 s in one lane. The builds and Chromium both want the CPU.)
    fileParallelism: false,
    projects: [
      {
        resolve: {alias},
        test: {name: "unit", include: ["tests/**/*.test.ts"], exclude: ["tests/browser/**"], testTimeout: 60_000}
      },
      {
        resolve: {alias},
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
