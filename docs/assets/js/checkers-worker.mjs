// Module Web Worker: loads Pyodide and the checkers wheel once, then answers the page.
//
// In:  {id, op, args}, op being "live" {text} (while typing), "check" {text, password}
//      (the full verdict), each answered with the validator's report (checkers/idexport_report.py);
//      for the wizard "catalog" {catalog, labels, guideTitles} once (JSON texts), then "choose"
//      {inputs} for each answer; "data-backup" {file, password} with a File, read by slices.
// Out: {id, result} or {id, error}; and once, {type: "ready"} or {type: "failed", error}.
// Every file comes from this site (the paths below are relative to this file); nothing the
// visitor types leaves this worker, and nothing is logged.
import { installArgon2id } from "./checkers-host.mjs";

const PYODIDE_DIR = new URL("../vendor/pyodide/", import.meta.url);
const ARGON2_SCRIPT = new URL("../vendor/hash-wasm/argon2.umd.min.js", import.meta.url);
const CHECKERS_DIR = new URL("../checkers/", import.meta.url);

// What loadPyodide() fetches besides pyodide.mjs. It waits forever on a wasm file that fails
// to instantiate, so their presence is checked first and a missing one is reported at once.
const CORE_FILES = [
  "pyodide.asm.mjs",
  "pyodide.asm.wasm",
  "python_stdlib.zip",
  "pyodide-lock.json",
];

let bridge = null; // the Python module checkers.bridge: key derivations, the validator's JSON
let choice = null; // the Python module checkers.choice_json: the wizard's JSON

// A short, plain reason for a failure: the last line of a Python traceback, or the JS message.
function describe(error) {
  const text = String((error && error.message) || error || "unknown error").trim();
  const lines = text.split("\n").filter((line) => line.trim());
  return (lines[lines.length - 1] || text).slice(0, 300);
}

async function fetchText(url) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url.pathname}: HTTP ${response.status}`);
  return response.text();
}

async function fetchJson(url) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url.pathname}: HTTP ${response.status}`);
  return response.json();
}

// Argon2id is needed only for version 1 exports; without it those say so plainly.
async function loadArgon2() {
  try {
    await import(ARGON2_SCRIPT.href); // a UMD build: it defines globalThis.hashwasm
    installArgon2id(globalThis, globalThis.hashwasm);
  } catch {
    // Left out on purpose: checkers/bridge.py reports Argon2id as unavailable.
  }
}

async function checkCoreFiles() {
  const missing = [];
  await Promise.all(
    CORE_FILES.map(async (name) => {
      try {
        const response = await fetch(new URL(name, PYODIDE_DIR), { method: "HEAD" });
        if (!response.ok) missing.push(name);
      } catch {
        missing.push(name);
      }
    }),
  );
  if (missing.length) throw new Error(`missing from the site: ${missing.join(", ")}`);
}

async function start() {
  if (typeof WebAssembly !== "object") throw new Error("WebAssembly is not available");
  const argon2 = loadArgon2();
  await checkCoreFiles();
  const { loadPyodide } = await import(new URL("pyodide.mjs", PYODIDE_DIR).href);
  const quiet = () => {};
  const pyodide = await loadPyodide({ indexURL: PYODIDE_DIR.href, stdout: quiet, stderr: quiet });
  const labels = fetchText(new URL("labels.json", CHECKERS_DIR));
  // The site's language (each language's pages have their own assets) and its message catalog.
  const messages = fetchJson(new URL("messages.json", CHECKERS_DIR));
  await installCheckers(pyodide);
  bridge = pyodide.pyimport("checkers.bridge");
  choice = pyodide.pyimport("checkers.choice_json");
  // The apps' UI labels of the site's content, so that messages name menus as pages do.
  const { language, messages: catalog } = await messages;
  bridge.set_wording(language, await labels, JSON.stringify(catalog));
  choice.set_language_json(language, JSON.stringify(catalog));
  await argon2;
}

// The checkers wheel, fetched with the digest the site build recorded in manifest.json: the
// browser refuses bytes that differ (Subresource Integrity), so only the wheel that was built
// ever runs. The verified bytes are unpacked into site-packages; pyodide.loadPackage(url)
// would fetch the file again, unchecked.
async function installCheckers(pyodide) {
  const manifest = await fetchJson(new URL("manifest.json", CHECKERS_DIR));
  const url = new URL(manifest.wheel, CHECKERS_DIR);
  let response;
  try {
    response = await fetch(url, { integrity: manifest.integrity });
  } catch {
    throw new Error(`${url.pathname}: did not load, or differs from the checked build`);
  }
  if (!response.ok) throw new Error(`${url.pathname}: HTTP ${response.status}`);
  const wheel = new Uint8Array(await response.arrayBuffer());
  const sitePackages = pyodide.runPython("import site; site.getsitepackages()[0]");
  pyodide.unpackArchive(wheel, "wheel", { extractDir: sitePackages });
}

async function handle(op, args) {
  switch (op) {
    case "live":
      return JSON.parse(bridge.live_json(String(args.text)));
    case "check": // the password as typed: the checkers decide what an empty one means
      return JSON.parse(await bridge.check_json(String(args.text), args.password ?? null));
    // The wizard: the catalog and its words once, then only the inputs of each answer.
    case "catalog":
      return JSON.parse(choice.set_catalog_json(args.catalog, args.labels, args.guideTitles));
    case "choose":
      return JSON.parse(choice.backup_choice_json(JSON.stringify(args.inputs)));
    case "data-backup": // a File: Python reads only the slices it needs, nothing is sent
      return JSON.parse(await bridge.data_backup_json(args.file, args.password ?? null));
    default:
      throw new Error(`unknown request ${op}`);
  }
}

const ready = start();
ready.then(
  () => self.postMessage({ type: "ready" }),
  (error) => self.postMessage({ type: "failed", error: describe(error) }),
);

self.addEventListener("message", async (event) => {
  const { id, op, args } = event.data;
  try {
    await ready;
    self.postMessage({ id, result: await handle(op, args) });
  } catch (error) {
    self.postMessage({ id, error: describe(error) });
  }
});
