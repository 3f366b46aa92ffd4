import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  Appointment,
  AppointmentsQuery,
  AppointmentsResponse,
  CentralErrorBody,
  CreateAppointmentRequest,
} from '../../../contracts/central-api';
import type { AppointmentService } from '../../services/appointment-service';

export interface AppointmentRoutesOptions {
  appointments: AppointmentService;
}

/** A hall's appointments for a day (keyed tags of ID numbers only); operators create them. */
export const appointmentRoutes: FastifyPluginAsyncZod<AppointmentRoutesOptions> = async (app, { appointments }) => {
  app.get(
    '/v1/appointments',
    {
      config: { access: 'terminal' },
      schema: {
        summary: "A hall's appointments on an Asia/Shanghai date, by slot",
        tags: ['appointments'],
        security: [{ terminalToken: [] }],
        querystring: AppointmentsQuery,
        response: { 200: AppointmentsResponse, 400: CentralErrorBody, 401: CentralErrorBody, 503: CentralErrorBody },
      },
    },
    async (request) => ({ appointments: await appointments.forDay(request.query.hall, request.query.date) }),
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
        response: { 201: Appointment, 400: CentralErrorBody, 401: CentralErrorBody },
      },
    },
    async (request, reply) => reply.code(201).send(await appointments.create(request.body)),
  );
};
