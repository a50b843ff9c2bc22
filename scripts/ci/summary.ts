/**
 * Adds up vitest JSON reports into the one closing line CI reads in any language:
 * "tests: N passed, N failed, N skipped", then says why the run fails, if it does. It fails on a
 * missing or unreadable report, a report with no tests, a failed test, a test file that failed
 * outside its tests (a hook, an import), and any test that did not run (skipped, todo): no test
 * in this project is meant to skip, so a skip means something it needs went missing.
 */
import { readFileSync } from "node:fs";
import { relative } from "node:path";

interface TestResult {
  fullName: string;
  /** passed, failed, skipped, todo, or pending for one that never ended. */
  status: string;
}

interface FileResult {
  name: string;
  status: string;
  message: string;
  assertionResults: TestResult[];
}

interface Report {
  testResults: FileResult[];
}

const problems: string[] = [];
const tests: Array<TestResult & { file: string }> = [];

for (const path of process.argv.slice(2)) {
  let report: Report;
  try {
    report = JSON.parse(readFileSync(path, "utf8")) as Report;
  } catch (error) {
    problems.push(`${path} cannot be read: ${error instanceof Error ? error.message : String(error)}`);
    continue;
  }
  const before = tests.length;
  for (const file of report.testResults) {
    const name = relative(process.cwd(), file.name);
    const results = file.assertionResults;
    if (file.status === "failed" && !results.some((test) => test.status === "failed"))
      problems.push(`${name} failed outside its tests: ${file.message || "no message"}`);
    for (const test of results) tests.push({ ...test, file: name });
  }
  if (tests.length === before) problems.push(`${path} holds no tests`);
}

const passed = tests.filter((test) => test.status === "passed").length;
const failed = tests.filter((test) => test.status === "failed").length;
const notRun = tests.filter((test) => test.status !== "passed" && test.status !== "failed");
process.stdout.write(`tests: ${passed} passed, ${failed} failed, ${notRun.length} skipped\n`);
if (failed) problems.push(`${failed} test(s) failed`);
if (notRun.length)
  problems.push(
    `${notRun.length} test(s) did not run, and none is meant to skip:\n${notRun
      .map((test) => `  ${test.file} > ${test.fullName} (${test.status})`)
      .join("\n")}`,
  );
for (const problem of problems) process.stderr.write(`CI fails: ${problem}\n`);
process.exit(problems.length ? 1 : 0);
