/** A Host header that names a host (and port), nothing else. */
const HOST = /^(?:[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*|\[[0-9A-Fa-f:.]+\])(?::[0-9]{1,5})?$/;

/**
 * The site's address as the request reached it (the protocol as the proxy reports it when
 * TRUST_PROXY is set): `https://planner.example`. A Host that is not a host name gives '', so
 * addresses built on it are relative to the site.
 */
export function siteUrlOf(request: { protocol: string; host: string }): string {
  const protocol = request.protocol === 'https' ? 'https' : 'http';
  return HOST.test(request.host ?? '') ? `${protocol}://${request.host}` : '';
}
