"use client";
// Primary navigation. Wide screens: a row of links. Narrow screens: a "Menu" disclosure
// button (aria-expanded) that shows the same list.
import Link from "next/link";
import { usePathname } from "next/navigation";
import { useRef, useState } from "react";
import type { NavItem } from "./nav-items";

function isCurrent(pathname: string, href: string): "page" | "true" | undefined {
  if (pathname === href) return "page";
  if (href !== "/" && pathname.startsWith(`${href}/`)) return "true";
  return undefined;
}

export function MainNav({ items }: { items: NavItem[] }) {
  const pathname = usePathname();
  // Remember where the menu was opened: navigating elsewhere closes it without an effect.
  const [openAt, setOpenAt] = useState<string | null>(null);
  const open = openAt === pathname;
  const buttonRef = useRef<HTMLButtonElement>(null);
  const closeOnEscape = (event: React.KeyboardEvent) => {
    if (event.key !== "Escape" || !open) return;
    setOpenAt(null);
    buttonRef.current?.focus();
  };
  if (items.length === 0) return null;
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
          {items.map((item) => {
            const current = isCurrent(pathname, item.href);
            return (
              <li key={item.href}>
                <Link
                  href={item.href}
                  aria-current={current}
                  className={`block border-b-4 px-3 py-2.5 font-semibold text-white no-underline hover:border-[#97d4ea] hover:bg-[#162e51] ${
                    current ? "border-white" : "border-transparent"
                  }`}
                >
                  {item.label}
                </Link>
              </li>
            );
          })}
        </ul>
      </div>
    </nav>
  );
}
