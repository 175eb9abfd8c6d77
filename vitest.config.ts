import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts"],
    testTimeout: 60_000,
    hookTimeout: 180_000,
    // Test files run in parallel, one worker per core. The notebook and browser tests start Jupyter
    // kernels and Chromium; within each of those files the cases run one after another.
    fileParallelism: true,
    reporters: ["default"],
  },
});
