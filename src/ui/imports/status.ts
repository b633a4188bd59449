// Display names of import statuses and small formatting helpers for the import pages.
export const STATUS_LABEL: Record<string, string> = {
  PROCESSING: "Processing",
  PREVIEW: "Ready to commit",
  INVALID: "Problems found",
  COMMITTING: "Committing",
  COMMITTED: "Committed",
  CANCELLED: "Cancelled",
  FAILED: "Failed",
  UNDONE: "Undone",
};

export const STATUS_CLASS: Record<string, string> = {
  PREVIEW: "bg-[#e7f6f8] text-[#0b4778]",
  INVALID: "bg-[#f4e3db] text-[#8b0a03]",
  FAILED: "bg-[#f4e3db] text-[#8b0a03]",
  COMMITTED: "bg-[#ecf3ec] text-[#154c21]",
  UNDONE: "bg-[#f0f0f0] text-[#1b1b1b]",
  CANCELLED: "bg-[#f0f0f0] text-[#1b1b1b]",
  PROCESSING: "bg-[#faf3d1] text-[#1b1b1b]",
  COMMITTING: "bg-[#faf3d1] text-[#1b1b1b]",
};

export function formatDuration(ms: number | null): string {
  if (ms === null) return "—";
  return ms < 1000 ? `${ms} ms` : `${(ms / 1000).toFixed(1)} s`;
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

export function formatValue(value: unknown): string {
  if (value === null || value === undefined || value === "") return "—";
  if (Array.isArray(value)) return value.length ? value.join("; ") : "—";
  return String(value);
}
