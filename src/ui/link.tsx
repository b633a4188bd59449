// The app's links: Next's <Link> without its automatic prefetch. Next prefetches every
// <Link> that scrolls into view, on every page load: on a signed-in page that is the whole
// navigation and every row link of a list, about 40 requests a page view, each running the
// proxy and resolving its route on the server: more server work than the page itself, for
// every person at once. Without it, a click costs one round trip more. A link that is worth
// it may still ask for prefetch={true}.
import NextLink from "next/link";
import type { ComponentProps } from "react";

export default function Link({ prefetch = false, ...props }: ComponentProps<typeof NextLink>) {
  return <NextLink prefetch={prefetch} {...props} />;
}
