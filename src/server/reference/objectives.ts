// NISTIR 8074 strategic objectives and recommendations, linked both ways.
import "server-only";
import { cache } from "react";
import { db } from "@/server/db/client";
import { attachSources } from "./sources";
import type { ProvenanceInfo } from "./types";

export interface RecommendationLink {
  number: number;
  title: string;
}

export interface ObjectiveView {
  id: string;
  number: number;
  title: string;
  gist: string;
  provenanceInfo: ProvenanceInfo;
  recommendations: RecommendationLink[];
}

export interface ObjectiveLink {
  number: number;
  title: string;
}

export interface RecommendationView {
  id: string;
  number: number;
  title: string;
  gist: string;
  draftHeading: string | null;
  draftVsFinal: string | null;
  indicators: string[];
  provenanceInfo: ProvenanceInfo;
  objectives: ObjectiveLink[];
}

export async function listObjectives(): Promise<ObjectiveView[]> {
  const rows = await db.objective.findMany({
    orderBy: { number: "asc" },
    select: {
      id: true,
      number: true,
      title: true,
      gist: true,
      provenance: true,
      sourceRefs: true,
      recommendations: { select: { recommendation: { select: { number: true, title: true } } } },
    },
  });
  const info = await attachSources(rows);
  return rows.map((row) => ({
    id: row.id,
    number: row.number,
    title: row.title,
    gist: row.gist,
    provenanceInfo: info(row),
    recommendations: row.recommendations.map((r) => r.recommendation).sort((a, b) => a.number - b.number),
  }));
}

const recommendationSelect = {
  id: true,
  number: true,
  title: true,
  gist: true,
  draftHeading: true,
  draftVsFinal: true,
  indicators: true,
  provenance: true,
  sourceRefs: true,
  objectives: { select: { objective: { select: { number: true, title: true } } } },
} as const;

export async function listRecommendations(): Promise<RecommendationView[]> {
  const rows = await db.recommendation.findMany({ orderBy: { number: "asc" }, select: recommendationSelect });
  const info = await attachSources(rows);
  return rows.map(({ provenance, sourceRefs, objectives, ...rest }) => ({
    ...rest,
    provenanceInfo: info({ provenance, sourceRefs }),
    objectives: objectives.map((o) => o.objective).sort((a, b) => a.number - b.number),
  }));
}

export const getRecommendationByNumber = cache(async (number: number): Promise<RecommendationView | null> => {
  const row = await db.recommendation.findUnique({ where: { number }, select: recommendationSelect });
  if (!row) return null;
  const info = await attachSources([row]);
  const { provenance, sourceRefs, objectives, ...rest } = row;
  return {
    ...rest,
    provenanceInfo: info({ provenance, sourceRefs }),
    objectives: objectives.map((o) => o.objective).sort((a, b) => a.number - b.number),
  };
});
