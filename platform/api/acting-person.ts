import type { FastifyRequest } from 'fastify';
import type { PersonId } from '../../contracts/complaints';
import { principalOf } from './auth';

/**
 * The person of the complaint desk a console request acts as: its session account's
 * `district_staff.person_id`, set when the district admin gave the person an account. The admin
 * token and an account linked to nobody are nobody's. The complaint routes act as this person and
 * the inbox is this person's: one link, read in one place.
 */
export function actingPersonOf(request: FastifyRequest): PersonId | null {
  const principal = principalOf(request);
  return principal.via === 'session' ? principal.staff.personId : null;
}
