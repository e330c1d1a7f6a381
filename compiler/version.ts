// stackc's version, as a constant: it goes into every lock file and report, and reading
// package.json at import time would be I/O outside the seam. test/architecture/package.test.ts
// fails when it differs from package.json's version.
export const stackcVersion = "0.1.0";
