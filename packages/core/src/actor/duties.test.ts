import { describe, expect, it } from "vitest";
import { userDuties } from "./duties.ts";
import { ROLES } from "./schema.ts";

describe("a user's duties on the home page", () => {
  it("name the user's own village in its own word, and both where the user serves many", () => {
    const kades = userDuties({ role: "kepala-desa", scope: { level: "desa", code: "33.28.10.2001" } });
    expect(kades).toBe(
      "Memantau dasbor, laporan, dan usulan Puskesos desa, serta mencatat hasil musyawarah desa (musdes) atas usulan rumah tangga.",
    );
    // Kagok is a kelurahan of Slawi: its lurah reads kelurahan.
    const lurah = userDuties({ role: "kepala-desa", scope: { level: "desa", code: "33.28.10.1007" } });
    expect(lurah).toContain("usulan Puskesos kelurahan, serta mencatat hasil musyawarah kelurahan (musdes)");
    const kabupatenOffice = userDuties({ role: "back-office", scope: { level: "kabupaten", code: "33.28" } });
    expect(kabupatenOffice).toContain("tidak dapat ditangani di desa/kelurahan.");
  });

  it("leave no placeholder in any role's text, whatever the scope", () => {
    for (const role of ROLES)
      for (const scope of [
        { level: "desa", code: "33.28.10.1007" },
        { level: "kecamatan", code: "33.28.10" },
        { level: "kabupaten", code: "33.28" },
      ])
        expect(userDuties({ role, scope }), role).not.toMatch(/[{}]/);
  });
});
