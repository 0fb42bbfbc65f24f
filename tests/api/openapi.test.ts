import { beforeAll, describe, expect, it } from "vitest";
import * as v from "valibot";
import { MeSchema, SessionAnswerSchema } from "@puskesos/core/auth/schema";
import { Client, freshTable, signedIn } from "../support/api.ts";

interface Operation {
  operationId?: string;
  responses?: Record<
    string,
    { content?: Record<string, { schema?: object }>; headers?: Record<string, { description?: string }> }
  >;
}

let operations: { name: string; op: Operation }[];
beforeAll(async () => {
  // Makassar rather than the default Tegal, so the zone below cannot be a constant WIB.
  await freshTable({ kabupatenCode: "73.71" });
  const res = await new Client().get("/api/openapi.json");
  expect(res.status).toBe(200);
  operations = Object.entries<Record<string, Operation>>(res.body.paths).flatMap(([path, item]) =>
    Object.entries(item).map(([method, op]) => ({ name: `${method.toUpperCase()} ${path}`, op })),
  );
});

describe("OpenAPI document", () => {
  it("gives every operation a JSON schema for its success answer, or a documented file", () => {
    expect(operations.length).toBeGreaterThan(40);
    const without = operations
      .filter(({ op }) =>
        Object.entries(op.responses ?? {}).every(([status, response]) => {
          const schema = response.content?.["application/json"]?.schema;
          return !/^2\d\d$/.test(status) || !schema || Object.keys(schema).length === 0;
        }),
      )
      .map(({ name, op }) => op.operationId ?? name);
    // A download answers its file instead: binary in each media type, its name in Content-Disposition.
    expect(without.sort()).toEqual([
      "complaints.browseFile",
      "proposalExports.file",
      "reports.dashboardFile",
      "reports.monthlyFile",
    ]);
    const file = operations.find(({ op }) => op.operationId === "proposalExports.file")!.op.responses![
      "200"
    ]!;
    expect(file.content).toEqual({
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": {
        schema: { type: "string", format: "binary" },
      },
      "text/csv": { schema: { type: "string", format: "binary" } },
    });
    expect(file.headers?.["Content-Disposition"]?.description).toMatch(/^attachment; filename=/);
  });

  it("names every operation `<resource>.<verb>`, each name once", () => {
    const ids = operations.map(({ name, op }) => op.operationId ?? name);
    // Both in lower camel case: a resource of two words is one name (`proposalExports.create`).
    expect(ids.filter((id) => !/^[a-z][A-Za-z]*\.[a-z][A-Za-z]*$/.test(id))).toEqual([]);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
  });
});

describe("answers as documented", () => {
  it("tells the signed-in user the kabupaten's time zone at sign-in and on /auth/me", async () => {
    const client = new Client();
    const login = await client.login("admin");
    expect(login.status).toBe(200);
    expect(v.is(SessionAnswerSchema, login.body)).toBe(true);
    expect(login.body.user.timeZone).toBe("Asia/Makassar");

    const me = await (await signedIn("admin")).get("/api/auth/me");
    expect(me.status).toBe(200);
    expect(v.is(MeSchema, me.body)).toBe(true);
    expect(me.body).toMatchObject({ username: "admin", timeZone: "Asia/Makassar" });
  });
});
