// The columns of the sample HubSpot exports (English portal), as examples/exports/ holds them:
// one list for the sample generator, the export variants' maker and the report bench, so the
// three write the layout that sla.example.yaml's `reporting.sources` maps.
export const CONTACT_COLUMNS = [
  "Record ID",
  "First Name",
  "Last Name",
  "Email",
  "Company Name",
  "Create Date",
  "Lifecycle Stage",
  "Lead Status",
  "Contact owner",
  "Lead Type",
  "Became a Lead Date",
  "Became a Marketing Qualified Lead Date",
  "Became a Sales Qualified Lead Date",
  "Became an Opportunity Date",
  "Became a Customer Date",
  "First Sales Attempt Date",
  "Return Reason",
];

export const DEAL_COLUMNS = ["Record ID", "Deal Name", "Deal Stage", "Amount", "Close Date", "Create Date", "Pipeline", "Deal owner", "Lead Type"];
