import { rendererCsp } from '../host/api/content-security-policy';
import { isHostUrl } from './host-origin';

/** The part of a response the shell looks at (Electron's OnHeadersReceivedListenerDetails fits). */
export interface ResponseDetails {
  url: string;
  resourceType: string;
  responseHeaders?: Record<string, string[]>;
}

/**
 * Checklist item 7, enforced by the shell: every document the host serves gets the renderer's
 * policy, replacing whatever header came (so a host bug or an old host cannot loosen it).
 * Other responses pass unchanged; documents of any other origin are never loaded anyway.
 */
export function withRendererCsp(details: ResponseDetails, hostOrigin: string): Record<string, string[]> | undefined {
  const isDocument = details.resourceType === 'mainFrame' || details.resourceType === 'subFrame';
  if (!isDocument || !isHostUrl(details.url, hostOrigin)) return details.responseHeaders;
  const headers: Record<string, string[]> = {};
  for (const [name, value] of Object.entries(details.responseHeaders ?? {})) {
    if (name.toLowerCase() !== 'content-security-policy') headers[name] = value;
  }
  headers['Content-Security-Policy'] = [rendererCsp({ host: new URL(hostOrigin).host })];
  return headers;
}
