import {defineConfig} from "vitest/config";

export default defineConfig({
  test: {
    projects: [
      {test: {name: "unit", include: ["tests/**/*.test.ts"], exclude: ["tests/browser/**"], testTimeout: 60_000}},
      {
        test: {
          name: "browser",
          include: ["tests/browser/**/*.test.ts"],
          globalSetup: ["tests/browser/globalSetup.ts"],
          testTimeout: 120_000,
          hookTimeout: 300_000,
          // Two cores: one Chromium at a time keeps timings honest and the machine responsive.
          fileParallelism: false
        }
      }
    ]
  }
});
