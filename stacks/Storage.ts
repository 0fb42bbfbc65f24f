import type { StackContext } from "sst/constructs";
import { acceptSecretFindings, acceptSstInternals } from "../infra/nag.ts";
import { StackSecret } from "../infra/secret.ts";
import { PuskesosTable } from "../infra/table.ts";
import { isProduction, tableClassIsIa } from "./stage.ts";

export function Storage({ stack, app }: StackContext) {
  const protect = isProduction(app.stage);
  const { table } = new PuskesosTable(stack, "Data", { protect, infrequentAccess: tableClassIsIa() });
  const { secret } = new StackSecret(stack, "Keys", { protect });
  // The maintenance commands (retention backfill, data key rotation) need both by name.
  stack.addOutputs({ TableName: table.tableName, SecretArn: secret.secretArn });
  acceptSstInternals(stack);
  acceptSecretFindings(secret);
  return { table, secret };
}
