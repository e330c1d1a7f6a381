// stackc/io: the I/O seam — the Io interface, the real file system (nodeIo) and an in-memory Io.
export type { DirEntryInfo, FileInfo, Io, SpawnOptions, SpawnResult, WriteOptions } from "./io.js";
export { errorCode, ioError } from "./io.js";
export { nodeIo } from "./node-io.js";
export { createMemoryIo, type MemoryIo, type MemoryIoOptions } from "./memory-io.js";
