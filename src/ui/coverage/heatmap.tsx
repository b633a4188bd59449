// A heatmap as an HTML table: rows × columns, each cell coloured by its depth-weighted
// score (with the number written in it), a marker where a gap is flagged, and a link to
// the engagements behind it. Screen readers get the cell's full story from the link text.
import { GAP_LABEL } from "@/domain/coverage-gaps";
import { HEAT_BINS, heatBinRange, type Heatmap, type HeatmapCell } from "@/domain/coverage-report";
import type { ReportFilters } from "@/domain/records-query";
import { recordsHref } from "./links";

// Colours per bin (light to dark blues, text above 4.5:1) and the cell layout live in
// coverage.css as short classes: a heatmap has hundreds of cells, and every byte of a
// cell's markup is sent twice (HTML and the React payload) on every dashboard view.
const binClass = (bin: number) => `heat-b${bin >= 0 && bin <= HEAT_BINS ? bin : 0}`;

const NUMBER = new Intl.NumberFormat("en-US");

/** No engagement, no gap, and nothing there to engage in: shown blank, without a link. */
function isEmptyCombination(cell: HeatmapCell): boolean {
  const inventory = cell.inventory ? cell.inventory.committees + cell.inventory.standards : 1;
  return cell.metrics.engagements === 0 && cell.flags.length === 0 && inventory === 0;
}

function cellStory(cell: HeatmapCell): string {
  const m = cell.metrics;
  const parts = [
    `${cell.label}: depth-weighted score ${NUMBER.format(cell.score)}`,
    `${NUMBER.format(m.engagements)} engagements`,
    `${NUMBER.format(m.participants)} participants`,
    `${NUMBER.format(m.leadership)} leadership positions`,
  ];
  if (cell.maturity === "NEEDED") parts.push("new standards needed");
  if (cell.flags.length) parts.push(`gaps: ${cell.flags.map((f) => GAP_LABEL[f.code].toLowerCase()).join(", ")}`);
  return parts.join("; ");
}

export function heatmapSummary(map: Heatmap): string {
  const engaged = map.cells.filter((c) => c.metrics.engagements > 0);
  const top = [...engaged].sort((a, b) => b.score - a.score)[0];
  const flagged = map.cells.filter((c) => c.flags.length > 0).length;
  const empty = map.cells.filter((c) => c.flags.some((f) => f.code === "NO_ENGAGEMENT" || f.code === "NEEDED_CELL_UNCOVERED")).length;
  return [
    `${engaged.length} of ${map.cells.length} cells have engagement.`,
    top ? `The deepest is ${top.label} (score ${NUMBER.format(top.score)}).` : "",
    `${flagged} cells are flagged, ${empty} of them with no engagement where committees or standards exist or new standards are needed.`,
  ]
    .filter(Boolean)
    .join(" ");
}

export function HeatmapLegend({ maxScore }: { maxScore: number }) {
  const bins = Array.from({ length: HEAT_BINS }, (_, i) => i + 1).filter((bin) => {
    const r = heatBinRange(bin, maxScore);
    return r.to >= r.from;
  });
  return (
    <div className="mb-3 flex flex-wrap items-center gap-x-4 gap-y-1 text-sm">
      <span className="font-semibold">Depth-weighted score:</span>
      <span className="inline-flex items-center gap-1">
        <span aria-hidden="true" className="heat-b0 inline-block h-4 w-6 border border-[#71767a]" />
        none
      </span>
      {bins.map((bin) => {
        const r = heatBinRange(bin, maxScore);
        return (
          <span key={bin} className="inline-flex items-center gap-1">
            <span aria-hidden="true" className={`${binClass(bin)} inline-block h-4 w-6 border border-[#71767a]`} />
            {r.from === r.to ? NUMBER.format(r.from) : `${NUMBER.format(r.from)}–${NUMBER.format(r.to)}`}
          </span>
        );
      })}
      <span className="inline-flex items-center gap-1">
        <GapMarker />
        gap flagged (hover or open the cell for the reasons)
      </span>
      <span className="inline-flex items-center gap-1">
        <span aria-hidden="true" className="inline-flex h-4 w-6 items-center justify-center border border-dashed border-[#a9aeb1] bg-white text-[#71767a]">
          ·
        </span>
        no committees or standards there
      </span>
    </div>
  );
}

function GapMarker() {
  return (
    <span aria-hidden="true" className="gap-marker">
      !
    </span>
  );
}

export function HeatmapTable({ id, title, map, filters }: { id: string; title: string; map: Heatmap; filters: ReportFilters }) {
  const columns = map.columns.length;
  return (
    <div role="region" aria-labelledby={`${id}-title`} tabIndex={0} className="overflow-x-auto focus-visible:outline-[3px]">
      <table className="heatmap border-separate border-spacing-0.5 text-sm">
        <caption className="sr-only">
          {title}: rows are {map.rowLabel.toLowerCase()}s, columns are {map.columnLabel.toLowerCase()}s; each cell links to its engagements.
        </caption>
        <thead>
          <tr>
            <th scope="col" className="min-w-40 p-1 text-left align-bottom">
              {map.rowLabel} <span aria-hidden="true">╲</span> {map.columnLabel}
            </th>
            {map.columns.map((c) => (
              <th key={c.id} scope="col" className="heatmap-column p-1 align-bottom font-semibold">
                <span className="heatmap-column-label">{c.label}</span>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {map.rows.map((r, ri) => (
            <tr key={r.id}>
              <th scope="row" className="max-w-56 p-1 pr-2 text-left font-semibold">
                {r.label}
              </th>
              {map.cells.slice(ri * columns, (ri + 1) * columns).map((cell) => {
                const reasons = cell.flags.map((f) => f.reason).join("\n");
                if (isEmptyCombination(cell)) {
                  return (
                    <td key={cell.id} className="heat-empty">
                      <span aria-hidden="true">·</span>
                      <span className="sr-only">{cell.label}: no committees or standards work on this combination</span>
                    </td>
                  );
                }
                return (
                  <td key={cell.id} className={binClass(cell.bin)}>
                    <a href={recordsHref(filters, cell.drill)} title={reasons || undefined} className="heatmap-cell">
                      <span aria-hidden="true">{cell.metrics.engagements ? NUMBER.format(cell.score) : "—"}</span>
                      {cell.flags.length ? (
                        <span className="heat-gap">
                          <GapMarker />
                        </span>
                      ) : null}
                      <span className="sr-only">{cellStory(cell)}</span>
                    </a>
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
