import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts"],
    testTimeout: 60_000,
    hookTimeout: 180_000,
    // Notebook and browser integration tests start Jupyter kernels and Chromium: keep them serial.
    fileParallelism: true,
    reporters: ["default"],
  },
});
