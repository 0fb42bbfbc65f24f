/**
 * How a kabupaten uses the system in a month, in the operations the benchmark measures
 * (scripts/bench/capacity.ts names them). Every number here is an assumption, stated so it can be
 * argued with and changed; the request units and durations they multiply are measured.
 */
export interface Profile {
  desa: number;
  complaintsPerDesaPerDay: number;
  workingDaysPerMonth: number;
  /** Calls one complaint's life makes, by measured operation, on average. */
  perComplaint: Record<string, number>;
  /** Signed-in officers a day: two per desa (front and back office) plus kabupaten staff. */
  officersPerDay: number;
  /** Calls per officer per working day, besides the complaint work above. */
  perOfficerDay: Record<string, number>;
  /** DPM imports a month (each desa refreshes its list), in units of the measured 1,000-row import. */
  dpmImportsPerMonth: number;
  /** Months of data kept in the table (storage and PITR grow with it). */
  monthsOfData: number;
  /** Lambda instances started a day (cold starts), each paying init and one secret read. */
  coldStartsPerDay: number;
  /** Static bytes a signed-in officer downloads a day (the service worker caches the app shell). */
  staticBytesPerOfficerDay: number;
  /** Average API response size on the wire, bytes. */
  apiResponseBytes: number;
}

/** Signed-in officers a working day: two per desa (front and back office) and about 40 kabupaten staff. */
export const officersFor = (desa: number) => desa * 2 + 40;

/** The share of complaints referred to the kabupaten; the rest are handled in the desa. */
const REFERRED = 0.2;

export const DEFAULT_PROFILE: Profile = {
  desa: 300,
  complaintsPerDesaPerDay: 15,
  workingDaysPerMonth: 22,
  perComplaint: {
    "queue: take a number": 1,
    // The queue screen is reloaded as people are served.
    "queue: today's list (1 ticket)": 4,
    "DPM check by NIK": 1,
    "register complaint, resident in DPM": 0.6,
    "register complaint, not in DPM": 0.4,
    // Weak networks: the outbox sends some records twice.
    "register complaint, resend of the same": 0.1,
    "propose household (2 members)": 0.2,
    // Receipt, back office, follow-up.
    "open a complaint (read + audit)": 3,
    "search complaints by day (2 results)": 2,
    "desa back office resolves a complaint": 1 - REFERRED,
    "refer a complaint (back office)": REFERRED,
    // Supervisor, manager and OPD each look at their inbox about twice per referral.
    "inbox (supervisor)": REFERRED * 6,
    "referral: supervisor forwards": REFERRED,
    "referral: manager approves (+ letter number)": REFERRED,
    "referral: OPD accepts": REFERRED,
    "referral: OPD records the outcome (+ complaint closes)": REFERRED,
    // The resident checks the public status page once.
    "public status page": 1,
  },
  officersPerDay: officersFor(300),
  perOfficerDay: {
    "sign in (session + audit)": 1,
    // Home page, own account, settings and catalogue reads.
    "resolve session (every signed-in request)": 20,
  },
  dpmImportsPerMonth: 300,
  monthsOfData: 12,
  coldStartsPerDay: 200,
  staticBytesPerOfficerDay: 300 * 1024,
  apiResponseBytes: 2 * 1024,
};
