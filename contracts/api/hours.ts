import { ExtendHoursRequest, ExtensionIdParams, HoursExtension, HoursExtensionList, HoursToday } from '../hours';
import { access, defineOperations, errorReplies } from './operation';

const errors = errorReplies(400, 401, 403, 404, 409);
/** Reads for the manager console: supervisors run the hall, technicians look. */
const readers = access.staff(['supervisor', 'technician']);
/** 延时服务 is the supervisors' decision, audited. */
const supervisors = access.staff(['supervisor']);

/** Today's opening hours as the hall keeps them (holidays, 调休, 延时服务) and today's extensions. */
export const hoursOperations = defineOperations({
  hoursToday: {
    method: 'GET',
    path: '/hours/today',
    tags: ['hours'],
    access: readers,
    responses: { 200: HoursToday, ...errors },
    secondary: 'hallOnly',
  },
  hoursExtensions: {
    method: 'GET',
    path: '/hours/extensions',
    tags: ['hours'],
    access: readers,
    responses: { 200: HoursExtensionList, ...errors },
    secondary: 'hallOnly',
  },
  extendHours: {
    method: 'POST',
    path: '/hours/extensions',
    tags: ['hours'],
    access: supervisors,
    body: ExtendHoursRequest,
    responses: { 201: HoursExtension, ...errors },
    secondary: 'hallOnly',
  },
  cancelHoursExtension: {
    method: 'DELETE',
    path: '/hours/extensions/:extensionId',
    tags: ['hours'],
    access: supervisors,
    params: ExtensionIdParams,
    responses: { 200: HoursExtension, ...errors },
    secondary: 'hallOnly',
  },
});
