import { parseArgs, type ParseArgsConfig } from "node:util";

/**
 * A command's arguments, or a refusal in the operator's words (naming the argument and showing the
 * command as it should be typed) instead of Node's ERR_PARSE_ARGS stack trace.
 */
export function argsOrExit<T extends ParseArgsConfig>(config: T, example: string) {
  try {
    return parseArgs(config);
  } catch (error) {
    const code = String((error as { code?: unknown }).code);
    if (!(error instanceof TypeError) || !code.startsWith("ERR_PARSE_ARGS")) throw error;
    const argument = /'([^' ]+)/.exec(error.message)?.[1] ?? error.message;
    const what =
      code === "ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL"
        ? `Argumen ${argument} tidak dipakai oleh perintah ini.`
        : `Argumen ${argument} tidak dikenal atau belum diberi nilai.`;
    console.error(`${what} Contoh: ${example}`);
    process.exit(1);
  }
}
