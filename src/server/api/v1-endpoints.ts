// The /api/v1 collections: each route file exports apiRoute(<endpoint>), and the OpenAPI
// document is generated from this same list.
import "server-only";
import { activityFilterProblems, engagementFilterProblems } from "@/domain/participation/list-filters";
import { apiActivities, apiCommittees, apiEngagements, apiParticipants, apiSdos, apiStandards } from "./v1-data";
import type { CollectionEndpoint } from "./v1-route";
import {
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
  permission: "participation.read",
  query: engagementQuery,
  item: engagementItem,
  problems: (raw): Record<string, string> => {
    // The page's parser is the authority on what a filter means; a reversed range is a 400.
    const { to } = engagementFilterProblems(raw);
    return to ? { to } : {};
  },
  list: (scope, _query, raw, after, take) => apiEngagements(scope, raw, after, take),
} satisfies CollectionEndpoint<typeof engagementQuery, typeof engagementItem>;

export const activitiesEndpoint = {
  path: "/api/v1/activities",
  summary: "Activities (training, adoptions, exchanges...), filtered as on the Activities page; coordinators see their agency's only",
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
  permission: "participation.read",
  query: participantQuery,
  item: participantItem,
  list: (scope, _query, raw, after, take) => apiParticipants(scope, raw, after, take),
} satisfies CollectionEndpoint<typeof participantQuery, typeof participantItem>;

export const sdosEndpoint = {
  path: "/api/v1/sdos",
  summary: "Standards development organisations, with provenance",
  permission: "reference.read",
  query: sdoQuery,
  item: sdoItem,
  list: (_scope, _query, _raw, after, take) => apiSdos(after, take),
} satisfies CollectionEndpoint<typeof sdoQuery, typeof sdoItem>;

export const committeesEndpoint = {
  path: "/api/v1/committees",
  summary: "Committees (optionally of one SDO), with provenance",
  permission: "reference.read",
  query: committeeQuery,
  item: committeeItem,
  list: (_scope, query, _raw, after, take) => apiCommittees(query.sdo, after, take),
} satisfies CollectionEndpoint<typeof committeeQuery, typeof committeeItem>;

export const standardsEndpoint = {
  path: "/api/v1/standards",
  summary: "Standards (optionally of one SDO or committee), with provenance",
  permission: "reference.read",
  query: standardQuery,
  item: standardItem,
  list: (_scope, query, _raw, after, take) => apiStandards(query, after, take),
} satisfies CollectionEndpoint<typeof standardQuery, typeof standardItem>;

export const API_ENDPOINTS = [engagementsEndpoint, activitiesEndpoint, participantsEndpoint, sdosEndpoint, committeesEndpoint, standardsEndpoint] as const;
