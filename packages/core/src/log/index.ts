/**
 * Structured JSON logs (one line each, CloudWatch-friendly). Callers pass only what is safe to keep:
 * never NIK, names, passwords or session tokens.
 */
export function log(level: "info" | "warn" | "error", message: string, fields: Record<string, unknown> = {}) {
  if (process.env.LOG_LEVEL === "silent") return;
  const line = JSON.stringify({ level, message, time: new Date().toISOString(), ...fields });
  if (level === "error") console.error(line);
  else console.log(line);
}
