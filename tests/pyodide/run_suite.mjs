// Runs what only Pyodide can show (the browser bridge and its key derivations: tests/pyodide/)
// inside Pyodide under Node, against the wheel the site ships. The pure core is tested in
// CPython; the same wheel holds it, and the bridge tests drive it through the bridge.
//
//   node --experimental-wasm-stack-switching tests/pyodide/run_suite.mjs \
//        --wheel .cache/checkers-wheel/<name>.whl [--wheels .cache/pyodide-wheels] \
//        [--pure-python PACKAGE_DIR]... TEST_FILE...
//
// Pyodide comes from node_modules (the same npm package the site vendors); pytest and its
// dependencies are the wheels scripts/setup.sh downloaded. Key derivations go through
// checkers/bridge.py as in the browser: PBKDF2 via WebCrypto (globalThis.crypto.subtle) and
// Argon2id via hash-wasm, installed by the same host module the Web Worker uses. Synchronous
// test code reaches those async functions through WebAssembly stack switching (JSPI), hence
// the V8 flag. The last line printed is `PYODIDE_SUITE_RESULT {json}` with the outcome counts.
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";

import * as nobleAes from "../../node_modules/@noble/ciphers/aes.js";
import { installAesBlocks, installArgon2id } from "../../docs/assets/js/checkers-host.mjs";
import { loadPyodide } from "../../node_modules/pyodide/pyodide.mjs";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const PROJECT = "/project"; // where the repository's tests and data appear inside Pyodide
const SUMMARY = "/tmp/pyodide-suite-summary.json";
const require = createRequire(import.meta.url);

function usage(message) {
  process.stderr.write(`run_suite: ${message}\n`);
  process.exit(2);
}

function parseArgs(argv) {
  const args = {
    wheel: null,
    wheels: path.join(ROOT, ".cache/pyodide-wheels"),
    purePython: [],
    tests: [],
  };
  for (let i = 0; i < argv.length; i += 1) {
    if (argv[i] === "--wheel") args.wheel = argv[++i];
    else if (argv[i] === "--pure-python") args.purePython.push(argv[++i]);
    else if (argv[i] === "--wheels") args.wheels = argv[++i];
    else if (argv[i].startsWith("--")) usage(`unknown option ${argv[i]}`);
    else args.tests.push(argv[i]);
  }
  if (!args.wheel) usage("--wheel (the checkers wheel) is required");
  if (args.tests.length === 0) usage("name at least one test file (relative to the repository)");
  return args;
}

// Copy a file or folder into Pyodide's file system; `keep` chooses the files of a folder.
function copyTree(pyodide, source, target, keep = () => true) {
  if (fs.statSync(source).isDirectory()) {
    pyodide.FS.mkdirTree(target);
    for (const entry of fs.readdirSync(source)) {
      if (entry === "__pycache__") continue;
      const child = path.join(source, entry);
      if (fs.statSync(child).isDirectory() || keep(entry)) {
        copyTree(pyodide, child, `${target}/${entry}`, keep);
      }
    }
  } else {
    pyodide.FS.mkdirTree(path.posix.dirname(target));
    pyodide.FS.writeFile(target, fs.readFileSync(source));
  }
}

// A repository path, at the same relative path under PROJECT.
function copyIntoPyodide(pyodide, relative) {
  copyTree(pyodide, path.join(ROOT, relative), `${PROJECT}/${relative.split(path.sep).join("/")}`);
}

const args = parseArgs(process.argv.slice(2));
if (!("Suspending" in WebAssembly || "Suspender" in WebAssembly)) {
  usage(
    "this Node has no WebAssembly stack switching; run it with --experimental-wasm-stack-switching",
  );
}
const testWheels = fs.existsSync(args.wheels)
  ? fs.readdirSync(args.wheels).filter((name) => name.endsWith(".whl"))
  : [];
if (!testWheels.some((name) => name.startsWith("pytest-"))) {
  usage(`no pytest wheel in ${args.wheels}; run scripts/setup.sh`);
}

const started = performance.now();
const pyodide = await loadPyodide({
  indexURL: path.join(ROOT, "node_modules/pyodide") + path.sep,
});
// pytest's progress is written without line breaks; pass its bytes through unchanged.
const passThrough = (stream) => ({ write: (bytes) => (stream.write(bytes), bytes.length) });
pyodide.setStdout(passThrough(process.stdout));
pyodide.setStderr(passThrough(process.stderr));
const quiet = { messageCallback: () => {} };
await pyodide.loadPackage(
  testWheels.map((name) => path.join(args.wheels, name)),
  quiet,
);
await pyodide.loadPackage(path.resolve(args.wheel), quiet);
installArgon2id(globalThis, require("../../node_modules/hash-wasm/dist/argon2.umd.min.js"));
installAesBlocks(globalThis, nobleAes); // as the worker does once aes.js has loaded
// Pure-Python packages of the project's environment with no Pyodide wheel (PyYAML, whose
// compiled accelerator is optional): their .py files only.
const sitePackages = pyodide.runPython("import site; site.getsitepackages()[0]");
for (const folder of args.purePython) {
  const target = `${sitePackages}/${path.basename(folder)}`;
  copyTree(pyodide, path.resolve(folder), target, (name) => name.endsWith(".py"));
}

// The tests, their helpers and data.
for (const name of fs.readdirSync(path.join(ROOT, "tests"))) {
  const relative = path.join("tests", name);
  if (name === "data" || (name.endsWith(".py") && !name.startsWith("test_"))) {
    copyIntoPyodide(pyodide, relative);
  }
}
copyIntoPyodide(pyodide, "tests/pyodide");
for (const test of args.tests) copyIntoPyodide(pyodide, path.normalize(test));

pyodide.globals.set("test_paths", pyodide.toPy(args.tests.map((t) => `${PROJECT}/${t}`)));
const exitCode = await pyodide.runPythonAsync(`
import os, sys
import pytest
sys.dont_write_bytecode = True  # nothing of the run is kept
os.chdir("${PROJECT}")
sys.path.insert(0, "${PROJECT}/tests/pyodide")
os.environ["PYODIDE_SUITE_SUMMARY"] = "${SUMMARY}"
int(pytest.main([
    "-p", "pyodide_host", "-p", "no:cacheprovider", "-o", "addopts=",
    "--rootdir", "${PROJECT}", "-q", "-ra", *test_paths,
]))
`);
const summary = JSON.parse(pyodide.FS.readFile(SUMMARY, { encoding: "utf8" }));
summary.exit_code = exitCode;
summary.seconds = Math.round((performance.now() - started) / 100) / 10;
summary.pyodide = pyodide.version;
process.stdout.write(`PYODIDE_SUITE_RESULT ${JSON.stringify(summary)}\n`);
process.exit(exitCode === 0 ? 0 : 1);
