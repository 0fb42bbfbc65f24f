import { ROLE_NOUNS, ROLES, type Role } from "./schema.ts";

/**
 * What each role may do outside a workflow's actions: open a list, use a screen, change settings.
 * The server checks these (`assertCan`) and the web draws its menus and page guards from the same
 * table, so a menu never offers what the server refuses. Actions on one record (forward a referral,
 * handle a complaint) are declared with their workflow instead, and views carry them.
 */
/** Every office from the desa to the kabupaten's SLRT, for what all of them read. */
const DESA_TO_KABUPATEN = [
  "front-office",
  "back-office",
  "koordinator",
  "kepala-desa",
  "supervisor",
  "manajer",
] as const satisfies readonly Role[];

export const PERMISSIONS = {
  /** The walk-in queue of the caller's office. */
  "queue.use": ["front-office", "koordinator"],
  /** Register a resident's complaint. */
  "complaint.register": ["front-office", "koordinator"],
  /** Find and open complaints of the caller's scope. */
  "complaint.read": [...DESA_TO_KABUPATEN, "pekerja-sosial"],
  /** Download a complaint list as CSV or XLSX (NIK masked; in full only for roles that may reveal it). */
  "complaint.export": DESA_TO_KABUPATEN,
  /** A desa's monthly Puskesos report (the koordinator sends it: REPORT_WORKFLOW). */
  "report.read": ["koordinator", "kepala-desa", "supervisor", "manajer"],
  /** The figures of the caller's area by month and year, with the reports sent and the service levels. */
  "dashboard.read": ["koordinator", "kepala-desa", "supervisor", "manajer"],
  /** The complaints the front office forwarded, waiting in the desa's back office. */
  "complaint.inbox": ["back-office", "koordinator"],
  /** Look a resident up in the desa's DPM (by NIK or by name). */
  "dpm.lookup": ["front-office", "back-office", "koordinator"],
  /** Import a desa's DPM list. */
  "dpm.import": ["admin"],
  /** Open a referral of the caller's scope (an OPD: those assigned to it). */
  "referral.read": [
    "front-office",
    "back-office",
    "koordinator",
    "supervisor",
    "manajer",
    "opd",
    "pekerja-sosial",
  ],
  /**
   * Read a referral's internal side: the desa's notes, the reviewers' remarks and the complaint's whole
   * history. An OPD reads the referral and its own steps only.
   */
  "referral.internal": [
    "front-office",
    "back-office",
    "koordinator",
    "supervisor",
    "manajer",
    "pekerja-sosial",
  ],
  /** The referrals waiting for the caller's role ("Perlu tindakan"). */
  "referral.inbox": ["back-office", "koordinator", "supervisor", "manajer", "opd"],
  /** The referrals the caller's OPD has served, newest first: its record of work done. */
  "referral.served": ["opd"],
  /** Print the surat rujukan of an approved referral. */
  "referral.letter": ["back-office", "koordinator", "supervisor", "manajer", "opd"],
  /** The household proposals of the caller's scope. */
  "proposal.list": ["front-office", "koordinator", "kepala-desa", "supervisor", "manajer", "survei"],
  /** Take the day's scheduled visits into the field and record their results (offline too). */
  "proposal.visit": ["survei"],
  /** Export confirmed proposals for upload to the national system (full NIKs inside the file). */
  "proposal.export": ["manajer"],
  /** Record a Musyawarah Desa and its decisions on the desa's proposals. */
  "musdes.record": ["koordinator", "kepala-desa"],
  /** Read a desa's musdes and print its annex. */
  "musdes.read": ["front-office", "koordinator", "kepala-desa", "supervisor", "manajer"],
  /** The PSKS registry of the caller's area and the regions above it. */
  "psks.read": [...DESA_TO_KABUPATEN, "pekerja-sosial"],
  /** Add and change PSKS entries: the koordinator in its desa, the manajer anywhere in the kabupaten. */
  "psks.manage": ["koordinator", "manajer"],
  /** Open a case for a PPKS client, naming its responsible worker (a worker opening one is responsible). */
  "case.open": ["back-office", "koordinator", "pekerja-sosial", "manajer"],
  /** Case files: each only for its worker, the worker's supervisor and the manajer (CASE_WORKFLOW reach). */
  "case.read": ["pekerja-sosial", "supervisor", "manajer"],
  /** Facilities' occupancy and who stays in them. */
  "facility.read": ["pekerja-sosial", "supervisor", "manajer"],
  /** The kabupaten's facilities and their beds by sex. */
  "facility.manage": ["manajer", "admin"],
  /** Open a case from another kabupaten's signed handover file. */
  "handover.import": ["pekerja-sosial"],
  /** This stack's public key and the other kabupaten whose handover files it trusts. */
  "handover.keys": ["manajer", "admin"],
  /** The kabupaten's own welfare indicators the survey team records. */
  "indicator.manage": ["manajer", "admin"],
  /** Due days, the letterhead (and the retention periods with them). */
  "settings.update": ["manajer", "admin"],
  /** How long residents' personal data is kept after a record is finished (DESIGN §2: the officer's own). */
  "retention.update": ["pelindungan-data", "manajer", "admin"],
  /** The kabupaten's own OPDs, programmes and referral routes. */
  "catalog.update": ["manajer", "admin"],
  /** Users: create, deactivate, reset passwords. */
  "user.manage": ["admin"],
  /** The audit log. */
  "audit.read": ["admin"],
  /** Every access to one resident's data, found by NIK, as a page and a letter (UU PDP). */
  "privacy.report": ["pelindungan-data"],
  /** Residents' requests about their data (access, correction, deletion, objection) and their answers. */
  "privacy.request": ["pelindungan-data"],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

/** Whether a role holds a permission. */
export const can = (role: Role | undefined, permission: Permission): boolean =>
  role !== undefined && (PERMISSIONS[permission] as readonly Role[]).includes(role);

/** The roles holding any of the permissions, as a sentence names them: "front office dan koordinator". */
export function holders(permissions: readonly Permission[]): string {
  const nouns = ROLES.filter((role) => permissions.some((p) => can(role, p))).map((role) => ROLE_NOUNS[role]);
  return nouns.length > 1 ? `${nouns.slice(0, -1).join(", ")} dan ${nouns.at(-1)}` : (nouns[0] ?? "");
}
