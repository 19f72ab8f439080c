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
    // Two cores, two lanes: one file at a time in each project, the two projects side by side.
    // Vitest runs the files of different pools at once, so the unit files (worker threads) run
    // beside the browser files (child processes): a browser file mostly waits on Chromium, and
    // the unit files' builds fill that time (the suite took 1,110 s in one lane).
    fileParallelism: false,
    projects: [
      {
        resolve: {alias},
        test: {name: "unit", include: ["tests/**/*.test.ts"], exclude: ["tests/browser/**"], testTimeout: 60_000, pool: "threads"}
      },
      {
        resolve: {alias},
        test: {
          name: "browser",
          pool: "forks",
          include: ["tests/browser/**/*.test.ts"],
          globalSetup: ["tests/browser/globalSetup.ts"],
          testTimeout: 120_000,
          hookTimeout: 300_000
        }
      }
    ]
  }
});
