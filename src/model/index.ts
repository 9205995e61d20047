// The typed model of an SLA file. The interfaces are generated from schemas/sla.schema.json
// at build time, so the schema and the types cannot drift; these aliases give them short names.
import type {
  SalesMarketingServiceLevelAgreement,
  Agreement,
  Party,
  IdealCustomerProfile,
  BuyerPersona,
  JourneyPhase,
  LifecycleStage,
  LeadType,
  LeadStatus,
  DealStage,
  LeadScoring,
  ConnectAttempt,
  KPITarget,
  ReportingAndReview,
  WorkingCalendar,
  ReportSources,
  RecordExport,
  MonthlyActuals,
} from "./sla.generated.js";

export type Sla = SalesMarketingServiceLevelAgreement;
export type {
  Agreement,
  Party,
  IdealCustomerProfile as Icp,
  BuyerPersona as Persona,
  JourneyPhase,
  LifecycleStage,
  LeadType,
  LeadStatus,
  DealStage,
  LeadScoring,
  ConnectAttempt,
  KPITarget as Kpi,
  ReportingAndReview as Reporting,
  WorkingCalendar,
  ReportSources,
  RecordExport,
  MonthlyActuals,
};
export type FunnelMetric = NonNullable<KPITarget["metric"]>;
export type StageCategory = NonNullable<LifecycleStage["category"]>;
