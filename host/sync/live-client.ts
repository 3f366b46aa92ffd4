import { LiveSnapshotAck, NearbyResponse } from '../../contracts/central-api';
import type { LiveSnapshot } from '../../contracts/central-api';
import { CENTRAL_REPLY_LIMITS, CentralClient, type CentralResult } from './central-client';

/**
 * The live district's calls of the central API (the district platform): the hall's queue now,
 * and the other halls' waiting for one service. A CentralClient, so the token, timeout, reply
 * caps and failure classes are the same code as the sync's.
 */
export class LiveClient extends CentralClient {
  /** PUT /v1/live: the platform keeps it unless it holds one taken later. */
  async putLive(snapshot: LiveSnapshot): Promise<CentralResult<LiveSnapshotAck>> {
    const sent = await this.send('PUT', '/v1/live', { body: snapshot });
    return sent.ok ? this.read(sent.response, LiveSnapshotAck, CENTRAL_REPLY_LIMITS.ack) : sent;
  }

  /** GET /v1/live/nearby: the other halls' waiting for `service`, best first. */
  async nearby(hallId: string, service: string): Promise<CentralResult<NearbyResponse>> {
    const query = new URLSearchParams({ hall: hallId, service });
    const sent = await this.send('GET', `/v1/live/nearby?${query.toString()}`);
    return sent.ok ? this.read(sent.response, NearbyResponse, CENTRAL_REPLY_LIMITS.nearby) : sent;
  }
}
