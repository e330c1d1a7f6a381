// A generated file before it is written: what emitters produce, the lock file records, write/
// puts into out/<stack>/, and verify/diff compare with the disk. A leaf type shared by those
// layers, so none of them imports another for it.
export interface VirtualFile {
  /** Relative to out/<stack>/, `/` separators, no `..`. */
  path: string;
  /** UTF-8 text: LF line endings, one trailing newline. */
  contents: string;
  /** Written with the executable bit (mode 0755): the bin/ scripts. Recorded in the lock file, checked by verify. */
  executable?: boolean;
}
