// ESLint's and typescript-eslint's recommended rules, without type information so the run
// stays fast: types are checked by the build and `npm run typecheck`.
import js from "@eslint/js";
import globals from "globals";
import tseslint from "typescript-eslint";

export default tseslint.config(
  // action/: the generated bundle of the GitHub Action.
  { ignores: ["dist/", "node_modules/", "src/model/sla.generated.ts", "action/"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  { languageOptions: { globals: globals.node } },
  {
    // A leading underscore marks a binding kept only to leave it out of a rest object.
    rules: { "@typescript-eslint/no-unused-vars": ["error", { varsIgnorePattern: "^_", argsIgnorePattern: "^_", ignoreRestSiblings: true }] },
  },
  {
    // These find control characters in text on purpose, to show them or to prove them gone.
    files: ["src/util/visible.ts", "test/**"],
    rules: { "no-control-regex": "off" },
  },
  {
    files: ["bin/**/*.js", "**/*.cjs"],
    languageOptions: { sourceType: "commonjs" },
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
);
