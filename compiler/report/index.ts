// stackc/report: the reporters, as pure functions from a run's diagnostics to text.
export { reportInput, STACKC_URI } from "./from-result.js";
export type { ReportInput, ReportRule } from "./report-input.js";
export { formatText, type TextReportInput } from "./text.js";
export { formatJson, type JsonReportInput } from "./json.js";
export { formatSarif, SARIF_SCHEMA } from "./sarif.js";
export { formatJunit } from "./junit.js";
export { formatGithub } from "./github.js";
export { colors, shouldUseColor, type Colors } from "./colors.js";
