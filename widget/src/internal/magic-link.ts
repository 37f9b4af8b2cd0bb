/**
 * Reading a magic link's token from the page URL. The email's link is `returnTo#portico-link=<token>`:
 * the token rides in the fragment so it reaches no server log and no Referer, and the widget removes
 * it from the address bar at once (before anything else can read or bookmark it).
 */

const linkParam = 'portico-link';

function fragmentParams(): URLSearchParams {
  return new URLSearchParams(location.hash.replace(/^#/, ''));
}

/** True when the page URL carries a link token that no element has taken yet. */
export function hasLinkToken(): boolean {
  return Boolean(fragmentParams().get(linkParam));
}

/**
 * Takes the link token out of the page URL with `history.replaceState`, keeping the rest of the URL
 * (path, query and any other fragment content). Returns it once; later calls get `null`.
 */
export function takeLinkToken(): string | null {
  const params = fragmentParams();
  const token = params.get(linkParam);
  if (!token) return null;
  params.delete(linkParam);
  const rest = params.toString();
  const url = `${location.pathname}${location.search}${rest ? `#${rest}` : ''}`;
  history.replaceState(history.state, '', url);
  return token;
}

/** The page URL without its fragment: where a new link should bring the person back to. */
export function currentPageUrl(): string {
  return location.href.replace(/#.*$/, '');
}
