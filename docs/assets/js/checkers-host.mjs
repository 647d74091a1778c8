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

// --- AES blocks for the data-backup check (checkers/bridge.py, AES_HOST_FUNCTION there) ---
export const AES_HOST_FUNCTION = "checkersAesBlocks";

// Each 16-byte block of `blocks` encrypted with AES under `keyBytes` (as ECB), by WebCrypto:
// WinZip AES's CTR mode counts little-endian, WebCrypto's big-endian, so each counter block is
// one AES-CTR call on 16 zero bytes with that block as its counter. All calls are issued at
// once (WebCrypto works through them in order); resolves to a Uint8Array as long as `blocks`.
export function makeAesBlocks(subtle) {
  const zeros = new Uint8Array(16);
  return async (keyBytes, blocks) => {
    const key = await subtle.importKey("raw", keyBytes, "AES-CTR", false, ["encrypt"]);
    const calls = [];
    for (let at = 0; at < blocks.length; at += 16) {
      const counter = blocks.subarray(at, at + 16);
      calls.push(subtle.encrypt({ name: "AES-CTR", counter, length: 128 }, key, zeros));
    }
    const out = new Uint8Array(blocks.length);
    const encrypted = await Promise.all(calls);
    encrypted.forEach((block, index) => out.set(new Uint8Array(block), 16 * index));
    return out;
  };
}

// Make WebCrypto's AES available to Python where there is WebCrypto (https:// or localhost
// pages); without it the data-backup check says its keys cannot be derived here anyway.
export function installAesBlocks(scope) {
  const subtle = scope.crypto && scope.crypto.subtle;
  if (subtle && typeof subtle.encrypt === "function") {
    scope[AES_HOST_FUNCTION] = makeAesBlocks(subtle);
    return true;
  }
  return false;
}
