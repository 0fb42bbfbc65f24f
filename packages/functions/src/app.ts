import { createApp } from "./create-app.ts";
import { generateOpenApi } from "./openapi/generate.ts";
export { CONTENT_SECURITY_POLICY, securityHeaders } from "./create-app.ts";

/** The app with its OpenAPI document generated from the routes: local server, tests, build. */
export const app = createApp(generateOpenApi);

export type AppType = typeof app;
