"use client";
// Upload form: picks a .csv or .json file and a mode, sends the file as the request
// body (it streams; no multipart buffering), then opens the run's page, which shows the
// progress and the preview.
import { useRef, useState } from "react";
import { useRouter } from "next/navigation";

const MAX_MB = 20;

export function UploadForm() {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const [sent, setSent] = useState(0);
  const errorRef = useRef<HTMLDivElement>(null);

  async function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const file = form.get("file");
    const mode = form.get("mode") === "SYNC" ? "SYNC" : "MERGE";
    setError(null);
    if (!(file instanceof File) || !file.name) {
      setError("Choose a CSV or JSON file to import.");
      requestAnimationFrame(() => errorRef.current?.focus());
      return;
    }
    setPending(true);
    setSent(0);
    try {
      const response = await fetch("/admin/imports/upload", {
        method: "POST",
        body: file,
        headers: { "Content-Type": file.type || "application/octet-stream", "X-File-Name": encodeURIComponent(file.name), "X-Import-Mode": mode },
      });
      setSent(1);
      const result = (await response.json().catch(() => null)) as { ok: boolean; runId?: string; error?: { message: string } } | null;
      if (result?.ok && result.runId) {
        router.push(`/admin/imports/${result.runId}`);
        return;
      }
      setError(result?.error?.message ?? `The upload failed (HTTP ${response.status}). Nothing was saved.`);
    } catch {
      setError("The upload did not reach the server. Check your connection and try again. Nothing was saved.");
    }
    setPending(false);
    requestAnimationFrame(() => errorRef.current?.focus());
  }

  return (
    <form onSubmit={submit} noValidate className="space-y-5" aria-describedby="upload-hint">
      {error ? (
        <div ref={errorRef} tabIndex={-1} role="alert" className="border-l-8 border-[#b50909] bg-[#f4e3db] px-4 py-3">
          <p className="m-0 font-semibold">The file was not accepted</p>
          <p className="m-0 mt-1">{error}</p>
        </div>
      ) : null}
      <p id="upload-hint" className="m-0 text-[#565c65]">
        Nothing is written until you have seen the preview and committed it.
      </p>
      <div>
        <label htmlFor="import-file" className="block font-semibold">
          Inventory file
        </label>
        <p id="import-file-hint" className="m-0 text-sm text-[#565c65]">
          A .csv (UTF-8) or .json file, at most {MAX_MB} MB and 100,000 rows.
        </p>
        <input
          id="import-file"
          name="file"
          type="file"
          accept=".csv,.json,text/csv,application/json"
          aria-describedby="import-file-hint"
          className="mt-1 block w-full max-w-md border border-[#565c65] px-3 py-2"
        />
      </div>
      <fieldset className="border-0 p-0">
        <legend className="font-semibold">Mode</legend>
        <div className="mt-1 flex items-start gap-2">
          <input id="mode-merge" type="radio" name="mode" value="MERGE" defaultChecked className="mt-1.5" />
          <label htmlFor="mode-merge">
            <strong>Merge</strong> — add and update what the file lists; never remove anything.
          </label>
        </div>
        <div className="mt-1 flex items-start gap-2">
          <input id="mode-sync" type="radio" name="mode" value="SYNC" className="mt-1.5" />
          <label htmlFor="mode-sync">
            <strong>Sync</strong> — also remove committees and standards of the file&apos;s SDOs that the file does not list. The preview shows exactly what would be removed and asks you to confirm.
          </label>
        </div>
      </fieldset>
      <button type="submit" disabled={pending} className="rounded bg-[#005ea2] px-5 py-2.5 font-semibold text-white hover:bg-[#1a4480] disabled:opacity-70">
        {pending ? (sent ? "Opening preview…" : "Uploading…") : "Upload and preview"}
      </button>
    </form>
  );
}
