import { UpdateRefused } from './update-refused';

/** The signed release document and its detached signature, beside latest.yml in the feed folder. */
export const RELEASE_FILE = 'release.json';
export const SIGNATURE_FILE = 'release.json.sig';

/**
 * The feed as the shell accepts it: an https: folder without credentials. The signature is what
 * makes an update genuine; https keeps a LAN attacker from even choosing which signed release a
 * kiosk sees (an older one, or none). Returned with a trailing slash, so files resolve inside it.
 */
export function secureFeed(url: string): URL {
  if (!URL.canParse(url)) throw new UpdateRefused('insecure_feed', 'the update feed is not a URL');
  const feed = new URL(url);
  if (feed.protocol !== 'https:') throw new UpdateRefused('insecure_feed', `the update feed must be https, not ${feed.protocol}`);
  if (feed.username !== '' || feed.password !== '') throw new UpdateRefused('insecure_feed', 'no credentials in the update feed');
  feed.search = '';
  feed.hash = '';
  if (!feed.pathname.endsWith('/')) feed.pathname = `${feed.pathname}/`;
  return feed;
}

/** A file the feed names (latest.yml's relative or absolute URL), refused unless it is https. */
export function secureFileUrl(feed: URL, url: string): URL {
  const file = URL.canParse(url, feed.href) ? new URL(url, feed) : null;
  if (file?.protocol !== 'https:')
    throw new UpdateRefused('insecure_download', `the installer must come over https: ${url.slice(0, 200)}`);
  return file;
}
