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

// Each 16-byte block of `blocks` encrypted with AES under `keyBytes` (ECB: the blocks are
// WinZip AES's little-endian counter blocks, which WebCrypto's big-endian AES-CTR cannot
// count), by @noble/ciphers' AES (`aes`: its aes.js module) on this thread, at once: a
// Uint8Array as long as `blocks`. Not WebCrypto's AES, whose one call per block would queue
// on the one thread where the same renderer's key derivations run one at a time.
export function makeAesBlocks(aes) {
  return (keyBytes, blocks) => aes.ecb(keyBytes, { disablePadding: true }).encrypt(blocks);
}

// Make the AES blocks available to Python, if @noble/ciphers' aes.js loaded; without it
// Python's own AES (checkers/databackup/aes_blocks.py, slower) does them. The data-backup
// check's requests (BACKUP_HOST_FUNCTION) are installed either way.
export function installAesBlocks(scope, aes) {
  scope[BACKUP_HOST_FUNCTION] = (file) => makeBackupHost(scope, file);
  if (aes && typeof aes.ecb === "function") {
    scope[AES_HOST_FUNCTION] = makeAesBlocks(aes);
    return true;
  }
  return false;
}

// --- The data-backup check's requests, as promises kept here (checkers/bridge.py _FileHost) ---
export const BACKUP_HOST_FUNCTION = "checkersBackupHost";

// The host of one chosen File: Python starts each request with plain data and gets a number
// back; `settle` calls Python back once the numbered requests have settled. Python never holds
// a promise: Pyodide turns a promise that a call returns to Python into a Python future, whose
// every continuation (a `then`, an await) waits for a turn of Python's event loop, a task
// queued behind whatever the worker has to do, where this continues in the promise's own
// microtask. A key and its AES blocks, or a read and the key whose salt it holds, are one
// chain here, with no round through Python between. A class, not closures made per file: its
// methods are the same functions for every file chosen, so the engine's optimized code for
// them outlives a file (closures made anew for each file would each start unoptimized, and
// be compiled again during that file's check).
class BackupHost {
  constructor(scope, file) {
    this.file = file;
    this.subtle = (scope.crypto && scope.crypto.subtle) || null;
    this.scope = scope;
    this.started = new Map(); // number -> promise, until settled
    this.imports = new Map(); // the password's PBKDF2 key import, once a check
    // Derivations begun and not yet handed to WebCrypto: each waits for its key's import, a
    // microtask that runs only once Python returns to JavaScript (handedOver).
    this.handing = [];
    this.count = 0;
    // How many key imports and derivations this host has begun (one import a check and
    // password; a derivation for each key, each begun once).
    this.importsBegun = 0;
    this.derivationsBegun = 0;
    // The keyed AES steps the check will ask for first, without the password (plan), and
    // those begun with it (prepare), by what they derive (planKey), until asked for.
    this.planned = [];
    this.early = new Map();
  }

  keep(promise) {
    this.count += 1;
    promise.catch(() => {}); // its outcome goes to Python through settle
    this.started.set(this.count, promise);
    return this.count;
  }

  imported(password) {
    const text = password.join(",");
    if (!this.imports.has(text)) {
      this.importsBegun += 1;
      const key = this.subtle.importKey("raw", password, "PBKDF2", false, ["deriveBits"]);
      this.imports.set(text, key);
    }
    return this.imports.get(text);
  }

  // PBKDF2's bits; WebCrypto starts on them as soon as the key is imported. (The bits'
  // promise travels in an array: a promise returned from `then` would be waited for.)
  bits(password, hash, salt, iterations, length) {
    if (!this.subtle) return Promise.reject(new Error("this browser offers no WebCrypto here"));
    const subtle = this.subtle;
    const params = { name: "PBKDF2", hash, salt, iterations };
    this.derivationsBegun += 1;
    const handed = this.imported(password).then((key) => [
      subtle.deriveBits(params, key, 8 * length),
    ]);
    this.handing.push(handed);
    return handed.then(([derived]) => derived);
  }

  // [PBKDF2's bits, the AES blocks under its first keyBytes bytes] (the blocks undefined, None
  // in Python, without the AES blocks here: then Python's own AES does them).
  keyedBits(password, hash, salt, iterations, length, keyBytes, blocks) {
    const derived = this.bits(password, hash, salt, iterations, length);
    const aes = this.scope[AES_HOST_FUNCTION];
    if (!aes) return derived.then((buffer) => [buffer, undefined]);
    return derived.then((buffer) => [buffer, aes(new Uint8Array(buffer, 0, keyBytes), blocks)]);
  }

  // Starts the password's key import now, and the planned keyed steps with it in the order
  // planned: the first derivation need not wait for the check's Python to ask for it.
  prepare(password) {
    this.imports.clear(); // each check imports its password once
    this.early.clear();
    if (!this.subtle) return;
    this.imported(password);
    for (const [hash, salt, iterations, length, keyBytes, blocks] of this.planned) {
      const chain = this.keyedBits(password, hash, salt, iterations, length, keyBytes, blocks);
      chain.catch(() => {}); // its outcome goes to Python once asked for (keyed)
      this.early.set(planKey(password, hash, salt, iterations, length, keyBytes, blocks), chain);
    }
  }

  // [[hash, salt, iterations, length, keyBytes, blocks], ...]: keyed steps to begin at
  // prepare (checkers/bridge.py _FileHost.plan).
  plan(keyed) {
    this.planned = keyed;
  }

  read(offset, length) {
    return this.keep(this.file.slice(offset, offset + length).arrayBuffer());
  }

  derive(password, hash, salt, iterations, length) {
    return this.keep(this.bits(password, hash, salt, iterations, length));
  }

  // A keyed step: the one begun at prepare if it derives the same, else begun now.
  keyed(password, hash, salt, iterations, length, keyBytes, blocks) {
    const key = planKey(password, hash, salt, iterations, length, keyBytes, blocks);
    const begun = this.early.get(key);
    this.early.delete(key);
    return this.keep(
      begun || this.keyedBits(password, hash, salt, iterations, length, keyBytes, blocks),
    );
  }

  // [the bytes, the keyed promise's settled outcome] once the bytes are read and their
  // salt (saltBytes at saltAt) keyed; no outcome when the bytes end before the salt.
  readKeyed(offset, length, saltAt, saltBytes, password, hash, iterations, bitLength,
            keyBytes, blocks) {
    const read = this.file.slice(offset, offset + length).arrayBuffer();
    return this.keep(
      read.then((buffer) => {
        if (!this.subtle || saltAt < 0 || saltAt + saltBytes > buffer.byteLength) {
          return [buffer, undefined];
        }
        const salt = new Uint8Array(buffer.slice(saltAt, saltAt + saltBytes));
        const derived = this.keyedBits(password, hash, salt, iterations, bitLength, keyBytes,
                                       blocks);  // prettier-ignore
        return Promise.allSettled([derived]).then(([outcome]) => [buffer, outcome]);
      }),
    );
  }

  // The blocks under `key`; undefined without the AES blocks here (then Python's own does it).
  aes(key, blocks) {
    const aes = this.scope[AES_HOST_FUNCTION];
    return this.keep(new Promise((resolve) => resolve(aes ? aes(key, blocks) : undefined)));
  }

  refuse(message) {
    return this.keep(Promise.reject(new Error(message)));
  }

  // Calls back() once every derivation begun so far is WebCrypto's to work on, so that
  // Python's next requests do not hold the worker's thread before the first key is begun.
  handedOver(back) {
    Promise.allSettled(this.handing.splice(0)).then(() => back());
  }

  // Calls back(outcomes), as Promise.allSettled gives them, once `numbers` have settled.
  settle(numbers, back) {
    const promises = Array.from(numbers, (number) => this.started.get(number));
    numbers.forEach((number) => this.started.delete(number));
    Promise.allSettled(promises).then(back);
  }
}

// What a keyed step derives and encrypts, as one string: its inputs' bytes and numbers, and of
// its blocks (the counter blocks 1, 2, ... of checkers/databackup/winzip_aes.py, up to 16,384
// of them for a 256 KiB list) their length and the first and last, not all of them.
function planKey(password, hash, salt, iterations, length, keyBytes, blocks) {
  const ends = [blocks.subarray(0, 16), blocks.subarray(Math.max(0, blocks.length - 16))];
  return [password.join(","), hash, salt.join(","), iterations, length, keyBytes, blocks.length,
          ...ends.map((block) => block.join(","))].join("|");  // prettier-ignore
}

export function makeBackupHost(scope, file) {
  return new BackupHost(scope, file);
}
