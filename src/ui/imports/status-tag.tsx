import { STATUS_CLASS, STATUS_LABEL } from "./status";

export function StatusTag({ status }: { status: string }) {
  return <span className={`inline-block rounded px-2 py-0.5 text-sm font-semibold ${STATUS_CLASS[status] ?? ""}`}>{STATUS_LABEL[status] ?? status}</span>;
}
