// An SDO's committees as nested lists (JTC 1 > SC 27 > WG 2), each with its first standards.
import Link from "@/ui/link";
import type { CommitteeNode } from "@/server/reference/sdos";
import { ProvenanceBadge } from "./provenance-badge";
import { STAGE_LABEL } from "./stage";

function CommitteeItem({ node, depth }: { node: CommitteeNode; depth: number }) {
  const more = node.standardCount - node.standards.length;
  return (
    <li className={depth === 0 ? "rounded border border-[#dfe1e2] p-4" : "mt-3 border-l-4 border-[#97d4ea] pl-4"}>
      <div className="flex flex-wrap items-baseline gap-x-2">
        <Link href={`/committees/${encodeURIComponent(node.id)}`} className="text-lg font-semibold">
          {node.designation}
        </Link>
        <span>{node.title}</span>
      </div>
      {node.usMirrorOrTag ? <p className="m-0 text-sm text-[#565c65]">U.S. mirror / TAG: {node.usMirrorOrTag}</p> : null}
      <div className="mt-1">
        <ProvenanceBadge info={node.provenanceInfo} />
      </div>
      {node.standards.length > 0 ? (
        <div className="mt-2">
          <p className="m-0 text-sm font-semibold">
            Standards ({node.standardCount.toLocaleString("en-US")})
          </p>
          <ul className="m-0 mt-1 list-disc space-y-1 pl-6 text-sm">
            {node.standards.map((s) => (
              <li key={s.id}>
                <Link href={`/standards/${encodeURIComponent(s.id)}`}>{s.designation}</Link> — {s.title}{" "}
                <span className="text-[#565c65]">({STAGE_LABEL[s.stage]})</span>
              </li>
            ))}
          </ul>
          {more > 0 ? (
            <p className="m-0 mt-1 text-sm">
              <Link href={`/committees/${encodeURIComponent(node.id)}`}>
                {more.toLocaleString("en-US")} more standards in {node.designation}
              </Link>
            </p>
          ) : null}
        </div>
      ) : null}
      {node.children.length > 0 ? (
        <ul className="m-0 list-none p-0" aria-label={`Subgroups of ${node.designation}`}>
          {node.children.map((child) => (
            <CommitteeItem key={child.id} node={child} depth={depth + 1} />
          ))}
        </ul>
      ) : null}
    </li>
  );
}

export function CommitteeTree({ nodes }: { nodes: CommitteeNode[] }) {
  return (
    <ul className="m-0 list-none space-y-4 p-0">
      {nodes.map((node) => (
        <CommitteeItem key={node.id} node={node} depth={0} />
      ))}
    </ul>
  );
}
