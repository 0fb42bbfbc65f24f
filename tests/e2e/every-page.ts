import axe from "axe-core";
import type { APIResponse, Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { e2eApp, newPage, signedInContext, signedInPage } from "../support/browser.ts";
import { referralAt } from "../support/journey.ts";
import { complaint, BUDI, JOKO, SITI, WATI } from "../support/residents.ts";
import { dayIn } from "@puskesos/core/time/calendar";

/**
 * Every page of every role, on a 360 px phone and a 1366 px laptop: no horizontal scrolling, no
 * serious or critical accessibility violation (axe-core), every form control named by its own label.
 * Two test files check half of the roles each (every-page-1, every-page-2), so the longest check of the
 * suite runs on two workers at once.
 */

/** Registers the file's setup and checks for the roles at even (0) or odd (1) places of the list. */
export function everyPage(half: 0 | 1) {
  const app = e2eApp();
  const KALISAPU = "33.28.10.2001";
  const VIEWPORTS = [
    { width: 360, height: 640 },
    { width: 1366, height: 768 },
  ];

  let ids: {
    complaint: string;
    referral: string;
    proposalComplaint: string;
    notProposed: string;
    /** Scheduled for today: the survey team's forms. */
    scheduled: string;
    /** Confirmed at a musdes and exported. */
    musdes: string;
    confirmed: string;
    /** In intervention, with a plan and a client in the shelter. */
    case: string;
    /** Handed over to Kabupaten Brebes: its letter. */
    handedOver: string;
  };

  /** A setup request's answer, failing the run at once when the server refused it. */
  async function ok(response: APIResponse) {
    if (!response.ok()) throw new Error(`${response.url()}: ${response.status()} ${await response.text()}`);
    return response.json();
  }

  beforeAll(async () => {
    const headers = { origin: app.server.url };
    const referred = await referralAt(app, "approved");
    const fo = await signedInContext(app, "fo.kalisapu");
    await fo.request.post("/api/queue", { headers });
    const atBackOffice = await (
      await fo.request.post("/api/complaints", {
        headers,
        data: complaint({}, { nik: SITI.nik, name: SITI.name }),
      })
    ).json();
    // Not in the DPM and not proposed yet: its page offers the household form.
    const notProposed = await (
      await fo.request.post("/api/complaints", { headers, data: complaint({}, WATI) })
    ).json();
    /** A household proposed from its complaint, the reporter its first member. */
    const propose = async (resident: { nik: string; name: string }) => {
      const registered = await ok(
        await fo.request.post("/api/complaints", {
          headers,
          data: complaint({}, { nik: resident.nik, name: resident.name }),
        }),
      );
      const proposal = await ok(
        await fo.request.post("/api/proposals", {
          headers,
          data: {
            id: crypto.randomUUID(),
            complaintId: registered.id,
            members: [{ reporter: true, name: resident.name, relationship: "kepala-keluarga" }],
            houseCondition: "tidak-layak",
            incomeSource: "buruh-harian",
          },
        }),
      );
      return { complaintId: registered.id as string, proposalId: proposal.id as string };
    };
    const wati = await propose(WATI);
    const joko = await propose(JOKO);
    const budi = await propose(BUDI);
    await fo.close();

    // The survey team: an indicator of the kabupaten; Wati's visit today, Joko's and Budi's recorded layak.
    const today = dayIn("Asia/Jakarta");
    const manajer = await signedInContext(app, "manajer");
    await ok(
      await manajer.request.post("/api/indicators", {
        headers,
        data: { label: "Lantai rumah dari tanah", kind: "ya-tidak" },
      }),
    );
    const survei = await signedInContext(app, "survei");
    for (const { proposalId } of [wati, joko, budi])
      await ok(
        await survei.request.post(`/api/proposals/${proposalId}/schedule`, {
          headers,
          data: { version: 1, visitDate: today, officers: ["Tim Survei Lapangan"] },
        }),
      );
    for (const { proposalId } of [joko, budi])
      await ok(
        await survei.request.post(`/api/proposals/${proposalId}/verify`, {
          headers,
          data: {
            version: 2,
            resultId: crypto.randomUUID(),
            result: "layak",
            reason: "Rumah tidak layak huni.",
            visitDate: today,
            members: [{ existing: 0, name: "Kepala Keluarga", relationship: "kepala-keluarga" }],
            houseCondition: "tidak-layak",
            incomeSource: "buruh-harian",
            assets: [],
            indicators: { "lantai-rumah-dari-tanah": true },
          },
        }),
      );
    await survei.close();
    // The desa's musdes confirms Joko's household (Budi's still waits); the manajer exports it.
    const koord = await signedInContext(app, "koord.kalisapu");
    const musdes = await ok(
      await koord.request.post("/api/musdes", {
        headers,
        data: {
          id: crypto.randomUUID(),
          date: today,
          place: "Balai Desa Kalisapu",
          present: 25,
          minutesRef: "BA/01/2026",
          decisions: [{ proposalId: joko.proposalId, version: 3, confirmed: true }],
        },
      }),
    );
    await koord.close();
    await ok(
      await manajer.request.post("/api/proposal-exports", {
        headers,
        data: { id: crypto.randomUUID(), desaCode: "33.28.10.2001" },
      }),
    );
    // Casework: a shelter, a case with an approved plan and a client staying, a case handed over.
    const admin = await signedInContext(app, "admin");
    await ok(
      await admin.request.post("/api/facilities", {
        headers,
        data: {
          code: "rps-slawi",
          name: "RPS Slawi",
          kind: "rumah-singgah",
          capacityL: 3,
          capacityP: 3,
          longStayDays: 14,
        },
      }),
    );
    await admin.close();
    const worker = await signedInContext(app, "peksos.slawi");
    const caseOf = async (name: string) =>
      (await ok(
        await worker.request.post("/api/cases", {
          headers,
          data: {
            id: crypto.randomUUID(),
            source: "penjangkauan",
            client: { name, sex: "L", ppks: "gelandangan" },
          },
        }),
      )) as { id: string };
    const assess = {
      version: 1,
      problems: "Tidak punya tempat tinggal.",
      needs: "Tempat tinggal sementara.",
    };
    const open = await caseOf("Pak Darto");
    await ok(await worker.request.post(`/api/cases/${open.id}/assess`, { headers, data: assess }));
    await ok(
      await worker.request.post(`/api/cases/${open.id}/submit-plan`, {
        headers,
        data: {
          version: 2,
          goals: [
            {
              goal: "Tempat tinggal aman",
              strategy: "Penempatan",
              steps: [{ step: "Antar ke RPS", targetDate: today }],
            },
          ],
        },
      }),
    );
    await ok(
      await manajer.request.post(`/api/cases/${open.id}/approve-plan`, { headers, data: { version: 3 } }),
    );
    await ok(
      await worker.request.post(`/api/cases/${open.id}/admit`, {
        headers,
        data: { version: 4, facility: "rps-slawi", admittedOn: today },
      }),
    );
    const away = await caseOf("Pak Karto");
    await ok(await worker.request.post(`/api/cases/${away.id}/assess`, { headers, data: assess }));
    await ok(
      await worker.request.post(`/api/cases/${away.id}/hand-over`, {
        headers,
        data: {
          version: 2,
          toKabupatenCode: "33.29",
          receiver: "Dinas Sosial Kabupaten Brebes",
          reason: "Keluarga di Brebes.",
        },
      }),
    );
    await worker.close();
    await manajer.close();
    // A resident's request waiting for the data protection officer.
    const pdp = await signedInContext(app, "pdp");
    await ok(
      await pdp.request.post("/api/privacy/requests", {
        headers,
        data: {
          id: crypto.randomUUID(),
          kind: "akses",
          nik: SITI.nik,
          name: SITI.name,
          contact: "081234567890",
          detail: "Ingin tahu siapa saja yang membuka data saya.",
          receivedOn: today,
        },
      }),
    );
    await pdp.close();
    ids = {
      case: open.id,
      handedOver: away.id,
      complaint: atBackOffice.id,
      referral: referred.referralId,
      proposalComplaint: wati.complaintId,
      notProposed: notProposed.id,
      scheduled: wati.proposalId,
      musdes: musdes.id,
      confirmed: joko.proposalId,
    };
  });

  const PAGES: [user: string | null, paths: () => string[]][] = [
    [null, () => ["/masuk", "/status"]],
    [
      "fo.kalisapu",
      () => [
        "/",
        "/antrian",
        "/pengaduan",
        "/pengaduan/baru",
        `/pengaduan/${ids.proposalComplaint}`,
        `/pengaduan/${ids.notProposed}`,
        "/usulan",
        `/usulan/${ids.scheduled}`,
        "/musdes",
        `/musdes/${ids.musdes}/lampiran`,
        "/wilayah",
        "/ganti-sandi",
      ],
    ],
    [
      "bo.kalisapu",
      () => [
        "/",
        "/perlu-tindakan",
        `/pengaduan/${ids.complaint}`,
        `/rujukan/${ids.referral}`,
        `/kasus/baru?pengaduan=${ids.complaint}`,
      ],
    ],
    [
      "peksos.slawi",
      () => [
        "/",
        "/perlu-tindakan",
        "/kasus",
        "/kasus/baru",
        `/kasus/${ids.case}`,
        `/kasus/${ids.handedOver}/serah-terima`,
        "/fasilitas",
      ],
    ],
    [
      "spv.slawi",
      () => [
        "/",
        "/perlu-tindakan",
        "/pengaduan",
        "/usulan",
        "/musdes",
        "/dasbor",
        `/laporan?desa=${KALISAPU}`,
      ],
    ],
    ["koord.kalisapu", () => ["/musdes", `/usulan/${ids.confirmed}`, "/laporan", "/dasbor", "/psks"]],
    [
      "manajer",
      () => [
        "/perlu-tindakan",
        `/rujukan/${ids.referral}`,
        `/rujukan/${ids.referral}/surat`,
        "/pengaturan",
        "/katalog",
        "/usulan",
        "/ekspor-usulan",
        "/laporan",
        `/laporan?desa=${KALISAPU}`,
        "/dasbor",
        "/psks",
        "/dasbor?wilayah=33.28.10",
        "/kasus",
        `/kasus/${ids.case}`,
        "/fasilitas",
        "/kunci-serah-terima",
        `/dasbor?periode=${dayIn("Asia/Jakarta").slice(0, 4)}&wilayah=${KALISAPU}`,
      ],
    ],
    ["opd.dinkes", () => ["/", `/rujukan/${ids.referral}`]],
    ["pdp", () => ["/", "/pelindungan-data", "/permintaan-warga"]],
    ["kades.kalisapu", () => ["/", "/antrian", "/musdes", "/laporan", "/dasbor"]],
    ["survei", () => ["/", "/usulan", `/usulan/${ids.scheduled}`, "/kunjungan"]],
    [
      "admin",
      () => [
        "/",
        "/pengguna",
        "/pengguna/baru",
        "/dpm",
        "/audit",
        "/wilayah",
        "/katalog",
        "/fasilitas",
        "/kunci-serah-terima",
      ],
    ],
  ];

  interface Finding {
    page: string;
    problem: string;
  }

  /**
   * What one page shows at one width. `rules` runs axe and the label and contrast walks: the same
   * document at both widths gives the same answer for the page's own content, so they run on the phone
   * for every page and on the laptop for a user's first page (the full menu shows only there).
   */
  async function inspect(page: Page, label: string, rules: boolean): Promise<Finding[]> {
    const findings: Finding[] = [];
    const [scroll, client] = await page.evaluate(() => [
      document.documentElement.scrollWidth,
      document.documentElement.clientWidth,
    ]);
    if (scroll > client) findings.push({ page: label, problem: `scrolls sideways: ${scroll} > ${client}` });
    // Named in the tab and the history by its kind ("Pengaduan · Puskesos"), not the app's default.
    const title = await page.title();
    if (!title.endsWith(" · Puskesos")) findings.push({ page: label, problem: `page title "${title}"` });
    const header = await page.evaluate(
      () => document.querySelector("header")?.getBoundingClientRect().height ?? 0,
    );
    if (header > 64)
      findings.push({ page: label, problem: `header ${Math.round(header)} px high: more than one line` });
    if (!rules) return findings;
    const violations = await page.evaluate(async () => {
      const result = await (window as unknown as { axe: typeof axe }).axe.run(document, {
        resultTypes: ["violations"],
      });
      return result.violations.map((v) => ({
        id: v.id,
        impact: v.impact,
        nodes: v.nodes.map((n) => ({ target: n.target.map(String) })),
      }));
    });
    for (const v of violations)
      if (v.impact === "serious" || v.impact === "critical")
        findings.push({
          page: label,
          problem: `axe ${v.impact} ${v.id}: ${v.nodes.length}× ${v.nodes[0]?.target.join(" ")}`,
        });
    // A control's accessible name is its own label, not the label plus the control's current text.
    const names = await page.evaluate(() =>
      Array.from(
        document.querySelectorAll("main select, main input:not([type=hidden]), main textarea"),
      ).flatMap((el) => {
        const control = el as HTMLInputElement;
        const label = control.labels?.[0];
        if (!label || !label.contains(control)) return [];
        const own = Array.from(label.childNodes)
          .filter((n) => !(n instanceof HTMLElement && (n === control || n.contains(control))))
          .map((n) => n.textContent ?? "")
          .join("")
          .trim();
        return label.textContent?.trim() === own
          ? []
          : [`${control.name || control.id}: "${label.textContent?.trim()}"`];
      }),
    );
    for (const name of names)
      findings.push({ page: label, problem: `control named with its content: ${name}` });
    // Text the eye cannot find at all (white on a white card) escapes axe when the background is
    // transparent; walk up to the first painted background and measure.
    const invisible = await page.evaluate(() => {
      const rgb = (css: string) => (css.match(/[\d.]+/g) ?? []).map(Number);
      const luminance = ([r = 0, g = 0, b = 0]: number[]) => {
        const c = [r, g, b].map((v) => {
          const s = v / 255;
          return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
        });
        return 0.2126 * c[0]! + 0.7152 * c[1]! + 0.0722 * c[2]!;
      };
      const background = (el: Element | null): number[] => {
        for (let e = el; e; e = e.parentElement) {
          const bg = rgb(getComputedStyle(e).backgroundColor);
          if (bg.length < 4 || bg[3]! > 0.5) return bg.slice(0, 3);
        }
        return [255, 255, 255];
      };
      return Array.from(document.querySelectorAll("main *")).flatMap((el) => {
        const html = el as HTMLElement;
        const text = Array.from(el.childNodes).some((n) => n.nodeType === 3 && n.textContent?.trim());
        if (!text || !html.offsetParent) return [];
        const fg = luminance(rgb(getComputedStyle(el).color));
        const bg = luminance(background(el));
        const ratio = (Math.max(fg, bg) + 0.05) / (Math.min(fg, bg) + 0.05);
        return ratio < 2 ? [`"${html.textContent?.trim().slice(0, 30)}" ${ratio.toFixed(2)}:1`] : [];
      });
    });
    for (const text of invisible)
      findings.push({ page: label, problem: `text that cannot be seen: ${text}` });
    return findings;
  }

  describe(`every page, on a phone and a laptop (part ${half + 1} of 2)`, () => {
    // The menu is the same for every role: the first part checks it.
    if (half === 0)
      it("folds the menu behind one button on a phone, and closes it after a choice", async () => {
        const page = await signedInPage(app, "fo.kalisapu");
        await page.setViewportSize(VIEWPORTS[0]!);
        const menu = page.getByRole("button", { name: "Menu" });
        expect(await menu.getAttribute("aria-expanded")).toBe("false");
        expect(await page.getByRole("link", { name: "Antrian", exact: true }).isVisible()).toBe(false);
        await menu.click();
        expect(await menu.getAttribute("aria-expanded")).toBe("true");
        await page.getByRole("link", { name: "Antrian", exact: true }).click();
        await page.waitForSelector("[data-testid=take-ticket]");
        expect(await menu.getAttribute("aria-expanded")).toBe("false");
        expect(await page.getByRole("link", { name: "Antrian", exact: true }).isVisible()).toBe(false);
        await page.setViewportSize(VIEWPORTS[1]!);
        expect(await menu.isVisible()).toBe(false);
        expect(await page.getByRole("link", { name: "Antrian", exact: true }).isVisible()).toBe(true);
        await page.context().close();
      });

    it(
      "fits the screen and has no serious or critical accessibility violation",
      { timeout: 480_000 },
      async () => {
        const findings: Finding[] = [];
        let visited = 0;
        for (const [user, paths] of PAGES.filter((_, i) => i % 2 === half)) {
          const page = user ? await signedInPage(app, user) : await newPage(app);
          // axe-core is loaded into every document of this profile, before the app's own scripts.
          await page.context().addInitScript({ content: axe.source });
          for (const [n, path] of paths().entries()) {
            await page.setViewportSize(VIEWPORTS[1]!);
            await page.goto(path);
            await page.waitForLoadState("networkidle");
            await page.waitForFunction(() => !document.body.textContent?.includes("Memuat…"));
            // The same page, laid out again for the phone: what an officer sees turning a shared screen small.
            for (const viewport of [...VIEWPORTS].reverse()) {
              await page.setViewportSize(viewport);
              const rules = viewport === VIEWPORTS[0] || n === 0;
              findings.push(
                ...(await inspect(page, `${user ?? "publik"} ${path} @${viewport.width}`, rules)),
              );
              visited += 1;
            }
          }
          await page.context().close();
        }
        console.log(`pages checked: ${visited}; findings: ${findings.length}`);
        for (const f of findings) console.log(`FINDING ${f.page} :: ${f.problem}`);
        expect(findings).toEqual([]);
      },
    );
  });
}
