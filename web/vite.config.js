// Builds the dashboard into static files for `samenzicht serve --static DIR`.
// SZ_WEB_OUT names the output folder (CMake passes build/web); the default is web/dist.
import { defineConfig } from "vite";
import path from "node:path";

export default defineConfig({
  base: "/",
  build: {
    outDir: process.env.SZ_WEB_OUT ? path.resolve(process.env.SZ_WEB_OUT) : "dist",
    emptyOutDir: true,
    target: "es2022",
    // One script and one stylesheet: the server's CSP allows only 'self', and a small dashboard
    // loads faster in one request than in many.
    cssCodeSplit: false,
    modulePreload: { polyfill: false },
    reportCompressedSize: true,
  },
});
