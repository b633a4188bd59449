// GET /engagements/export?format=csv|json&<list filters>: the filtered engagement list as a
// streamed download (CSV cells neutralised against formula injection); coordinators get
// their agency's rows only. Unreadable filters get a 400 with the reasons.
import { engagementFilterProblems, parseEngagementFilters } from "@/domain/participation/list-filters";
import { engagementExportCount } from "@/server/participation/engagements";
import { exportEngagements, exportRoute } from "@/server/participation/export";

export const dynamic = "force-dynamic";

export const GET = exportRoute("engagements", {
  parse: (params) => ({ ...parseEngagementFilters(params), page: undefined }),
  problems: engagementFilterProblems,
  count: engagementExportCount,
  produce: exportEngagements,
});
