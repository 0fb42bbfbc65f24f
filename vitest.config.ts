import { defineConfig } from "vitest/config";
import { BaseSequencer, type TestSpecification } from "vitest/node";

/**
 * The two every-page files first: they are the longest, and on a fresh clone (no timing cache) vitest
 * orders by file size, which put these two small files last and left the run waiting on them alone.
 * Then the infrastructure files, which take turns to synthesize (tests/support/synth.ts): early, they
 * share a core with the rest instead of making a tail of their own.
 */
class LongestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const rank = (f: TestSpecification) =>
      f.moduleId.includes("every-page") ? 0 : f.moduleId.includes("/tests/infra/") ? 1 : 2;
    return (await super.sort(files)).sort((a, b) => rank(a) - rank(b));
  }
}

/**
 * DynamoDB Local's Java, started per API run and per end-to-end file, spends much of its short life
 * compiling itself: the quick compiler alone and one GC thread cut the Java's CPU time by about a fifth
 * on this two-core machine (measured on three API files: 54.6 → 42.7 CPU-seconds), which the whole
 * suite, CPU-bound here, turns into minutes. Set before any Java starts, globalSetup's included.
 */
process.env.JDK_JAVA_OPTIONS ??= "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -XX:CICompilerCount=1";

/**
 * One runner, four suites: unit tests beside the code, API tests through the Hono app against
 * DynamoDB Local, infrastructure synthesis, and browser end-to-end tests in real Chromium.
 */
export default defineConfig({
  test: {
    env: { LOG_LEVEL: "silent", DDB_LOCAL_TELEMETRY: "0" },
    // Three files at a time: two left the two cores waiting on Java and Chromium, four made the run
    // slower (18.0 min against 16.8) and long tests time out.
    maxWorkers: 3,
    sequence: { sequencer: LongestFirst },
    projects: [
      {
        extends: true,
        test: { name: "unit", include: ["packages/*/src/**/*.test.ts"] },
      },
      {
        extends: true,
        test: {
          name: "api",
          include: ["tests/api/**/*.test.ts"],
          // Each file makes its own table and configures the app in its setup, so the files of a
          // worker can share loaded modules: the project's run took 3m05s instead of 3m57s here, with
          // a quarter less CPU.
          isolate: false,
          globalSetup: ["tests/support/dynamo-global.ts"],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: {
          name: "infra",
          include: ["tests/infra/**/*.test.ts"],
          // Including the wait for another file's synthesis.
          testTimeout: 180_000,
          hookTimeout: 180_000,
        },
      },
      {
        extends: true,
        test: {
          name: "e2e",
          include: ["tests/e2e/**/*.test.ts"],
          // One DynamoDB Local for the project; each file's server makes its own table on it.
          globalSetup: ["tests/support/dynamo-global.ts"],
          // As in the API project: each file starts its own server (config, table) in its setup, so a
          // worker's files can share loaded modules.
          isolate: false,
          // Three files share two cores here, so a page's answer can take seconds; a real failure still fails.
          expect: { poll: { timeout: 10_000 } },
          testTimeout: 120_000,
          hookTimeout: 180_000,
        },
      },
    ],
  },
});
