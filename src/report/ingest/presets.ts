// The export layouts sla knows: which header holds what, and the CRM's own stage and status
// values with the agreement ids they most likely mean. A mapping in the SLA file overrides
// every part. HubSpot exports its labels in the portal's language; the English labels and
// the internal names (an export "with internal names") are known here, other languages
// through `columns`.

/** What a column of an export holds. */
export const FIELDS = ["id", "stage", "amount", "createdAt", "closedAt", "owner", "status", "leadType", "firstAttempt", "returnReason"] as const;
export type Field = (typeof FIELDS)[number];

export type PresetName = "hubspot" | "salesforce";
export type SourceKind = "leads" | "deals";

/** A CRM value the preset knows, with the agreement ids it may mean, most likely first. */
export interface KnownValue {
  values: string[];
  ids: string[];
  /** For a lifecycle stage: the headers of the column with the date it was entered. */
  dateColumns?: string[];
}

export interface Layout {
  /** Header candidates for each field, in order of preference. */
  columns: Partial<Record<Field, string[]>>;
  stages: KnownValue[];
  statuses: KnownValue[];
}

const hubspotStage = (label: string, internal: string, ids: string[], article = "a"): KnownValue => ({
  values: [label, internal],
  ids,
  dateColumns: [`Became ${article} ${label} Date`, `hs_lifecyclestage_${internal}_date`],
});

const HUBSPOT_LEADS: Layout = {
  columns: {
    id: ["Record ID", "Contact ID", "hs_object_id", "vid"],
    stage: ["Lifecycle Stage", "lifecyclestage"],
    createdAt: ["Create Date", "createdate"],
    owner: ["Contact owner", "hubspot_owner_id"],
    status: ["Lead Status", "hs_lead_status"],
    leadType: ["Lead Type", "lead_type"],
    firstAttempt: ["First Outreach Date", "hs_first_outreach_date"],
    returnReason: ["Return Reason", "return_reason"],
  },
  stages: [
    hubspotStage("Subscriber", "subscriber", ["subscriber"]),
    hubspotStage("Lead", "lead", ["lead"]),
    hubspotStage("Marketing Qualified Lead", "marketingqualifiedlead", ["mql", "marketing-qualified-lead"]),
    hubspotStage("Sales Qualified Lead", "salesqualifiedlead", ["sql", "sales-qualified-lead"]),
    hubspotStage("Opportunity", "opportunity", ["opportunity"], "an"),
    hubspotStage("Customer", "customer", ["customer"]),
    hubspotStage("Evangelist", "evangelist", ["evangelist"], "an"),
    { values: ["Other", "other"], ids: ["other"], dateColumns: ["Became an Other Lifecycle Date", "hs_lifecyclestage_other_date"] },
  ],
  statuses: [
    { values: ["New", "NEW"], ids: ["new"] },
    { values: ["Open", "OPEN"], ids: ["open"] },
    { values: ["In Progress", "IN_PROGRESS"], ids: ["in-progress", "attempting"] },
    { values: ["Attempted to Contact", "ATTEMPTED_TO_CONTACT"], ids: ["attempting", "attempted-to-contact"] },
    { values: ["Connected", "CONNECTED"], ids: ["connected"] },
    { values: ["Open Deal", "OPEN_DEAL"], ids: ["open-deal"] },
    { values: ["Unqualified", "UNQUALIFIED"], ids: ["unqualified"] },
    { values: ["Bad Timing", "BAD_TIMING"], ids: ["bad-timing", "returned-to-marketing"] },
  ],
};

const HUBSPOT_DEALS: Layout = {
  columns: {
    id: ["Record ID", "Deal ID", "hs_object_id"],
    stage: ["Deal Stage", "dealstage"],
    amount: ["Amount", "amount"],
    createdAt: ["Create Date", "createdate"],
    closedAt: ["Close Date", "closedate"],
    owner: ["Deal owner", "hubspot_owner_id"],
    leadType: ["Deal Type", "dealtype"],
  },
  stages: [
    { values: ["Closed Won", "closedwon"], ids: ["closed-won", "won"] },
    { values: ["Closed Lost", "closedlost"], ids: ["closed-lost", "lost"] },
  ],
  statuses: [],
};

const SALESFORCE_LEADS: Layout = {
  columns: {
    id: ["Lead ID", "Id"],
    createdAt: ["Create Date", "Created Date", "CreatedDate"],
    owner: ["Lead Owner", "Owner"],
    status: ["Lead Status", "Status"],
    leadType: ["Lead Source", "LeadSource"],
  },
  stages: [],
  statuses: [
    { values: ["Open - Not Contacted"], ids: ["new", "open"] },
    { values: ["Working - Contacted"], ids: ["attempting", "connected"] },
    { values: ["Closed - Converted"], ids: ["open-deal", "converted"] },
    { values: ["Closed - Not Converted"], ids: ["unqualified"] },
  ],
};

const SALESFORCE_DEALS: Layout = {
  columns: {
    id: ["Opportunity ID", "Id"],
    stage: ["Stage", "StageName"],
    amount: ["Amount"],
    createdAt: ["Created Date", "CreatedDate"],
    closedAt: ["Close Date", "CloseDate"],
    owner: ["Opportunity Owner", "Owner"],
    leadType: ["Type"],
  },
  stages: [
    { values: ["Closed Won"], ids: ["closed-won", "won"] },
    { values: ["Closed Lost"], ids: ["closed-lost", "lost"] },
  ],
  statuses: [],
};

export const PRESETS: Readonly<Record<PresetName, Readonly<Record<SourceKind, Layout>>>> = {
  hubspot: { leads: HUBSPOT_LEADS, deals: HUBSPOT_DEALS },
  salesforce: { leads: SALESFORCE_LEADS, deals: SALESFORCE_DEALS },
};

const NO_LAYOUT: Layout = { columns: {}, stages: [], statuses: [] };

export function layoutOf(preset: PresetName | undefined, kind: SourceKind): Layout {
  return preset ? PRESETS[preset][kind] : NO_LAYOUT;
}
