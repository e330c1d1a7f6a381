/**
 * Thrown when an HCL document cannot be printed as canonical `terraform fmt` output. These are
 * emitter bugs (a malformed AST), not user errors, so they are exceptions rather than diagnostics.
 */
export class HclError extends Error {
  override name = "HclError";
  /** Where in the document the problem is, e.g. `resource "aws_vpc" "this" > tags > Name`. */
  readonly where: string;

  constructor(message: string, where = "") {
    super(where === "" ? message : `${where}: ${message}`);
    this.where = where;
  }
}
