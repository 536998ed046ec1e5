/**
 * Demo data shared by the services that seed it: identity seeds the accounts and organisations,
 * the marketplace seeds the listings owned by them. Ids are fixed so each service can seed alone.
 */
export type DemoRole = 'ENTERPRISE' | 'RESEARCHER' | 'BROKER' | 'ADMIN';
export type DemoOrganizationType = 'ENTERPRISE' | 'UNIVERSITY' | 'INSTITUTE' | 'BROKER_AGENCY';

export interface DemoOrganization {
  id: string;
  name: string;
  type: DemoOrganizationType;
  /** GB/T 2260 code. */
  regionCode: string;
  /** A valid 18-character unified social credit code (check character correct). */
  creditCode: string;
  verified: boolean;
}

export interface DemoAccount {
  id: string;
  email: string;
  /** Every demo account shares DEMO_PASSWORD. */
  displayName: string;
  role: DemoRole;
  organizationId: string | null;
}

export interface DemoContact {
  name: string;
  phone: string;
  email: string;
}

export interface DemoNeed {
  id: string;
  ownerId: string;
  title: string;
  description: string;
  industry: string;
  keywords: string[];
  budgetMin: number | null;
  budgetMax: number | null;
  cooperationModes: string[];
  regionCode: string;
  /** ISO date. */
  deadline: string | null;
  /** Minimum TRL the enterprise needs, if it says so. */
  minTrl: number | null;
  anonymous: boolean;
  contact: DemoContact;
}

export interface DemoResult {
  id: string;
  ownerId: string;
  title: string;
  description: string;
  industry: string;
  keywords: string[];
  trl: number;
  ipType: 'INVENTION_PATENT' | 'UTILITY_MODEL' | 'DESIGN_PATENT' | 'SOFTWARE_COPYRIGHT' | 'KNOW_HOW' | 'OTHER';
  patentNumbers: string[];
  askingPrice: number | null;
  cooperationModes: string[];
  openLicense: boolean;
  regionCode: string;
  contact: DemoContact;
}

export interface DemoExpert {
  id: string;
  /** The researcher account that owns this profile. */
  ownerId: string;
  name: string;
  institution: string;
  title: string;
  fields: string[];
  industry: string;
  bio: string;
  regionCode: string;
  contact: DemoContact;
}

export const DEMO_PASSWORD = 'Demo@2026pass';

/**
 * Which demo results and experts genuinely answer a demo need, as a domain person would pair them.
 * Not seeded anywhere: a yardstick for matching and search tests (recall of the expected pairs).
 */
export interface DemoMatchHint {
  needId: string;
  resultIds: string[];
  expertIds: string[];
}
