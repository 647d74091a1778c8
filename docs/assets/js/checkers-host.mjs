// What the checkers' Python code (checkers/bridge.py) expects its JavaScript host to provide.
// Shared by the Web Worker and the Node test runner, so the tests exercise the same glue.

// The global name checkers/bridge.py looks up (ARGON2_HOST_FUNCTION there).
export const ARGON2_HOST_FUNCTION = "checkersArgon2id";

// Argon2id (version 0x13) with hash-wasm's WebAssembly build; resolves to the raw key bytes.
export function makeArgon2id(hashwasm) {
  return (password, salt, iterations, memoryKib, parallelism, length) =>
    hashwasm.argon2id({
      password,
      salt,
      iterations,
      memorySize: memoryKib,
      parallelism,
      hashLength: length,
      outputType: "binary",
    });
}

// Make Argon2id available to Python, if hash-wasm loaded; without it the checker says plainly
// that a version 1 export's password cannot be checked here.
export function installArgon2id(scope, hashwasm) {
  if (hashwasm && typeof hashwasm.argon2id === "function") {
    scope[ARGON2_HOST_FUNCTION] = makeArgon2id(hashwasm);
    return true;
  }
  return false;
}
