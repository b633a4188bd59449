"use client";
// Opens the browser's print dialog (the page's print CSS lays the report out for paper).
export function PrintButton() {
  return (
    <button
      type="button"
      onClick={() => window.print()}
      className="rounded bg-[#005ea2] px-4 py-2 font-semibold text-white hover:bg-[#1a4480] print:hidden"
    >
      Print or save as PDF
    </button>
  );
}
