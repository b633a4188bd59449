"use client";
// A bar chart (recharts) with its text alternative: a one-sentence summary always shown,
// and a button that swaps the chart for a data table (the table has the drill-down links
// keyboard users follow; clicking a bar follows the same link). Without JavaScript, and
// before the chart can measure itself, the table is shown.
import { useRouter } from "next/navigation";
import { useState, useSyncExternalStore } from "react";
import { Bar, BarChart, CartesianGrid, Cell, LabelList, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

export interface BarDatum {
  key: string;
  /** Axis label (short). */
  label: string;
  /** Full name, for the tooltip. */
  name: string;
  value: number;
  /** The value as words on and beside the bar (e.g. "62% · Partial"). */
  display: string;
  fill: string;
  href: string;
}

const noSubscribe = () => () => {};
const NUMBER = new Intl.NumberFormat("en-US", { notation: "compact" });

function ChartTooltip({ active, payload }: { active?: boolean; payload?: readonly { payload?: BarDatum }[] }) {
  const datum = active ? payload?.[0]?.payload : undefined;
  if (!datum) return null;
  return (
    <div className="max-w-xs rounded border border-[#565c65] bg-white px-3 py-2 text-sm shadow">
      <p className="m-0 font-semibold">{datum.name}</p>
      <p className="m-0">{datum.display}</p>
      <p className="m-0 text-[#565c65]">Click the bar for the records behind it.</p>
    </div>
  );
}

export function BarChartPanel({
  id,
  title,
  summary,
  data,
  table,
  layout = "horizontal",
  max,
  valueFormat = "number",
  height = 320,
  categoryWidth = 70,
}: {
  id: string;
  title: string;
  /** One sentence saying what the chart shows (its text alternative). */
  summary: string;
  data: BarDatum[];
  /** The same data as a table, with links. */
  table: React.ReactNode;
  /** "horizontal": vertical bars along x; "vertical": horizontal bars, categories on y. */
  layout?: "horizontal" | "vertical";
  max?: number;
  /** How axis ticks read: "percent" (0..100 -> "40%") or plain numbers. */
  valueFormat?: "percent" | "number";
  height?: number;
  categoryWidth?: number;
}) {
  const router = useRouter();
  const mounted = useSyncExternalStore(noSubscribe, () => true, () => false);
  const [asTable, setAsTable] = useState(false);
  const showTable = !mounted || asTable;
  const titleId = `${id}-title`;
  const summaryId = `${id}-summary`;
  const tickFormatter = (v: number) => (valueFormat === "percent" ? `${v}%` : NUMBER.format(v));
  // Headroom above the longest bar for its label.
  const upper = max ?? ((dataMax: number) => Math.max(1, Math.ceil(dataMax * 1.12)));
  const valueAxis = { type: "number" as const, domain: [0, upper] as [number, number | ((dataMax: number) => number)], tickFormatter, allowDecimals: false };
  const categoryAxis = { type: "category" as const, dataKey: "label", interval: 0 as const };
  return (
    <figure className="m-0 rounded border border-[#dfe1e2] bg-white p-4" aria-labelledby={titleId}>
      <div className="flex flex-wrap items-start justify-between gap-2">
        <h3 id={titleId} className="m-0">
          {title}
        </h3>
        {mounted ? (
          <button
            type="button"
            className="rounded border-2 border-[#005ea2] bg-white px-3 py-1 text-sm font-semibold text-[#005ea2] hover:bg-[#e7f2f8] print:hidden"
            aria-controls={`${id}-body`}
            onClick={() => setAsTable(!asTable)}
          >
            {asTable ? "Show as chart" : "Show as table"}
            <span className="sr-only"> ({title})</span>
          </button>
        ) : null}
      </div>
      <figcaption id={summaryId} className="mt-1 mb-2 text-sm text-[#565c65]">
        {summary}
      </figcaption>
      <div id={`${id}-body`}>
        {showTable ? (
          table
        ) : (
          <div style={{ height }} className="w-full">
            <ResponsiveContainer width="100%" height="100%">
              <BarChart
                data={data}
                layout={layout}
                margin={layout === "vertical" ? { top: 8, right: 96, bottom: 8, left: 8 } : { top: 24, right: 16, bottom: 8, left: 8 }}
                title={title}
                desc={summary}
                aria-describedby={summaryId}
              >
                <CartesianGrid strokeDasharray="3 3" horizontal={layout === "horizontal"} vertical={layout === "vertical"} />
                {layout === "vertical" ? (
                  <>
                    <XAxis {...valueAxis} />
                    <YAxis {...categoryAxis} width={categoryWidth} />
                  </>
                ) : (
                  <>
                    <XAxis {...categoryAxis} />
                    <YAxis {...valueAxis} width={categoryWidth} />
                  </>
                )}
                <Tooltip content={<ChartTooltip />} cursor={{ fill: "#e7f2f8" }} />
                <Bar dataKey="value" isAnimationActive={false} minPointSize={3} cursor="pointer" onClick={(d: { payload?: BarDatum }) => d.payload && router.push(d.payload.href)}>
                  {data.map((d) => (
                    <Cell key={d.key} fill={d.fill} />
                  ))}
                  <LabelList dataKey="display" position={layout === "vertical" ? "right" : "top"} fill="#1b1b1b" fontSize={12} />
                </Bar>
              </BarChart>
            </ResponsiveContainer>
          </div>
        )}
      </div>
    </figure>
  );
}
