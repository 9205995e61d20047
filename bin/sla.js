#!/usr/bin/env node
import "../dist/bin/sla.js";
