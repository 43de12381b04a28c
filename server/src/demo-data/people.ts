/**
 * The demo keyworking service: its agencies and one account for every role. Every demo
 * account uses the same password, listed in the README. All names are fictional.
 */
import type { CommunicationNeeds, Role } from "@roundtable/domain";

export const demoPassword = "roundtable-demo";

export const demoService = { name: "Northbridge Keyworking Service", area: "Northbridge" };

export const demoAgencies = [
  { key: "keyworking", name: "Northbridge Keyworking Service", kind: "keyworking" },
  { key: "camhs", name: "Northbridge CAMHS", kind: "health" },
  { key: "social-care", name: "Northbridge Children's Social Care", kind: "social-care" },
  { key: "school", name: "Riverside Academy", kind: "education" },
  { key: "icb", name: "NHS Northbridge Integrated Care Board", kind: "icb" },
  { key: "voluntary", name: "Parents Together Northbridge", kind: "voluntary" },
] as const;

export type AgencyKey = (typeof demoAgencies)[number]["key"];

/**
 * Who each agency names as its escalation contact (told when one of its actions is escalated);
 * the others have named nobody yet, as a real service would find.
 */
export const demoEscalationContacts: Partial<Record<AgencyKey, string>> = { camhs: "ben", "social-care": "lucy", school: "mark" };

export interface DemoPerson {
  key: string;
  name: string;
  email: string;
  role: Role;
  agency: AgencyKey | null;
  jobTitle: string;
  /** How the team reaches them (staff and professionals); fictional Ofcom drama numbers. */
  phone?: string;
  workingHours?: string;
  /** Their communication needs, where recorded (ADR 0023). */
  communicationNeeds?: CommunicationNeeds;
  /** Who their escalations go to at the second level: their manager, or their board's contact. */
  escalatesTo?: string;
}

const email = (local: string) => `${local}@roundtable.demo`;

export const demoPeople: readonly DemoPerson[] = [
  { key: "priya", name: "Priya Shah", email: email("priya.shah"), role: "keyworker", agency: "keyworking", jobTitle: "Keyworker", phone: "01632 960 120", workingHours: "Monday to Friday, 9am to 5pm", escalatesTo: "tom" },
  { key: "tom", name: "Tom Hughes", email: email("tom.hughes"), role: "senior-keyworker", agency: "keyworking", jobTitle: "Senior keyworker", phone: "01632 960 121", workingHours: "Monday to Thursday, 8:30am to 4:30pm", escalatesTo: "angela" },
  { key: "angela", name: "Angela Okafor", email: email("angela.okafor"), role: "service-lead", agency: "keyworking", jobTitle: "Keyworking service lead", phone: "01632 960 122", workingHours: "Monday to Friday, 9am to 5pm" },
  { key: "sam", name: "Sam Patel", email: email("sam.patel"), role: "admin", agency: "keyworking", jobTitle: "Service administrator" },
  { key: "ben", name: "Dr Ben Carter", email: email("ben.carter"), role: "professional", agency: "camhs", jobTitle: "Clinical psychologist, CAMHS", phone: "01632 960 341", workingHours: "Tuesday to Friday, 9am to 5pm" },
  { key: "lucy", name: "Lucy Evans", email: email("lucy.evans"), role: "professional", agency: "social-care", jobTitle: "Social worker", phone: "01632 960 455", workingHours: "Monday to Friday, 8am to 4pm" },
  { key: "mark", name: "Mark Davies", email: email("mark.davies"), role: "professional", agency: "school", jobTitle: "SENCO", phone: "01632 960 512", workingHours: "School days, 8:30am to 3:30pm" },
  { key: "sophie", name: "Sophie Grant", email: email("sophie.grant"), role: "professional", agency: "voluntary", jobTitle: "Family support worker", phone: "01632 960 618", workingHours: "Monday, Wednesday and Friday, 10am to 4pm" },
  { key: "helen", name: "Helen Morris", email: email("helen.morris"), role: "icb-lead", agency: "icb", jobTitle: "CETR lead, learning disability and autism", phone: "01632 960 733", workingHours: "Monday to Friday, 9am to 5pm", escalatesTo: "rachel" },
  { key: "rachel", name: "Rachel Adams", email: email("rachel.adams"), role: "icb-lead", agency: "icb", jobTitle: "Director of Nursing, NHS Northbridge ICB", phone: "01632 960 734", workingHours: "Monday to Friday, 8am to 6pm" },
  { key: "ruth", name: "Dr Ruth Adeyemi", email: email("ruth.adeyemi"), role: "professional", agency: null, jobTitle: "Independent CETR chair", phone: "01632 960 790", workingHours: "Freelance: usually Tuesday to Thursday" },
  { key: "claire", name: "Claire Walker", email: email("claire.walker"), role: "parent", agency: null, jobTitle: "Jamie's mum" },
  { key: "jamie", name: "Jamie Walker", email: email("jamie.walker"), role: "young-person", agency: null, jobTitle: "Young person", communicationNeeds: { easyRead: true, largePrint: false, interpreterLanguage: null, preferredLanguage: null, other: null } },
  { key: "donna", name: "Donna Thompson", email: email("donna.thompson"), role: "parent", agency: null, jobTitle: "Kai's aunt" },
  { key: "daniel", name: "Daniel Reid", email: email("daniel.reid"), role: "parent", agency: null, jobTitle: "Aisha's dad", communicationNeeds: { easyRead: false, largePrint: false, interpreterLanguage: "Polish", preferredLanguage: null, other: null } },
];
