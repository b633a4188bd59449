// GET /activities/export?format=csv|json&<list filters>: the filtered activity list as a
// streamed download (CSV cells neutralised against formula injection); coordinators get
// their agency's rows only. Unreadable filters get a 400 with the reasons.
import { activityFilterProblems, parseActivityFilters } from "@/domain/participation/list-filters";
import { activityExportCount } from "@/server/participation/activities";
import { exportActivities, exportRoute } from "@/server/participation/export";

export const dynamic = "force-dynamic";

export const GET = exportRoute("activities", {
  parse: (params) => ({ ...parseActivityFilters(params), page: undefined }),
  problems: activityFilterProblems,
  count: activityExportCount,
  produce: exportActivities,
});
