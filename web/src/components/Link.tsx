import type { AnchorHTMLAttributes } from 'react';
import { followLink } from '../router.js';

/** A link inside the app: navigates without reloading, and still opens in a new tab when asked to. */
export function Link(props: AnchorHTMLAttributes<HTMLAnchorElement> & { href: string }) {
  return <a {...props} onClick={props.onClick ?? followLink} />;
}
