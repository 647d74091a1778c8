// Module Web Worker: loads Pyodide and the checkers wheel once, then answers the page.
//
// In:  {id, op, args}, op being "live" {text} (while typing), "check" {text, password}
//      (the full verdict), each answered with the validator's report (checkers/idexport_report.py);
//      for the wizard "choose" {inputs} for each answer (its catalog, labels and guide titles
//      this worker fetches itself from the edition's folder: fetchWizardFiles), answered with the
//      report or, when the catalog cannot be had, {unavailable: reason}; "data-backup" {file,
//      password} with a File, read by slices; or in two stages, "data-backup-open" {file,
//      generation} when the file is chosen (what it shows without the password) and
//      "data-backup-check" {generation, password}.
// Out: {id, result} or {id, error}; and once, {type: "ready", start} or {type: "failed", error},
// `start` saying how Python started: "snapshot" (from the build's memory snapshot) or "bare".
// Every file comes from this site (the paths below are relative to this file, the runtime's
// from manifest.json); nothing the visitor types leaves this worker, and nothing is logged.
import { installAesBlocks, installArgon2id } from "./checkers-host.mjs";

const ARGON2_SCRIPT = new URL("../vendor/hash-wasm/argon2.umd.min.js", import.meta.url);
const AES_SCRIPT = new URL("../vendor/@noble/ciphers/aes.js", import.meta.url);
const CHECKERS_DIR = new URL("../checkers/", import.meta.url);

// What loadPyodide() fetches besides pyodide.mjs (from the runtime's folder; the standard
// library from the build's trimmed archive where there is one). It waits forever on a wasm file
// that fails to instantiate, so their presence is checked first and a missing one is reported
// at once.
const CORE_FILES = ["pyodide.asm.mjs", "pyodide.asm.wasm", "pyodide-lock.json"];
const FULL_STDLIB = "python_stdlib.zip";
// Where the whole standard library goes in Pyodide's file system when a module left out of the
// trimmed archive is imported (helpcenter/stdlib_fallback.py).
const FULL_STDLIB_PATH = "/lib/python_stdlib_full.zip";
// The Python module the snapshot's maker (scripts/make_snapshot.mjs) leaves with its key.
const SNAPSHOT_MARKER =
  "import sys\ngetattr(sys.modules.get('_helpcenter_snapshot'), 'KEY', '')";

installAesBlocks(globalThis, null); // the data-backup check's requests; its AES below

// @noble/ciphers' AES for the data-backup check's counter blocks, loaded once (on the
// data-backup page while Python starts); where it does not load, Python's own AES does them
// (slower, the same answers).
let aesLoad = null;
function loadAes() {
  if (aesLoad === null) {
    aesLoad = import(AES_SCRIPT.href).then(
      (aes) => installAesBlocks(globalThis, aes),
      () => false,
    );
  }
  return aesLoad;
}

// The folder of the page's edition's words (labels.json, messages.json, the wizard's
// backup-options.json and guide-titles.json) and the page's checkers: the page says which in
// its first message ({type: "configure", words, tools}); the site root's when it does not.
let configure;
const configured = new Promise((resolve) => {
  configure = resolve;
});
const wordsDir = configured.then(({ words }) => words);
configured.then(({ tools }) => tools.includes("data-backup") && loadAes());

// The wizard's catalog set in Python (a promise), once: on the wizard's page (tools says so)
// while Python starts, elsewhere at the first answer asked for.
let wizard = null;
let labelsText = null; // the edition's labels.json, once fetched

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

// A file of the build, fetched with the digest manifest.json records for it: the browser
// refuses bytes that differ (Subresource Integrity).
async function fetchChecked(url, integrity) {
  let response;
  try {
    response = await fetch(url, { integrity });
  } catch {
    throw new Error(`${url.pathname}: did not load, or differs from the checked build`);
  }
  if (!response.ok) throw new Error(`${url.pathname}: HTTP ${response.status}`);
  return new Uint8Array(await response.arrayBuffer());
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

async function checkCoreFiles(urls) {
  const missing = [];
  await Promise.all(
    urls.map(async (url) => {
      const name = url.pathname.split("/").pop();
      try {
        const response = await fetch(url, { method: "HEAD" });
        if (!response.ok) missing.push(name);
      } catch {
        missing.push(name);
      }
    }),
  );
  if (missing.length) throw new Error(`missing from the site: ${missing.join(", ")}`);
}

// The snapshot to start from, or null. A first visit downloads it only where the build says it
// pays (manifest snapshot.cold); a later one uses it when the offline cache already has it.
async function chooseSnapshot(manifest) {
  const snapshot = manifest.snapshot;
  if (!snapshot || snapshot.wheel_sha256 !== manifest.sha256) return null;
  const url = new URL(snapshot.file, CHECKERS_DIR);
  if (!url.pathname.includes(snapshot.key)) return null; // not the one made for this build
  let cached = null;
  try {
    cached = self.caches ? (await self.caches.match(url.href)) || null : null;
  } catch {
    // No cache storage here (a private window, an insecure origin): start without it.
  }
  if (cached || snapshot.cold) return { ...snapshot, url, cached };
  return null;
}

// The snapshot's bytes: from the offline cache when it has them (read directly, not through
// the service worker), else from the site.
async function readSnapshot(snapshot) {
  const response = snapshot.cached || (await fetch(snapshot.url));
  if (!response.ok) throw new Error(`${snapshot.url.pathname}: HTTP ${response.status}`);
  return new Uint8Array(await response.arrayBuffer());
}

const DIGESTS = { sha256: "SHA-256", sha384: "SHA-384", sha512: "SHA-512" };

// Resolves when `bytes` have the digest `integrity` names (SRI's form, "sha256-<base64>");
// rejects when they differ. WebCrypto copies the bytes when called, so the restore may use
// them meanwhile.
async function verifyIntegrity(bytes, integrity) {
  const [algorithm, expected] = String(integrity).split(/-(.*)/s);
  if (!DIGESTS[algorithm] || !self.crypto || !self.crypto.subtle) {
    throw new Error(`cannot check the integrity "${integrity}" here`);
  }
  const digest = new Uint8Array(await self.crypto.subtle.digest(DIGESTS[algorithm], bytes));
  if (btoa(String.fromCharCode(...digest)) !== expected) {
    throw new Error("the snapshot differs from the checked build");
  }
}

// Python restored from the snapshot. Its digest is checked beside the restore instead of
// before it (a 31 MB SRI fetch took ~250 ms more than reading the cache, on the start's
// critical path); nothing runs for the visitor until both are done, and a mismatch rejects at
// once, whatever the restore is doing.
async function restoreSnapshot(loadPyodide, options, bytes, integrity) {
  const verified = bytes.then((image) => verifyIntegrity(image, integrity));
  const restored = loadPyodide({ ...options, _loadSnapshot: bytes });
  restored.catch(() => {}); // when the check fails first, this is no longer awaited
  await verified;
  return restored;
}

// The function the trimmed standard library's finder calls, inside an import, the first time a
// module left out of it is imported: the whole archive, fetched synchronously (a worker may),
// written into Pyodide's file system; its path there.
function fullStdlibFetcher(pyodide, url) {
  return () => {
    console.warn(`checkers: a module outside the trimmed standard library: ${url.pathname}`);
    const request = new XMLHttpRequest();
    request.open("GET", url.href, false);
    request.responseType = "arraybuffer";
    request.send();
    if (request.status !== 200) throw new Error(`${url.pathname}: HTTP ${request.status}`);
    pyodide.FS.writeFile(FULL_STDLIB_PATH, new Uint8Array(request.response));
    return FULL_STDLIB_PATH;
  };
}

// With the trimmed standard library: its finder of the modules left out (the archive's
// _helpcenter_stdlib module), before anything else is imported.
function installStdlibFallback(pyodide, fullUrl) {
  try {
    pyodide.pyimport("_helpcenter_stdlib").install(fullStdlibFetcher(pyodide, fullUrl));
  } catch (error) {
    console.warn(`checkers: no fallback for the trimmed standard library (${describe(error)})`);
  }
}

function fallBack(reason) {
  // For developers only: the visitor sees the same checker, a moment later.
  console.warn(`checkers: not started from the snapshot (${reason}); starting without it`);
}

// Marks of the start's steps (performance.mark, "checkers:<step>") for the start-up benchmark
// (scripts/bench_startup.py); they hold times only, nothing of the visitor's.
const mark = (step) => performance.mark(`checkers:${step}`);

async function start() {
  mark("start");
  if (typeof WebAssembly !== "object") throw new Error("WebAssembly is not available");
  const argon2 = loadArgon2();
  const manifest = await fetchJson(new URL("manifest.json", CHECKERS_DIR));
  mark("manifest");
  const runtimeDir = new URL(manifest.runtime.dir, CHECKERS_DIR);
  // The wheel, the words and the snapshot are fetched while the runtime loads; the words wait
  // for the page to say which edition's (its first message), the runtime does not.
  const wheel = fetchChecked(new URL(manifest.wheel, CHECKERS_DIR), manifest.integrity);
  wheel.catch(() => {});
  const words = wordsDir.then((dir) => {
    mark("configured");
    // The apps' UI labels of the edition, and its language and message catalog.
    return Promise.all([
      fetchText(new URL("labels.json", dir)),
      fetchJson(new URL("messages.json", dir)),
    ]);
  });
  words.catch(() => {});
  // On the wizard's page its catalog and titles are fetched meanwhile too.
  const wizardFiles = configured.then(({ words: dir, tools }) =>
    tools.includes("backup-choice") ? fetchWizardFiles(dir) : null,
  );
  wizardFiles.catch(() => {});
  const snapshot = await chooseSnapshot(manifest);
  const image = snapshot ? readSnapshot(snapshot) : null;
  if (image) image.catch(() => {}); // awaited by the restore, or dropped below
  mark("snapshot-chosen");
  // The runtime's module is imported while the presence of its files is checked, and with it
  // the Emscripten module it loads (pyodide.asm.mjs, 1.2 MB of JavaScript): loadPyodide()
  // imports that same URL, and finds it loaded or on its way instead of asking for it only once
  // pyodide.mjs has run.
  const runtime = import(new URL("pyodide.mjs", runtimeDir).href);
  runtime.catch(() => {});
  import(new URL("pyodide.asm.mjs", runtimeDir).href).catch(() => {}); // loadPyodide reports
  // The standard library: the build's trimmed archive (made with the snapshot, and needed by
  // it) when there is one, else Pyodide's whole one.
  const fullStdlib = new URL(FULL_STDLIB, runtimeDir);
  const made = manifest.snapshot;
  const trimmed = made && made.pyodide === manifest.runtime.version ? made.stdlib : null;
  const stdlib = trimmed ? new URL(trimmed.file, CHECKERS_DIR) : fullStdlib;
  // A snapshot found in the offline cache came with the runtime's files (the service worker
  // stores them in one step); otherwise they are asked for first.
  if (!(snapshot && snapshot.cached)) {
    await checkCoreFiles([...CORE_FILES.map((name) => new URL(name, runtimeDir)), stdlib]);
  }
  const { loadPyodide, version } = await runtime;
  mark("pyodide-module");
  const quiet = () => {};
  const options = {
    indexURL: runtimeDir.href,
    stdLibURL: stdlib.href,
    stdout: quiet,
    stderr: quiet,
  };
  let pyodide = null;
  let path = "bare";
  if (snapshot && snapshot.pyodide !== version) {
    fallBack(`made for Pyodide ${snapshot.pyodide}, this is ${version}`);
  } else if (snapshot) {
    try {
      pyodide = await restoreSnapshot(loadPyodide, options, image, snapshot.integrity);
      const key = pyodide.runPython(SNAPSHOT_MARKER);
      if (key !== snapshot.key) throw new Error(`its key is "${key}", not ${snapshot.key}`);
      path = "snapshot";
    } catch (error) {
      pyodide = null;
      fallBack(describe(error));
    }
  }
  if (pyodide === null && trimmed) {
    try {
      pyodide = await loadPyodide(options);
    } catch (error) {
      const reason = describe(error);
      console.warn(`checkers: the trimmed standard library failed (${reason}); using the whole`);
      options.stdLibURL = fullStdlib.href;
    }
  }
  if (pyodide === null) pyodide = await loadPyodide(options);
  if (options.stdLibURL !== fullStdlib.href) installStdlibFallback(pyodide, fullStdlib);
  mark("python");
  bridge = path === "snapshot" ? bridgeFromSnapshot(pyodide) : null;
  if (bridge === null) {
    await installCheckers(pyodide, await wheel);
    bridge = pyodide.pyimport("checkers.bridge");
  }
  choice = pyodide.pyimport("checkers.choice_json");
  mark("imported");
  const [labels, { language, messages: catalog }] = await words;
  // The apps' UI labels of the site's content, so that messages name menus as pages do.
  bridge.set_wording(language, labels, JSON.stringify(catalog));
  choice.set_language_json(language, JSON.stringify(catalog));
  labelsText = labels;
  mark("words");
  if ((await configured).tools.includes("backup-choice")) {
    wizard = wizardFiles.then((files) => setWizard(...files));
    await wizard.catch(() => {}); // its failure is the answers' to report, not the start's
  }
  await argon2;
  mark("ready");
  return path;
}

// After a restore: checkers.bridge from the code the snapshot's maker compiled from the same
// wheel (scripts/make_snapshot.mjs), so that nothing is unpacked or compiled here; null (and a
// word in the console) if that fails, and the wheel is installed as on a bare start.
function bridgeFromSnapshot(pyodide) {
  try {
    return pyodide.runPython("import _helpcenter_snapshot\n_helpcenter_snapshot.load_bridge()");
  } catch (error) {
    console.warn(`checkers: the bridge is imported from the wheel (${describe(error)})`);
    return null;
  }
}

// The checkers wheel's verified bytes, unpacked into site-packages; pyodide.loadPackage(url)
// would fetch the file again, unchecked.
async function installCheckers(pyodide, wheel) {
  const sitePackages = pyodide.runPython("import site; site.getsitepackages()[0]");
  pyodide.unpackArchive(wheel, "wheel", { extractDir: sitePackages });
}

// The wizard's catalog and the guide sections' titles of the edition (JSON texts).
function fetchWizardFiles(dir) {
  return Promise.all([
    fetchText(new URL("backup-options.json", dir)),
    fetchText(new URL("guide-titles.json", dir)),
  ]);
}

// The catalog, labels and titles set in Python; rejects saying why when they are not usable.
function setWizard(options, titles) {
  const reply = JSON.parse(choice.set_catalog_json(options, labelsText, titles));
  if (reply.error) throw new Error(reply.error.message);
}

async function handle(op, args) {
  switch (op) {
    case "live":
      return JSON.parse(bridge.live_json(String(args.text)));
    case "check": // the password as typed: the checkers decide what an empty one means
      return JSON.parse(await bridge.check_json(String(args.text), args.password ?? null));
    // The wizard: only the inputs of each answer; its catalog is this worker's to fetch.
    case "choose":
      if (wizard === null) {
        wizard = wordsDir.then(fetchWizardFiles).then((files) => setWizard(...files));
      }
      try {
        await wizard;
      } catch (error) {
        return { unavailable: `backup catalog: ${describe(error)}` };
      }
      return JSON.parse(choice.backup_choice_json(JSON.stringify(args.inputs)));
    case "data-backup": // a File: Python reads only the slices it needs, nothing is sent
      await loadAes();
      return JSON.parse(await bridge.data_backup_json(args.file, args.password ?? null));
    case "data-backup-open": // the file read without the password, kept as its generation
      return JSON.parse(await bridge.data_backup_open_json(args.file, Number(args.generation)));
    case "data-backup-check": // only the password's part, on that generation's file
      await loadAes();
      return JSON.parse(
        await bridge.data_backup_check_json(Number(args.generation), args.password ?? null),
      );
    default:
      throw new Error(`unknown request ${op}`);
  }
}

const ready = start();
ready.then(
  (path) => self.postMessage({ type: "ready", start: path }),
  (error) => self.postMessage({ type: "failed", error: describe(error) }),
);

self.addEventListener("message", async (event) => {
  if (event.data && event.data.type === "configure") {
    // Only this site's own files (the policy's connect-src says so too).
    const words = new URL(String(event.data.words), CHECKERS_DIR);
    const tools = Array.isArray(event.data.tools) ? event.data.tools.map(String) : [];
    // The first message counts (the page's early script's); the client's repeats the words.
    configure({ words: words.origin === self.location.origin ? words : CHECKERS_DIR, tools });
    return;
  }
  const { id, op, args } = event.data;
  try {
    await ready;
    self.postMessage({ id, result: await handle(op, args) });
  } catch (error) {
    self.postMessage({ id, error: describe(error) });
  }
});
