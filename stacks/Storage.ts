import type { StackContext } from "sst/constructs";
import { acceptSstInternals } from "../infra/nag.ts";
import { PuskesosTable } from "../infra/table.ts";
import { isProduction } from "./stage.ts";

export function Storage({ stack, app }: StackContext) {
  const { table } = new PuskesosTable(stack, "Data", { protect: isProduction(app.stage) });
  stack.addOutputs({ TableName: table.tableName });
  acceptSstInternals(stack);
  return { table };
}
