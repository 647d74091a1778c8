// Makes the checkers' Pyodide memory snapshot under Node (called by helpcenter/snapshot.py).
//
//   node scripts/make_snapshot.mjs --pyodide DIR --wheel FILE --key KEY --out FILE
//        [--stdlib ZIP]
//   node scripts/make_snapshot.mjs --pyodide DIR --wheel FILE --key KEY --record
//        [--pyc-out DIR]
//
// Starts the pinned Pyodide from DIR with `_makeSnapshot`, unpacks the checkers wheel, imports
// every pure module of the checkers package (not checkers.bridge: it imports `js`, the worker's
// globals, which a snapshot made here cannot carry), compiles the bridge's source, records KEY
// inside Python (module `_helpcenter_snapshot`, read back by the worker after a restore) and
// writes the memory image to FILE. After the restore the worker runs the bridge's compiled code
// (`_helpcenter_snapshot.load_bridge()`): no wheel to unpack and no compile on the visitor's
// device. With --stdlib, Python's standard library is that archive (the trimmed one the site
// ships, helpcenter/stdlib_trim.py) instead of Pyodide's whole one: a snapshot fits only the
// archive it was made with. With --record, it does the same imports and writes nothing: the
// JSON line lists the files of every module loaded (`loaded`), which the trimmed archive keeps;
// with --pyc-out, this Python compiles each of them that came from the standard library archive
// into DIR (`<entry>c`, unchecked-hash .pyc files, PEP 552), so that a visitor's device does not
// compile them at every start (on an emulated phone, two seconds of a first visit).
// Prints one JSON line with what it did.
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";

function parseArgs(argv) {
  const args = { record: false };
  for (let i = 0; i < argv.length; i += 2) {
    const name = argv[i];
    if (name === "--record") {
      args.record = true;
      i -= 1;
      continue;
    }
    const known = ["--pyodide", "--wheel", "--key", "--out", "--stdlib", "--pyc-out"];
    if (!known.includes(name) || i + 1 >= argv.length) {
      process.stderr.write(`make_snapshot: unknown or incomplete option ${name}\n`);
      process.exit(2);
    }
    args[name.slice(2)] = argv[i + 1];
  }
  for (const name of ["pyodide", "wheel", "key", ...(args.record ? [] : ["out"])]) {
    if (!args[name]) {
      process.stderr.write(`make_snapshot: --${name} is required\n`);
      process.exit(2);
    }
  }
  return args;
}

// The marker module's function that the worker calls after a restore: checkers.bridge, made
// from the compiled code as an import would make it (in sys.modules and on its package).
const LOAD_BRIDGE = `
import importlib.util
import sys


def load_bridge():
    name = "checkers.bridge"
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.spec_from_loader(name, loader=None, origin=BRIDGE.co_filename)
    module = importlib.util.module_from_spec(spec)
    module.__file__ = BRIDGE.co_filename
    sys.modules[name] = module
    try:
        exec(BRIDGE, module.__dict__)
    except BaseException:
        del sys.modules[name]
        raise
    sys.modules["checkers"].bridge = module
    return module
`;

// Python run before the image is taken: the imports and the key.
const PREPARE = `
import gc, importlib, importlib.util, pkgutil, sys, types
import checkers
# The bridge needs the worker's \`js\`; the command line is not in the wheel.
SKIP = {"checkers.bridge"}
for info in pkgutil.walk_packages(checkers.__path__, "checkers."):
    if info.name not in SKIP:
        importlib.import_module(info.name)
# The trimmed archive's fallback finder (helpcenter/stdlib_fallback.py), which the worker
# installs after the start: imported now, it is part of the image.
if importlib.util.find_spec("_helpcenter_stdlib") is not None:
    import _helpcenter_stdlib
marker = types.ModuleType("_helpcenter_snapshot")
marker.KEY = KEY
# The bridge's code, compiled by this same Python from this same wheel's file.
bridge_spec = importlib.util.find_spec("checkers.bridge")
with open(bridge_spec.origin, "rb") as source:
    marker.BRIDGE = compile(source.read(), bridge_spec.origin, "exec", dont_inherit=True)
exec(LOAD_BRIDGE, marker.__dict__)
sys.modules["_helpcenter_snapshot"] = marker
del marker, info, bridge_spec, source
gc.collect()
sorted(name for name in sys.modules if name.startswith("checkers"))
`;

// Compiles the standard library modules LOADED_FILES names, from Pyodide's archive, into
// /pyc-out (--pyc-out): as an import would, with the path it would load them from.
const COMPILE = `
import os, py_compile, zipfile
PREFIX = "/lib/python314.zip/"
with zipfile.ZipFile(PREFIX.rstrip("/")) as archive:
    for file in LOADED_FILES:
        if not (file.startswith(PREFIX) and file.endswith(".py")):
            continue
        entry = file[len(PREFIX):]
        source = "/tmp/pyc-source/" + entry
        os.makedirs(os.path.dirname(source), exist_ok=True)
        with open(source, "wb") as copy:
            copy.write(archive.read(entry))
        target = "/pyc-out/" + entry + "c"
        os.makedirs(os.path.dirname(target), exist_ok=True)
        py_compile.compile(source, cfile=target, dfile=file, doraise=True,
                           invalidation_mode=py_compile.PycInvalidationMode.UNCHECKED_HASH)
`;

// The files of every module loaded so far (Python run after PREPARE, for --record).
const LOADED = `
import json, sys
json.dumps(sorted({f for m in list(sys.modules.values()) if isinstance(f := getattr(m, "__file__", None), str)}))
`;

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const indexURL = path.resolve(args.pyodide) + path.sep;
  const { loadPyodide, version } = await import(pathToFileURL(path.join(indexURL, "pyodide.mjs")));
  const started = performance.now();
  const quiet = () => {};
  const pyodide = await loadPyodide({
    indexURL,
    ...(args.stdlib ? { stdLibURL: path.resolve(args.stdlib) } : {}),
    _makeSnapshot: !args.record,
    stdout: quiet,
    stderr: quiet,
  });
  const wheel = new Uint8Array(fs.readFileSync(args.wheel));
  const sitePackages = pyodide.runPython("import site; site.getsitepackages()[0]");
  pyodide.unpackArchive(wheel, "wheel", { extractDir: sitePackages });
  pyodide.globals.set("KEY", args.key);
  pyodide.globals.set("LOAD_BRIDGE", LOAD_BRIDGE);
  const modules = pyodide.runPython(PREPARE).toJs();
  pyodide.runPython("del KEY, LOAD_BRIDGE");
  if (args.record) {
    const loaded = JSON.parse(pyodide.runPython(LOADED));
    if (args["pyc-out"]) {
      fs.mkdirSync(args["pyc-out"], { recursive: true });
      pyodide.FS.mkdirTree("/pyc-out");
      pyodide.mountNodeFS("/pyc-out", path.resolve(args["pyc-out"]));
      pyodide.globals.set("LOADED_FILES", pyodide.toPy(loaded));
      pyodide.runPython(COMPILE);
    }
    process.stdout.write(JSON.stringify({ pyodide: version, modules: modules.length, loaded }) + "\n");
    process.exit(0);
  }
  const image = pyodide.makeMemorySnapshot();
  // Under a temporary name, then renamed: a failed run leaves no half-written snapshot.
  const partial = `${args.out}.part`;
  fs.writeFileSync(partial, image);
  fs.renameSync(partial, args.out);
  const seconds = (performance.now() - started) / 1000;
  process.stdout.write(
    JSON.stringify({ pyodide: version, size: image.length, modules: modules.length, seconds }) +
      "\n",
  );
  process.exit(0); // Pyodide keeps timers alive; the image is written
}

main().catch((error) => {
  process.stderr.write(`make_snapshot: ${error && error.stack ? error.stack : error}\n`);
  process.exit(1);
});
