/**
 * Structured JSON logs (one line each, CloudWatch-friendly). Callers pass only what is safe to keep:
 * never NIK, names, passwords or session tokens. As a last guard, any run of 16 digits (a NIK or KK
 * number, e.g. inside an error message quoting input) is blanked before the line is written.
 */
export function log(level: "info" | "warn" | "error", message: string, fields: Record<string, unknown> = {}) {
  if (process.env.LOG_LEVEL === "silent") return;
  const line = redact(JSON.stringify({ level, message, time: new Date().toISOString(), ...fields }));
  if (level === "error") console.error(line);
  else console.log(line);
}

export const redact = (line: string) => line.replace(/(?<!\d)\d{16}(?!\d)/g, "[16 digit]");
