// Webpack configuration for the Excel task-pane add-in (ESM: package.json has "type": "module").
//
//   npm run build        -> production bundle in dist/ (no certificates needed)
//   npm run build:dev    -> development bundle in dist/ with source maps
//   npm run dev-server   -> https://localhost:3000 using office-addin-dev-certs
//
// Source maps are off in production unless requested with `--env sourcemap`.
import path from "node:path";
import { fileURLToPath } from "node:url";
import HtmlWebpackPlugin from "html-webpack-plugin";
import CopyWebpackPlugin from "copy-webpack-plugin";
import webpack from "webpack";

const rootDir = path.dirname(fileURLToPath(import.meta.url));
const DEV_SERVER_PORT = 3000;

/**
 * @param {Record<string, unknown>} env   webpack-cli env (WEBPACK_SERVE is set by `webpack serve`)
 * @param {{ mode?: "production" | "development" | "none" }} argv
 * @returns {Promise<import("webpack").Configuration>}
 */
export default async function config(env = {}, argv = {}) {
  const mode = argv.mode ?? "production";
  const isProduction = mode === "production";
  const isServe = Boolean(env.WEBPACK_SERVE);
  const wantSourceMap = !isProduction || Boolean(env.sourcemap);

  /** @type {import("webpack").Configuration} */
  const cfg = {
    mode,
    context: rootDir,
    entry: {
      taskpane: "./src/taskpane/index.tsx",
      "function-file": "./src/function-file/function-file.ts",
    },
    output: {
      path: path.resolve(rootDir, "dist"),
      filename: "[name].js",
      chunkFilename: "[name].js",
      clean: true,
    },
    devtool: wantSourceMap ? "source-map" : false,
    resolve: {
      extensions: [".ts", ".tsx", ".js", ".jsx", ".json"],
      // csv-parse's default ESM entry uses Node's Buffer; its browser bundle carries its own.
      alias: { "csv-parse/sync$": path.resolve(rootDir, "node_modules/csv-parse/dist/esm/sync.js") },
      // Allow ESM-style "./foo.js" specifiers that point at TypeScript sources.
      // pptxgenjs imports node:fs / node:https only when it runs in Node (reading images, writing
      // files); the task pane never takes those paths (see the NormalModuleReplacementPlugin below).
      fallback: { fs: false, https: false },
      extensionAlias: {
        ".js": [".ts", ".tsx", ".js"],
        ".jsx": [".tsx", ".jsx"],
      },
    },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: "ts-loader",
            options: {
              // Type-checking is done by `tsc --noEmit` in `npm test`.
              transpileOnly: true,
              configFile: path.resolve(rootDir, "tsconfig.json"),
              compilerOptions: { noEmit: false, sourceMap: wantSourceMap },
            },
          },
        },
      ],
    },
    optimization: {
      splitChunks: {
        cacheGroups: {
          // All third-party code of the first load (React, Fluent UI, ...) goes into a single
          // vendor.js; code loaded on demand (the report's pptxgenjs) stays in its own chunk.
          vendor: {
            test: /[\\/]node_modules[\\/]/,
            name: "vendor",
            chunks: "initial",
            enforce: true,
          },
        },
      },
    },
    performance: { hints: false },
    plugins: [
      new webpack.NormalModuleReplacementPlugin(/^node:(fs|https)$/, (resource) => {
        resource.request = resource.request.replace(/^node:/, "");
      }),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        chunks: ["taskpane"],
      }),
      new HtmlWebpackPlugin({
        filename: "function-file.html",
        template: "./src/function-file/function-file.html",
        chunks: ["function-file"],
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*", to: "assets/[name][ext]" },
          { from: "manifest.xml", to: "manifest.xml" },
        ],
      }),
    ],
  };

  if (isServe) {
    // Only load the dev-certs tooling when serving, so `npm run build` never needs certificates.
    const devCerts = (await import("office-addin-dev-certs")).default;
    cfg.devServer = {
      host: "localhost",
      port: DEV_SERVER_PORT,
      hot: true,
      headers: { "Access-Control-Allow-Origin": "*" },
      server: {
        type: "https",
        options: await devCerts.getHttpsServerOptions(),
      },
    };
  }

  return cfg;
}
