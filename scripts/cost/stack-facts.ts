/**
 * Facts about the deployed stack the cost model needs. tests/infra/app.test.ts checks ALARM_METRICS
 * against the synthesized Monitoring stack, so the two cannot drift apart.
 */

/** The Monitoring stack's alarms. */
export const ALARMS = 6;

/** Metrics across the Monitoring stack's alarms (CloudWatch bills each metric of a math alarm). */
export const ALARM_METRICS = 15;

/**
 * Lambda's own lines per invocation (START, END, REPORT with its durations and memory), about
 * this many bytes in text format.
 */
export const LAMBDA_PLATFORM_LOG_BYTES = 330;
