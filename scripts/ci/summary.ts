/**
 * Adds up vitest JSON reports into the one closing line CI reads in any language:
 * "tests: N passed, N failed, N skipped". Exits non-zero when a report is missing or none passed.
 */
import { readFileSync } from "node:fs";

interface Report {
  numPassedTests: number;
  numFailedTests: number;
  numPendingTests: number;
  numTodoTests: number;
}

const files = process.argv.slice(2);
const reports = files.map((file) => JSON.parse(readFileSync(file, "utf8")) as Report);
const sum = (pick: (report: Report) => number) => reports.reduce((total, report) => total + pick(report), 0);
const passed = sum((report) => report.numPassedTests);
const failed = sum((report) => report.numFailedTests);
const skipped = sum((report) => report.numPendingTests + report.numTodoTests);
process.stdout.write(`tests: ${passed} passed, ${failed} failed, ${skipped} skipped\n`);
process.exit(passed > 0 && failed === 0 ? 0 : 1);
