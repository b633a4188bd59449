"use client";
// Primary navigation. Wide screens: a row of links with the reference pages grouped under
// a "Reference" disclosure. Narrow screens: a "Menu" disclosure button (aria-expanded)
// that shows the same list, with the reference group nested. Escape closes what is open.
import Link from "@/ui/link";
import { usePathname } from "next/navigation";
import { useRef, useState } from "react";
import { REFERENCE_HREFS, type NavItem } from "./nav-items";

function isCurrent(pathname: string, href: string): "page" | "true" | undefined {
  if (pathname === href) return "page";
  if (href !== "/" && pathname.startsWith(`${href}/`)) return "true";
  // Committee pages live under the SDOs section.
  if (href === "/sdos" && pathname.startsWith("/committees/")) return "true";
  return undefined;
}

const linkClass = "block border-b-4 px-3 py-2.5 font-semibold text-white no-underline hover:border-[#97d4ea] hover:bg-[#162e51]";

export function MainNav({ items }: { items: NavItem[] }) {
  const pathname = usePathname();
  // Remember where a menu was opened: navigating elsewhere closes it without an effect.
  const [openAt, setOpenAt] = useState<string | null>(null);
  const [referenceAt, setReferenceAt] = useState<string | null>(null);
  const open = openAt === pathname;
  const referenceOpen = referenceAt === pathname;
  const buttonRef = useRef<HTMLButtonElement>(null);
  const referenceButtonRef = useRef<HTMLButtonElement>(null);
  const closeOnEscape = (event: React.KeyboardEvent) => {
    if (event.key !== "Escape") return;
    if (referenceOpen) {
      setReferenceAt(null);
      referenceButtonRef.current?.focus();
      event.stopPropagation();
      return;
    }
    if (!open) return;
    setOpenAt(null);
    buttonRef.current?.focus();
  };
  if (items.length === 0) return null;

  const reference = items.filter((item) => REFERENCE_HREFS.includes(item.href));
  const firstReference = items.findIndex((item) => REFERENCE_HREFS.includes(item.href));
  const referenceCurrent = reference.some((item) => isCurrent(pathname, item.href));

  const renderLink = (item: NavItem, nested = false) => {
    const current = isCurrent(pathname, item.href);
    return (
      <li key={item.href}>
        <Link
          href={item.href}
          aria-current={current}
          className={`${linkClass} ${nested ? "md:border-b-0 md:border-l-4 md:py-2" : ""} ${current ? "border-white" : "border-transparent"}`}
        >
          {item.label}
        </Link>
      </li>
    );
  };

  const referenceGroup =
    reference.length > 0 ? (
      <li
        key="reference"
        className="relative"
        onBlur={(event) => {
          if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setReferenceAt(null);
        }}
      >
        <button
          type="button"
          ref={referenceButtonRef}
          aria-expanded={referenceOpen}
          aria-controls="reference-nav-list"
          onClick={() => setReferenceAt(referenceOpen ? null : pathname)}
          className={`${linkClass} w-full text-left ${referenceCurrent ? "border-white" : "border-transparent"}`}
        >
          Reference
          <span className="sr-only">{referenceCurrent ? " (current section)" : ""}</span>
          <span aria-hidden="true" className="ml-1 inline-block text-xs">
            {referenceOpen ? "▲" : "▼"}
          </span>
        </button>
        <ul
          id="reference-nav-list"
          className={`m-0 list-none p-0 pl-4 md:absolute md:left-0 md:z-40 md:min-w-56 md:bg-[#1a4480] md:pl-0 md:shadow-lg ${referenceOpen ? "block" : "hidden"}`}
        >
          {reference.map((item) => renderLink(item, true))}
        </ul>
      </li>
    ) : null;

  const entries: React.ReactNode[] = [];
  items.forEach((item, index) => {
    if (index === firstReference) entries.push(referenceGroup);
    if (!REFERENCE_HREFS.includes(item.href)) entries.push(renderLink(item));
  });

  return (
    <nav aria-label="Primary" className="bg-[#1a4480]">
      <div className="mx-auto max-w-6xl px-4">
        <button
          type="button"
          className="my-2 inline-flex items-center gap-2 rounded border border-white px-3 py-1.5 font-semibold text-white md:hidden"
          aria-expanded={open}
          aria-controls="primary-nav-list"
          onClick={() => setOpenAt(open ? null : pathname)}
          ref={buttonRef}
          onKeyDown={closeOnEscape}
        >
          <span aria-hidden="true">{open ? "✕" : "☰"}</span>
          Menu
        </button>
        <ul
          id="primary-nav-list"
          className={`m-0 list-none flex-col p-0 pb-2 md:flex md:flex-row md:flex-wrap md:pb-0 ${open ? "flex" : "hidden"}`}
          onKeyDown={closeOnEscape}
        >
          {entries}
        </ul>
      </div>
    </nav>
  );
}
