"use client";
// Export of the current view: the server action computes the gap report for these filters
// (scope from the session) and returns the file, which the browser then saves.
import { useState, useTransition } from "react";
import type { ReportFilters } from "@/domain/records-query";
import { exportGapReportAction } from "@/server/actions/coverage";

const buttonClass =
  "rounded border-2 border-[#005ea2] bg-white px-3 py-1.5 font-semibold text-[#005ea2] hover:bg-[#e7f2f8] disabled:opacity-70";

export function ExportButtons({ filters }: { filters: ReportFilters }) {
  const [pending, startTransition] = useTransition();
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const download = (format: "csv" | "json") =>
    startTransition(async () => {
      setMessage(null);
      const result = await exportGapReportAction({ ...filters, format });
      if (!result.ok) {
        setMessage({ ok: false, text: result.error.message });
        return;
      }
      const { fileName, mimeType, content } = result.data;
      const url = URL.createObjectURL(new Blob([content], { type: mimeType }));
      const link = document.createElement("a");
      link.href = url;
      link.download = fileName;
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      setMessage({ ok: true, text: `Downloaded ${fileName}.` });
    });
  return (
    <div className="flex flex-wrap items-center gap-3 print:hidden">
      <button type="button" className={buttonClass} disabled={pending} onClick={() => download("csv")}>
        Export CSV
      </button>
      <button type="button" className={buttonClass} disabled={pending} onClick={() => download("json")}>
        Export JSON
      </button>
      <p role="status" aria-live="polite" className={`m-0 text-sm ${message && !message.ok ? "font-semibold text-[#b50909]" : ""}`}>
        {pending ? "Preparing the file…" : (message?.text ?? "")}
      </p>
    </div>
  );
}
