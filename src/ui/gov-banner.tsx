// The "official website" strip at the very top (USWDS banner pattern).
export function GovBanner() {
  return (
    <section aria-label="Official government website" className="bg-[#f0f0f0] text-[#1b1b1b]">
      <div className="mx-auto flex max-w-6xl items-center gap-2 px-4 py-1 text-xs">
        <svg aria-hidden="true" focusable="false" width="16" height="11" viewBox="0 0 16 11" className="shrink-0">
          <rect width="16" height="11" fill="#b22234" />
          {[1, 3, 5, 7, 9].map((y) => (
            <rect key={y} y={y * (11 / 13) * 1.3} width="16" height="0.85" fill="#fff" />
          ))}
          <rect width="7" height="6" fill="#3c3b6e" />
        </svg>
        <p className="m-0">An official website of the United States government</p>
      </div>
    </section>
  );
}
