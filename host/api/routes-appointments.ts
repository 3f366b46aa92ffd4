import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { operations } from '../../contracts/api';
import type { AppointmentBook } from '../appointments/appointment-book';
import type { StaffAuth } from '../auth/staff-auth';
import type { IdentitySessions } from '../identity/identity-sessions';
import type { TicketPrinting } from '../printing/ticket-printing';
import { router } from './route';

export interface AppointmentRouteDeps {
  appointments: AppointmentBook;
  identity: IdentitySessions;
  auth: StaffAuth;
  printing: TicketPrinting;
}

/** Appointment check-in at the kiosk, today's list for hall staff and the manager's overview (masked data only). */
export function appointmentRoutes(deps: AppointmentRouteDeps): FastifyPluginAsyncZod {
  const { appointments, identity, auth, printing } = deps;
  return async (app) => {
    const route = router(app, { auth });

    route(operations.checkIn, async (req, reply) => {
      // The card's ID number is needed to match the booking's hash (the central API's salt
      // differs from the install key); it stays in this request and is never logged or stored.
      const card = identity.currentCard();
      const result = await appointments.checkIn(req.body, card);
      // Printed only after the check-in committed, as POST /tickets does. A repeat check-in
      // prints again only when the first print did not come out.
      const ticket =
        result.alreadyCheckedIn && result.ticket.printStatus === 'printed' ? result.ticket : await printing.print(result.ticket);
      return reply
        .code(result.alreadyCheckedIn ? 200 : 201)
        .send({ ...result, ticket, progressUrl: printing.progressUrl(ticket) });
    });

    route(operations.appointmentsToday, async () => appointments.today());

    route(operations.appointmentOverview, async (req) => appointments.overview(req.query));
  };
}
