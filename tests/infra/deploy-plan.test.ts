import { execFileSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { deployPlan, removePlan } from "../../scripts/deploy/plan.ts";

describe("npm run deploy", () => {
  it("derives the stage from the kabupaten code, in Jakarta unless told otherwise", () => {
    const plan = deployPlan({ code: "33.28", alarmEmail: "tik@tegalkab.go.id" });
    expect(plan).toMatchObject({
      stage: "kab-3328",
      kabupaten: "33.28 Kabupaten Tegal",
      region: "ap-southeast-3",
      production: true,
      env: {
        ALARM_EMAIL: "tik@tegalkab.go.id",
        MONTHLY_BUDGET_USD: "25",
        TABLE_CLASS: "standard",
        DATA_KEY_VERSION: "1",
      },
    });
    expect(plan.commands.at(-1)).toEqual([
      "npx",
      "sst",
      "deploy",
      "--stage",
      "kab-3328",
      "--region",
      "ap-southeast-3",
    ]);
    const test = deployPlan({ code: "33.28", test: true, region: "ap-southeast-1", budget: "5" });
    expect(test).toMatchObject({ stage: "test-3328", production: false, region: "ap-southeast-1" });
    expect(deployPlan({ code: "33.28", test: true, tableClass: "ia" }).env.TABLE_CLASS).toBe("ia");
    // A rotated key's version is in the plan, so a later deploy shows which version it seals with.
    expect(deployPlan({ code: "33.28", test: true, dataKeyVersion: "2" }).env.DATA_KEY_VERSION).toBe("2");
    const domain = deployPlan({
      code: "33.28",
      alarmEmail: "tik@tegalkab.go.id",
      domain: "puskesos.tegalkab.go.id",
      certificate: "arn:aws:acm:us-east-1:123456789012:certificate/abc",
    });
    expect(domain.env).toMatchObject({ SITE_DOMAIN: "puskesos.tegalkab.go.id" });
  });

  it("refuses, in Indonesian and before anything runs, what would deploy a wrong or unwatched stage", () => {
    expect(() => deployPlan({ code: undefined })).toThrow(/kode kabupaten/);
    expect(() => deployPlan({ code: "33.99", alarmEmail: "a@b.id" })).toThrow(
      /33\.99 tidak ada di daftar kabupaten\/kota Kemendagri/,
    );
    expect(() => deployPlan({ code: "33.28" })).toThrow(/wajib punya --alarm-email/);
    expect(() => deployPlan({ code: "33.28", alarmEmail: "tik" })).toThrow(/bukan alamat email/);
    expect(() => deployPlan({ code: "33.28", test: true, budget: "nol" })).toThrow(/--budget/);
    expect(() => deployPlan({ code: "33.28", test: true, domain: "x.go.id" })).toThrow(
      /--domain dan --certificate/,
    );
    expect(() =>
      deployPlan({
        code: "33.28",
        test: true,
        domain: "x.go.id",
        certificate: "arn:aws:acm:ap-southeast-3:1:certificate/a",
      }),
    ).toThrow(/us-east-1/);
    expect(() => deployPlan({ code: "33.28", test: true, region: "jakarta" })).toThrow(/Region/);
    expect(() => deployPlan({ code: "33.28", test: true, tableClass: "glacier" })).toThrow(/--table-class/);
    expect(() => deployPlan({ code: "33.28", test: true, dataKeyVersion: "x" })).toThrow(/DATA_KEY_VERSION/);
  });
});

describe("npm run remove", () => {
  it("removes test stages only, never a production stage", () => {
    expect(removePlan({ code: "33.28" }).commands).toEqual([
      ["npx", "sst", "remove", "--stage", "test-3328", "--region", "ap-southeast-3"],
    ]);
    expect(removePlan({ code: undefined, stage: "dev-3328" })).toMatchObject({
      stage: "dev-3328",
      kabupaten: "33.28 Kabupaten Tegal",
    });
    expect(() => removePlan({ code: undefined, stage: "dev-9999" })).toThrow(/99\.99 tidak ada/);
    expect(() => removePlan({ code: undefined, stage: "kab-3328" })).toThrow(/stage produksi/);
    expect(() => removePlan({ code: undefined, stage: "tegal" })).toThrow(/stage produksi/);
  });

  it("prints the plan without running anything with --dry-run", () => {
    const out = execFileSync(
      process.execPath,
      [
        "--import",
        "tsx",
        "scripts/deploy/main.ts",
        "deploy",
        "33.28",
        "--alarm-email",
        "tik@tegalkab.go.id",
        "--dry-run",
      ],
      { encoding: "utf8" },
    );
    expect(out).toContain("Stage:     kab-3328");
    expect(out).toContain("$ npx sst deploy --stage kab-3328 --region ap-southeast-3");
  });
});
