// The import formats, documented next to the upload form, with template downloads.
import { CSV_COLUMNS } from "@/domain/inventory/csv-format";

export function FormatDocs() {
  return (
    <section aria-labelledby="formats-heading" className="mt-10">
      <h2 id="formats-heading">File formats</h2>
      <p className="max-w-3xl">
        Download a template, fill it in and upload it. Records are matched by their natural keys — SDO acronym, committee designation,
        and standard designation within its SDO — so importing the same file twice changes nothing.
      </p>
      <ul className="flex flex-wrap gap-4 pl-0" style={{ listStyle: "none" }}>
        <li>
          <a href="/admin/imports/template/csv" download className="font-semibold">
            CSV template (sdo-inventory-template.csv)
          </a>
        </li>
        <li>
          <a href="/admin/imports/template/json" download className="font-semibold">
            JSON template (sdo-inventory-template.json)
          </a>
        </li>
      </ul>
      <h3>CSV: one row per standard</h3>
      <p className="max-w-3xl">
        UTF-8 (with or without BOM), comma-separated, first line naming the columns (any order; unknown columns are reported and
        ignored). A row without a standard designation describes a committee (committee-only row); a row with neither committee nor
        standard describes the SDO. Quote fields containing commas, quotes or line breaks.
      </p>
      <div className="relative overflow-x-auto">
        <table className="data-table">
          <caption>CSV columns</caption>
          <thead>
            <tr>
              <th scope="col">Column</th>
              <th scope="col">Required</th>
              <th scope="col">Meaning</th>
            </tr>
          </thead>
          <tbody>
            {CSV_COLUMNS.map((c) => (
              <tr key={c.name}>
                <th scope="row">
                  <code>{c.name}</code>
                </th>
                <td>{c.required ? "Yes (column)" : "No"}</td>
                <td>{c.description}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h3>JSON: SDO → committees → standards</h3>
      <p className="max-w-3xl">
        An object <code>{"{ \"sdos\": [ … ] }"}</code>. Each SDO has <code>acronym</code>, <code>name</code>, <code>type</code>, optional{" "}
        <code>provenance</code> and <code>source</code>, and lists <code>committees</code> and <code>standards</code>. A committee has{" "}
        <code>designation</code>, <code>title</code>, and its own <code>committees</code> (nested to any depth) and{" "}
        <code>standards</code>. A standard has <code>designation</code>, <code>title</code>, <code>stage</code>, <code>year</code>,{" "}
        <code>coreAreas</code>, <code>keyApplications</code>, <code>provenance</code>, <code>source</code> and <code>note</code> — the same
        rules as the CSV columns; <code>sdo</code> names its own SDO when it differs from the enclosing one.
      </p>
      <h3>What an import does</h3>
      <ul className="max-w-3xl list-disc pl-6">
        <li>A field you leave out keeps its current value; a listed column left blank clears it (year, note, core areas, key applications).</li>
        <li>Merge never removes anything. Sync removes, within the SDOs the file names, the committees and standards it does not list — except those still used by engagements, activities or other SDOs, which are kept and listed.</li>
        <li>Every problem is listed with its line and column; a file with any problem cannot be committed. A commit is one transaction: all of it or none.</li>
        <li>A committed import can be undone as long as nothing it touched has changed since.</li>
      </ul>
    </section>
  );
}
