// Type of elkjs's GWT build, elk-worker.min.js (elkjs ships no declaration for the minified file):
// a CommonJS module exporting its FakeWorker class. Read through elk-direct.ts only.
declare module 'elkjs/lib/elk-worker.min.js' {
  const elkWorkerModule: unknown;
  export default elkWorkerModule;
}
