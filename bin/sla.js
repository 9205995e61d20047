#!/usr/bin/env node
// The `sla` command: runs the bundled CLI (dist/bin/sla.cjs, built by `npm run build`) with the
// V8 code cache the build takes beside it. CommonJS (bin/package.json says so), because Node
// starts a CommonJS file faster than an ES module.
const { join } = require("node:path");
require("../dist/bin/precompiled.cjs").loadPrecompiled(join(__dirname, "../dist/bin/sla.cjs"));
