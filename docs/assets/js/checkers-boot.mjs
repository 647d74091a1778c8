// Loaded from the <head> of a tool page (async): starts the checkers' worker while the rest of
// the page is still loading. Pages without a checker never load it, nor any of Pyodide.
import { startCheckers } from "./checkers-client.mjs";

startCheckers();
