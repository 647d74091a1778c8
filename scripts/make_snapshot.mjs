// Makes the checkers' Pyodide memory snapshot under Node (called by helpcenter/snapshot.py).
//
//   node scripts/make_snapshot.mjs --pyodide DIR --wheel FILE --key KEY --out FILE
//
// Starts the pinned Pyodide from DIR with `_makeSnapshot`, unpacks the checkers wheel, imports
// every pure module of the checkers package (not checkers.bridge: it imports `js`, the worker's
// globals, which a snapshot made here cannot carry), compiles the bridge's source, records KEY
// inside Python (module `_helpcenter_snapshot`, read back by the worker after a restore) and
// writes the memory image to FILE. After the restore the worker runs the bridge's compiled code
// (`_helpcenter_snapshot.load_bridge()`): no wheel to unpack and no compile on the visitor's
// device. Prints one JSON line with what it did.
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";

function parseArgs(argv) {
  const args = {};
  for (let i = 0; i < argv.length; i += 2) {
    const name = argv[i];
    if (!["--pyodide", "--wheel", "--key", "--out"].includes(name) || i + 1 >= argv.length) {
      process.stderr.write(`make_snapshot: unknown or incomplete option ${name}\n`);
      process.exit(2);
    }
    args[name.slice(2)] = argv[i + 1];
  }
  for (const name of ["pyodide", "wheel", "key", "out"]) {
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

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const indexURL = path.resolve(args.pyodide) + path.sep;
  const { loadPyodide, version } = await import(pathToFileURL(path.join(indexURL, "pyodide.mjs")));
  const started = performance.now();
  const quiet = () => {};
  const pyodide = await loadPyodide({
    indexURL,
    _makeSnapshot: true,
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
