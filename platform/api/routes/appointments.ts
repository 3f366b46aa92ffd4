import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  Appointment,
  AppointmentsQuery,
  AppointmentsResponse,
  CentralErrorBody,
  CreateAppointmentRequest,
} from '../../../contracts/central-api';
import type { AppointmentService } from '../../services/appointment-service';
import { ApiError } from '../errors';
import { callerHall } from '../hall-scope';

export interface AppointmentRoutesOptions {
  appointments: AppointmentService;
}

/** A hall's appointments for a day, to its own credential only (keyed tags of ID numbers only); operators create them. */
export const appointmentRoutes: FastifyPluginAsyncZod<AppointmentRoutesOptions> = async (app, { appointments }) => {
  app.get(
    '/v1/appointments',
    {
      config: { access: 'terminal' },
      schema: {
        summary: "The calling hall's appointments on an Asia/Shanghai date, by slot (`hall` must be its own)",
        tags: ['appointments'],
        security: [{ terminalToken: [] }],
        querystring: AppointmentsQuery,
        response: {
          200: AppointmentsResponse,
          400: CentralErrorBody,
          401: CentralErrorBody,
          403: CentralErrorBody,
          503: CentralErrorBody,
        },
      },
    },
    async (request) => ({ appointments: await appointments.forDay(callerHall(request).hallId, request.query.date) }),
  );

  app.post(
    '/v1/admin/appointments',
    {
      config: { access: 'admin' },
      schema: {
        summary: 'Create an appointment (demos and tests); the raw ID number is not stored',
        tags: ['admin'],
        security: [{ adminToken: [] }],
        body: CreateAppointmentRequest,
        response: { 201: Appointment, 400: CentralErrorBody, 401: CentralErrorBody, 404: CentralErrorBody },
      },
    },
    async (request, reply) => {
      const appointment = await appointments.create(request.body);
      if (appointment === undefined) throw new ApiError(404, 'hall_not_found', `no hall ${request.body.hallId}`);
      return reply.code(201).send(appointment);
    },
  );
};
