import { defineConfig } from "vitest/config";
import { svelte } from "@sveltejs/vite-plugin-svelte";
import { svelteTesting } from "@testing-library/svelte/vite";

// Built into ui/dist, which the Tauri shell embeds (tauri.conf.json: build.frontendDist).
export default defineConfig({
  plugins: [svelte(), svelteTesting()],
  clearScreen: false,
  build: {
    outDir: "dist",
    emptyOutDir: true,
    // One bundle read from disk by the app, never over a network: the editor (TipTap and
    // ProseMirror) makes it larger than a web page's budget, and that is fine here.
    chunkSizeWarningLimit: 1000,
    // Every character outside ASCII written as an escape: a script with one character beyond
    // Latin-1 (a curly quote, an ellipsis) is held by JavaScriptCore as two bytes a character,
    // an ASCII one as one byte (BENCHMARKS.md, "Formatters made once").
    rolldownOptions: { output: { charset: "ascii" } },
  },
  test: {
    environment: "jsdom",
    include: ["src/**/*.test.ts"],
    setupFiles: ["src/test-setup.ts"],
    // The app's own style sheets, for the tests that read what they do (focus mode keeps the
    // text column where it is; the "N new" cue stays in view).
    css: { include: [/app\.css/, /desk-lists\.css/] },
  },
});
