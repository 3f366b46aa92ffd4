import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { operations } from '../../contracts/api';
import { HostError } from '../errors/host-error';
import { router } from './route';

/**
 * The hall's LAN TLS as terminals see it: the CA certificate to install on counter PCs and
 * screens (never its key), and its fingerprint to compare by eye at pairing.
 */
export function lanRoutes(deps: { ca: () => { certPem: string; fingerprint: string } | null }): FastifyPluginAsyncZod {
  return async (app) => {
    const route = router(app);

    route(operations.lanTls, async () => ({ caFingerprint: deps.ca()?.fingerprint ?? null }));

    route(operations.lanCaCertificate, async (_req, reply) => {
      const ca = deps.ca();
      if (ca === null) throw new HostError('not_found', '本机未开启局域网服务，没有大厅证书');
      return reply
        .type('application/x-pem-file')
        .header('content-disposition', 'attachment; filename="hall-kiosk-ca.crt"')
        .send(Buffer.from(ca.certPem, 'utf8'));
    });
  };
}
