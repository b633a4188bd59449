// The /api/v1 endpoints: each route file exports apiRoute(<endpoint>), and the OpenAPI
// document and the API page (/api-docs) are generated from this same list.
import "server-only";
import { activityFilterProblems, engagementFilterProblems } from "@/domain/participation/list-filters";
import { reportFiltersInput } from "@/server/coverage/report-filters";
import {
  apiActivities, apiAgencies, apiAuditEvents, apiCommittees, apiCoreAreas, apiCoverage, apiEngagements, apiEngagementsText, apiKeyApplications, apiObjectives,
  apiParticipants, apiRecommendations, apiSdos, apiStandards,
} from "./v1-data";
import type { CollectionEndpoint, DocumentEndpoint } from "./v1-route";
import {
  agencyItem,
  agencyQuery,
  auditItem,
  auditQuery,
  coreAreaItem,
  coreAreaQuery,
  coverageQuery,
  coverageReport,
  keyApplicationItem,
  keyApplicationQuery,
  objectiveItem,
  objectiveQuery,
  recommendationItem,
  recommendationQuery,
  activityItem,
  activityQuery,
  committeeItem,
  committeeQuery,
  engagementItem,
  engagementQuery,
  participantItem,
  participantQuery,
  sdoItem,
  sdoQuery,
  standardItem,
  standardQuery,
} from "./v1-schemas";

export const engagementsEndpoint = {
  path: "/api/v1/engagements",
  summary: "Engagements, filtered as on the Engagements page; coordinators see their agency's only",
  kind: "collection",
  permission: "participation.read",
  query: engagementQuery,
  item: engagementItem,
  problems: (raw): Record<string, string> => {
    // The page's parser is the authority on what a filter means; a reversed range is a 400.
    const { to } = engagementFilterProblems(raw);
    return to ? { to } : {};
  },
  responses: { "503": "Too many pages are being built at once on this server (BUSY): retry after `Retry-After` seconds" },
  list: (scope, _query, raw, after, take) => apiEngagements(scope, raw, after, take),
  listText: (scope, _query, raw, after, limit, stamped, format) => apiEngagementsText(scope, raw, after, limit, stamped, format),
} satisfies CollectionEndpoint<typeof engagementQuery, typeof engagementItem>;

export const activitiesEndpoint = {
  path: "/api/v1/activities",
  summary: "Activities (training, adoptions, exchanges...), filtered as on the Activities page; coordinators see their agency's only",
  kind: "collection",
  permission: "participation.read",
  query: activityQuery,
  item: activityItem,
  problems: (raw): Record<string, string> => {
    const { to } = activityFilterProblems(raw);
    return to ? { to } : {};
  },
  list: (scope, _query, raw, after, take) => apiActivities(scope, raw, after, take),
} satisfies CollectionEndpoint<typeof activityQuery, typeof activityItem>;

export const participantsEndpoint = {
  path: "/api/v1/participants",
  summary: "Participants, filtered as on the Participants page (default: active only); coordinators see their agency's only",
  kind: "collection",
  permission: "participation.read",
  query: participantQuery,
  item: participantItem,
  list: (scope, _query, raw, after, take) => apiParticipants(scope, raw, after, take),
} satisfies CollectionEndpoint<typeof participantQuery, typeof participantItem>;

export const sdosEndpoint = {
  path: "/api/v1/sdos",
  summary: "Standards development organisations, with provenance",
  kind: "collection",
  permission: "reference.read",
  query: sdoQuery,
  item: sdoItem,
  list: (_scope, _query, _raw, after, take) => apiSdos(after, take),
} satisfies CollectionEndpoint<typeof sdoQuery, typeof sdoItem>;

export const committeesEndpoint = {
  path: "/api/v1/committees",
  summary: "Committees (optionally of one SDO), with provenance",
  kind: "collection",
  permission: "reference.read",
  query: committeeQuery,
  item: committeeItem,
  list: (_scope, query, _raw, after, take) => apiCommittees(query.sdo, after, take),
} satisfies CollectionEndpoint<typeof committeeQuery, typeof committeeItem>;

export const standardsEndpoint = {
  path: "/api/v1/standards",
  summary: "Standards (optionally of one SDO or committee), with provenance",
  kind: "collection",
  permission: "reference.read",
  query: standardQuery,
  item: standardItem,
  list: (_scope, query, _raw, after, take) => apiStandards(query, after, take),
} satisfies CollectionEndpoint<typeof standardQuery, typeof standardItem>;

export const objectivesEndpoint = {
  path: "/api/v1/objectives",
  summary: "The strategic objectives of NISTIR 8074, with the recommendations serving each and provenance",
  kind: "collection",
  permission: "reference.read",
  query: objectiveQuery,
  item: objectiveItem,
  list: (_scope, _query, _raw, after, take) => apiObjectives(after, take),
} satisfies CollectionEndpoint<typeof objectiveQuery, typeof objectiveItem>;

export const recommendationsEndpoint = {
  path: "/api/v1/recommendations",
  summary: "The recommendations of NISTIR 8074 (optionally those serving one objective), with provenance",
  kind: "collection",
  permission: "reference.read",
  query: recommendationQuery,
  item: recommendationItem,
  list: (_scope, query, _raw, after, take) => apiRecommendations(query.objective, after, take),
} satisfies CollectionEndpoint<typeof recommendationQuery, typeof recommendationItem>;

export const coreAreasEndpoint = {
  path: "/api/v1/core-areas",
  summary: "Core areas of cybersecurity standardization, with their committees and provenance",
  kind: "collection",
  permission: "reference.read",
  query: coreAreaQuery,
  item: coreAreaItem,
  list: (_scope, _query, _raw, after, take) => apiCoreAreas(after, take),
} satisfies CollectionEndpoint<typeof coreAreaQuery, typeof coreAreaItem>;

export const keyApplicationsEndpoint = {
  path: "/api/v1/key-applications",
  summary: "Key applications, with their committees and provenance",
  kind: "collection",
  permission: "reference.read",
  query: keyApplicationQuery,
  item: keyApplicationItem,
  list: (_scope, _query, _raw, after, take) => apiKeyApplications(after, take),
} satisfies CollectionEndpoint<typeof keyApplicationQuery, typeof keyApplicationItem>;

export const agenciesEndpoint = {
  path: "/api/v1/agencies",
  summary: "Federal agencies, with provenance",
  kind: "collection",
  permission: "reference.read",
  query: agencyQuery,
  item: agencyItem,
  list: (_scope, _query, _raw, after, take) => apiAgencies(after, take),
} satisfies CollectionEndpoint<typeof agencyQuery, typeof agencyItem>;

export const auditEndpoint = {
  path: "/api/v1/audit",
  summary: "The audit log, filtered as on the Audit page: admins read every event, coordinators their agency's; leads and viewers get 403",
  kind: "collection",
  permission: "audit.read",
  query: auditQuery,
  item: auditItem,
  problems: (raw): Record<string, string> => (raw.from && raw.to && raw.to < raw.from ? { to: "the range ends before it starts" } : {}),
  list: (scope, query, _raw, after, take) => apiAuditEvents(scope, query, after, take),
} satisfies CollectionEndpoint<typeof auditQuery, typeof auditItem>;

export const coverageEndpoint = {
  path: "/api/v1/coverage",
  summary: "The dashboard's coverage and gap report for a fiscal year or date range, an agency and an SDO (the same cached report); coordinators get their agency's",
  kind: "document",
  permission: "dashboard.read",
  query: coverageQuery,
  body: coverageReport,
  responses: { "503": "The report is being computed for many views at once (BUSY): retry after `Retry-After` seconds" },
  problems: (raw): Record<string, string> => {
    // The dashboard's own rules for a range (both ends, in order, at most 20 years).
    const parsed = reportFiltersInput.safeParse(raw);
    if (parsed.success) return {};
    const issue = parsed.error.issues[0]!;
    return { [String(issue.path[0] ?? "to")]: issue.message.replace(/^./, (c) => c.toLowerCase()) };
  },
  read: (scope, query, now) => apiCoverage(scope, query, now),
} satisfies DocumentEndpoint<typeof coverageQuery, typeof coverageReport>;

export const API_ENDPOINTS = [
  engagementsEndpoint,
  activitiesEndpoint,
  participantsEndpoint,
  coverageEndpoint,
  auditEndpoint,
  objectivesEndpoint,
  recommendationsEndpoint,
  coreAreasEndpoint,
  keyApplicationsEndpoint,
  sdosEndpoint,
  committeesEndpoint,
  standardsEndpoint,
  agenciesEndpoint,
] as const;
