// Mocha's globals (describe, it, this.timeout, this.skip) for the workflow browser tests; the
// tsconfig limits automatic @types to node, so they are referenced here.
/// <reference types="mocha" />
