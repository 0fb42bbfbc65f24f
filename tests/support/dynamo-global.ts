import type { TestProject } from "vitest/node";
import { startDynamoLocal } from "../../packages/functions/src/local/dynamo.ts";

/** One in-memory DynamoDB Local for the whole API suite; each test file makes its own table. */
export default async function setup(project: TestProject) {
  const dynamo = await startDynamoLocal();
  project.provide("dynamoEndpoint", dynamo.endpoint);
  return () => dynamo.stop();
}

declare module "vitest" {
  export interface ProvidedContext {
    dynamoEndpoint: string;
  }
}
