import fastifySwagger from '@fastify/swagger';
import Fastify from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { installStaffRequest } from '../../../host/api/auth-guard';
import { authRoutes } from '../../../host/api/routes-auth';
import { AuditLog } from '../../../host/audit/audit-log';
import { StaffAccounts } from '../../../host/auth/staff-accounts';
import { StaffAuth } from '../../../host/auth/staff-auth';
import { FakeClock, openTestDb, testPepper, type TestDb } from './support';

describe('auth routes in the OpenAPI document', () => {
  let t: TestDb;
  beforeEach(() => {
    t = openTestDb();
  });
  afterEach(() => t.dispose());

  it('publish every route with its schemas, and no PIN hash in any response', async () => {
    const clock = new FakeClock();
    const app = Fastify({ logger: false }).withTypeProvider<ZodTypeProvider>();
    app.setValidatorCompiler(validatorCompiler);
    app.setSerializerCompiler(serializerCompiler);
    installStaffRequest(app);
    await app.register(fastifySwagger, { openapi: { info: { title: 't', version: '0' } }, transform: jsonSchemaTransform });
    const auth = new StaffAuth({ db: t.db, clock, pepper: testPepper });
    const routes = authRoutes({ auth, accounts: new StaffAccounts({ db: t.db, clock, auth }), auditLog: new AuditLog(t.db) });
    await app.register(routes, { prefix: '/api/v1' });
    await app.ready();
    const paths = app.swagger().paths ?? {};
    expect(Object.keys(paths).sort()).toEqual([
      '/api/v1/audit',
      '/api/v1/auth/me',
      '/api/v1/auth/sign-in',
      '/api/v1/auth/sign-out',
      '/api/v1/staff',
      '/api/v1/staff/grants',
      '/api/v1/staff/grants/{id}/confirm',
      '/api/v1/staff/grants/{id}/refuse',
      '/api/v1/staff/{id}',
      '/api/v1/staff/{id}/reset-pin',
    ]);
    expect(JSON.stringify(paths)).not.toMatch(/pinHash|pin_hash/i);
    await app.close();
  });
});
