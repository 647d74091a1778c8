"""Pure-Python ciphers the browser lacks (XSalsa20, X25519, ChaCha20-Poly1305); see native.py."""
