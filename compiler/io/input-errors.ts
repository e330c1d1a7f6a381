// Why an Io refused a path before reading it: typed, so load can turn each into its own
// located diagnostic (STK-IO-004, STK-LIMIT-001) instead of a generic "cannot read".

export type FileKind = "directory" | "named pipe" | "character device" | "block device" | "socket" | "special file";

export class NotRegularFileError extends Error {
  readonly code = "ENOTREG";
  constructor(readonly kind: FileKind) {
    super(`is a ${kind}, not a regular file`);
  }
}

export class FileTooLargeError extends Error {
  readonly code = "EFBIG";
  constructor(
    readonly size: number,
    readonly maxBytes: number,
  ) {
    super(`is ${size} bytes, more than the ${maxBytes} bytes a manifest may have`);
  }
}

/** The kind of a non-regular file from fs.Stats-like predicates. */
export function fileKind(s: {
  isDirectory(): boolean;
  isFIFO(): boolean;
  isCharacterDevice(): boolean;
  isBlockDevice(): boolean;
  isSocket(): boolean;
}): FileKind {
  if (s.isDirectory()) return "directory";
  if (s.isFIFO()) return "named pipe";
  if (s.isCharacterDevice()) return "character device";
  if (s.isBlockDevice()) return "block device";
  if (s.isSocket()) return "socket";
  return "special file";
}
