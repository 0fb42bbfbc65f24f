import { configure, fromEnv } from "@puskesos/core/config";
import { isAppError } from "@puskesos/core/error";
import { createFirstAdmin } from "@puskesos/core/user";
import { argsOrExit } from "./args.ts";
import { kabupatenFromEnv, tableFromEnv } from "./table-from-env.ts";

/**
 * `npm run admin:create -- --username admin.tegal --name "Nama Admin"`
 *
 * Creates an admin of a stage (the first, or one more when every admin is locked out) and prints a
 * one-time password. KABUPATEN_CODE is required (the admin's scope). Against AWS: set TABLE_NAME (the
 * stack's TableName output), AWS_REGION and credentials. Against a local DynamoDB: DYNAMODB_ENDPOINT.
 */
const { values } = argsOrExit(
  { options: { username: { type: "string" }, name: { type: "string" } } },
  'npm run admin:create -- --username admin.tegal --name "Nama Admin"',
);
kabupatenFromEnv();
configure(fromEnv());
await tableFromEnv();
try {
  const { user, temporaryPassword } = await createFirstAdmin({
    username: values.username,
    name: values.name,
  });
  console.log(`Admin ${user.username} (${user.scopeName}) dibuat.`);
  console.log(`Kata sandi sementara: ${temporaryPassword}`);
  console.log("Sampaikan langsung; kata sandi ini wajib diganti saat pertama masuk.");
} catch (error) {
  if (!isAppError(error)) throw error;
  console.error(error.message);
  for (const field of error.fields) console.error(`  ${field.field}: ${field.message}`);
  process.exit(1);
}
