import { defineConfig } from "vitest/config";

// Built into the frontend's web root, which the frontend serves (scripts/build-web.sh runs this).
export default defineConfig({
  build: {
    outDir: "../Sunderfall.Frontend/wwwroot",
    emptyOutDir: true,
    sourcemap: false,
    // Two pages: the game (index.html) and the operator console (console.html, served at /console).
    rollupOptions: {
      input: { main: "index.html", console: "console.html" },
    },
  },
  server: {
    // `npm run dev` against a frontend on :8080 (./run.sh).
    proxy: {
      "/api": "http://127.0.0.1:8080",
      "/hubs": { target: "ws://127.0.0.1:8080", ws: true },
    },
  },
  test: {
    include: ["test/**/*.test.ts"],
  },
});
