// A heatmap as an HTML table: rows × columns, each cell coloured by its depth-weighted
// score (the volume) or by its depth level (the deepest seat, 1 observe .. 4 lead), chosen
// in the URL (?color=depth), with the number written in it, a marker where a gap is
// flagged, and a link to the engagements behind it. Screen readers get the cell's full
// story from the link text.
import { GAP_LABEL } from "@/domain/coverage-gaps";
import { HEAT_BINS, heatBinRange, type Heatmap, type HeatmapCell } from "@/domain/coverage-report";
import type { ReportFilters } from "@/domain/records-query";
import { recordsHref } from "./links";
import { escapeHtml } from "@/lib/escape-html";

// Colours per bin (light to dark blues, text above 4.5:1) and the cell layout live in
// coverage.css as short classes: a heatmap has hundreds of cells, and every byte of a
// cell's markup is sent twice (HTML and the React payload) on every dashboard view.
const binClass = (bin: number) => `heat-b${bin >= 0 && bin <= HEAT_BINS ? bin : 0}`;

const NUMBER = new Intl.NumberFormat("en-US");

/** What colours the cells: the depth-weighted score, or the depth level. */
export type HeatColor = "volume" | "depth";

export function heatColorOf(value: string | string[] | undefined): HeatColor {
  return (Array.isArray(value) ? value[0] : value) === "depth" ? "depth" : "volume";
}

/** Depth levels 1..4 on the darker four of the five blues. */
const levelClass = (level: number) => binClass(level > 0 ? Math.min(HEAT_BINS, level + 1) : 0);

export const LEVEL_LABEL = ["none", "1 observe", "2 attend", "3 contribute", "4 lead"] as const;

const share = (s: number | null) => (s === null ? "—" : `${Math.round(s * 100)}%`);

/** No engagement, no gap, and nothing there to engage in: shown blank, without a link. */
function isEmptyCombination(cell: HeatmapCell): boolean {
  const inventory = cell.inventory ? cell.inventory.committees + cell.inventory.standards : 1;
  return cell.metrics.engagements === 0 && cell.flags.length === 0 && inventory === 0;
}

function cellStory(cell: HeatmapCell): string {
  const m = cell.metrics;
  const parts = [
    `${cell.label}: depth-weighted score ${NUMBER.format(cell.score)}`,
    `depth level ${LEVEL_LABEL[cell.level] ?? cell.level}`,
    `${share(cell.deepShare)} of seats at contribute or deeper`,
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

export function HeatmapLegend({ maxScore, color = "volume" }: { maxScore: number; color?: HeatColor }) {
  if (color === "depth") {
    return (
      <div className="mb-3 flex flex-wrap items-center gap-x-4 gap-y-1 text-sm">
        <span className="font-semibold">Depth level (deepest seat; the cell shows level · share at contribute or deeper):</span>
        {LEVEL_LABEL.map((label, level) => (
          <span key={label} className="inline-flex items-center gap-1">
            <span aria-hidden="true" className={`${levelClass(level)} inline-block h-4 w-6 border border-[#71767a]`} />
            {label}
          </span>
        ))}
        <span className="inline-flex items-center gap-1">
          <GapMarker />
          gap flagged
        </span>
      </div>
    );
  }
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

function cellHtml(cell: HeatmapCell, filters: ReportFilters, color: HeatColor): string {
  if (isEmptyCombination(cell)) {
    return `<td class="heat-empty"><span aria-hidden="true">·</span><span class="sr-only">${escapeHtml(cell.label)}: no committees or standards work on this combination</span></td>`;
  }
  const reasons = cell.flags.map((f) => f.reason).join("\n");
  const title = reasons ? ` title="${escapeHtml(reasons)}"` : "";
  const marker = cell.flags.length ? `<span class="heat-gap"><span aria-hidden="true" class="gap-marker">!</span></span>` : "";
  const shown = !cell.metrics.engagements ? "—" : color === "depth" ? `${cell.level} · ${share(cell.deepShare)}` : NUMBER.format(cell.score);
  return (
    `<td class="${color === "depth" ? levelClass(cell.level) : binClass(cell.bin)}"><a href="${escapeHtml(recordsHref(filters, cell.drill))}"${title} class="heatmap-cell">` +
    `<span aria-hidden="true">${shown}</span>${marker}<span class="sr-only">${escapeHtml(cellStory(cell))}</span></a></td>`
  );
}

function tableHtml(title: string, map: Heatmap, filters: ReportFilters, color: HeatColor): string {
  const columns = map.columns.length;
  const head = map.columns
    .map((c) => `<th scope="col" class="heatmap-column p-1 align-bottom font-semibold"><span class="heatmap-column-label">${escapeHtml(c.label)}</span></th>`)
    .join("");
  const rows = map.rows
    .map((r, ri) => {
      const cells = map.cells.slice(ri * columns, (ri + 1) * columns).map((cell) => cellHtml(cell, filters, color));
      return `<tr><th scope="row" class="max-w-56 p-1 pr-2 text-left font-semibold">${escapeHtml(r.label)}</th>${cells.join("")}</tr>`;
    })
    .join("");
  return (
    `<table class="heatmap border-separate border-spacing-0.5 text-sm"><caption class="sr-only">${escapeHtml(title)}: rows are ` +
    `${escapeHtml(map.rowLabel.toLowerCase())}s, columns are ${escapeHtml(map.columnLabel.toLowerCase())}s; each cell links to its engagements.</caption>` +
    `<thead><tr><th scope="col" class="min-w-40 p-1 text-left align-bottom">${escapeHtml(map.rowLabel)} <span aria-hidden="true">╲</span> ` +
    `${escapeHtml(map.columnLabel)}</th>${head}</tr></thead><tbody>${rows}</tbody></table>`
  );
}

// Built once per heatmap object (a cached report is shared by every view of it) and filters.
const rendered = new WeakMap<Heatmap, Map<string, string>>();

/**
 * The table is written as escaped HTML rather than as React elements: it is several
 * thousand static elements (no state, no handlers), which React would serialise twice
 * (HTML and payload) on every view; as a string it is built once per computed report
 * and copied.
 */
export function HeatmapTable({
  id,
  title,
  map,
  filters,
  color = "volume",
}: {
  id: string;
  title: string;
  map: Heatmap;
  filters: ReportFilters;
  color?: HeatColor;
}) {
  let byView = rendered.get(map);
  if (!byView) rendered.set(map, (byView = new Map()));
  const key = JSON.stringify([title, filters, color]);
  let html = byView.get(key);
  if (html === undefined) byView.set(key, (html = tableHtml(title, map, filters, color)));
  return (
    <div
      role="region"
      aria-labelledby={`${id}-title`}
      tabIndex={0}
      className="overflow-x-auto focus-visible:outline-[3px]"
      dangerouslySetInnerHTML={{ __html: html }}
    />
  );
}
