"use server";
// Participation mutations: participants, engagements, activities. Every export is built
// by action(): session -> permission -> zod -> scoped data function -> audit.
import {
  activityDeleteInput, activityInput, activityUpdateInput, engagementConfirmInput, engagementDeleteInput, engagementEndInput,
  engagementInput, engagementUpdateInput, participantActiveInput, participantInput, participantUpdateInput,
} from "@/domain/participation/inputs";
import { action } from "@/server/actions/action";
import {
  activitySnapshot, createActivity, deleteActivity, updateActivity,
} from "@/server/participation/activities";
import {
  confirmEngagement, createEngagement, deleteEngagement, endEngagement, engagementSnapshot, updateEngagement,
} from "@/server/participation/engagements";
import {
  createParticipant, participantSnapshot, setParticipantActive, updateParticipant,
} from "@/server/participation/participants";

export const createParticipantAction = action(
  { input: participantInput, permission: "participation.write", audit: "participant.create" },
  async ({ session, input, tx }) => {
    const created = await createParticipant(tx, session.scope, input);
    return {
      data: { id: created.id },
      audit: { entityType: "Participant", entityId: created.id, agencyId: created.agencyId, before: null, after: participantSnapshot(created) },
    };
  },
);

export const updateParticipantAction = action(
  { input: participantUpdateInput, permission: "participation.write", audit: "participant.update" },
  async ({ session, input, tx }) => {
    const { before, after } = await updateParticipant(tx, session.scope, input);
    return {
      data: { id: after.id, version: after.version },
      audit: { entityType: "Participant", entityId: after.id, agencyId: after.agencyId, before: participantSnapshot(before), after: participantSnapshot(after) },
    };
  },
);

export const setParticipantActiveAction = action(
  { input: participantActiveInput, permission: "participation.write", audit: "participant.set-active" },
  async ({ session, input, tx }) => {
    const { before, after } = await setParticipantActive(tx, session.scope, input);
    return {
      data: { id: after.id, version: after.version, active: after.active },
      audit: { entityType: "Participant", entityId: after.id, agencyId: after.agencyId, before: participantSnapshot(before), after: participantSnapshot(after) },
    };
  },
);

export const createEngagementAction = action(
  { input: engagementInput, permission: "participation.write", audit: "engagement.create" },
  async ({ session, input, tx }) => {
    const created = await createEngagement(tx, session.scope, input, new Date());
    return {
      data: { id: created.id },
      audit: { entityType: "Engagement", entityId: created.id, agencyId: created.agencyId, before: null, after: engagementSnapshot(created) },
    };
  },
);

export const updateEngagementAction = action(
  { input: engagementUpdateInput, permission: "participation.write", audit: "engagement.update" },
  async ({ session, input, tx }) => {
    const { before, after } = await updateEngagement(tx, session.scope, input, new Date());
    return {
      data: { id: after.id, version: after.version },
      audit: { entityType: "Engagement", entityId: after.id, agencyId: after.agencyId, before: engagementSnapshot(before), after: engagementSnapshot(after) },
    };
  },
);

export const endEngagementAction = action(
  { input: engagementEndInput, permission: "participation.write", audit: "engagement.end" },
  async ({ session, input, tx }) => {
    const { before, after } = await endEngagement(tx, session.scope, input, new Date());
    return {
      data: { id: after.id, version: after.version },
      audit: { entityType: "Engagement", entityId: after.id, agencyId: after.agencyId, before: engagementSnapshot(before), after: engagementSnapshot(after) },
    };
  },
);

export const confirmEngagementAction = action(
  { input: engagementConfirmInput, permission: "participation.write", audit: "engagement.confirm" },
  async ({ session, input, tx }) => {
    const { before, after } = await confirmEngagement(tx, session.scope, input, new Date());
    return {
      data: { id: after.id, version: after.version, lastConfirmedOn: engagementSnapshot(after).lastConfirmedOn },
      audit: { entityType: "Engagement", entityId: after.id, agencyId: after.agencyId, before: engagementSnapshot(before), after: engagementSnapshot(after) },
    };
  },
);

export const deleteEngagementAction = action(
  { input: engagementDeleteInput, permission: "participation.write", audit: "engagement.delete" },
  async ({ session, input, tx }) => {
    const { before } = await deleteEngagement(tx, session.scope, input);
    return {
      data: { id: before.id, participantId: before.participantId },
      audit: { entityType: "Engagement", entityId: before.id, agencyId: before.agencyId, before: engagementSnapshot(before), after: null },
    };
  },
);

export const createActivityAction = action(
  { input: activityInput, permission: "participation.write", audit: "activity.create" },
  async ({ session, input, tx }) => {
    const created = await createActivity(tx, session.scope, input, new Date());
    return {
      data: { id: created.id },
      audit: { entityType: "Activity", entityId: created.id, agencyId: created.agencyId, before: null, after: activitySnapshot(created) },
    };
  },
);

export const updateActivityAction = action(
  { input: activityUpdateInput, permission: "participation.write", audit: "activity.update" },
  async ({ session, input, tx }) => {
    const { before, after } = await updateActivity(tx, session.scope, input, new Date());
    return {
      data: { id: after.id, version: after.version },
      audit: { entityType: "Activity", entityId: after.id, agencyId: after.agencyId, before: activitySnapshot(before), after: activitySnapshot(after) },
    };
  },
);

export const deleteActivityAction = action(
  { input: activityDeleteInput, permission: "participation.write", audit: "activity.delete" },
  async ({ session, input, tx }) => {
    const { before } = await deleteActivity(tx, session.scope, input);
    return {
      data: { id: before.id },
      audit: { entityType: "Activity", entityId: before.id, agencyId: before.agencyId, before: activitySnapshot(before), after: null },
    };
  },
);
