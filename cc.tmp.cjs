const fs = require("fs"), vm = require("vm"), path = require("path"), Module = require("module");
const file = path.resolve("dist/validate/schema-validator.cjs");
const data = JSON.parse(require("child_process").execFileSync(process.execPath, ["-e", "0"]) + "null");
const src = fs.readFileSync(file, "utf8");
const wrapped = Module.wrap(src);
const mode = process.argv[2];
const parsed = require("yaml").parse(fs.readFileSync("sla.example.yaml", "utf8"));
const t0 = performance.now();
let validate;
if (mode === "require") validate = require(file);
else {
  const cachedData = mode === "cached" ? fs.readFileSync("/tmp/prof/validator.cache") : undefined;
  const script = new vm.Script(wrapped, { filename: file, cachedData });
  if (mode === "cached" && script.cachedDataRejected) console.log("REJECTED");
  const m = { exports: {} };
  script.runInThisContext()(m.exports, require, m, file, path.dirname(file));
  validate = m.exports;
  if (mode === "produce") { validate(parsed); fs.writeFileSync("/tmp/prof/validator.cache", script.createCachedData()); }
}
const t1 = performance.now();
validate(parsed);
const t2 = performance.now();
console.log(mode, "load", (t1 - t0).toFixed(1), "first call", (t2 - t1).toFixed(1));
