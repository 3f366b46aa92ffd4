import { CounterTicketRequest, IssueTicketResponse, WindowParams } from '../queue';
import { access, defineOperations, errorReplies } from './operation';

/** What a clerk does at the counter besides serving the queue. */
export const counterOperations = defineOperations({
  /**
   * A disabled (残疾人) or green-channel (绿色通道) priority ticket, issued by the clerk signed in
   * at this window (a supervisor at any) for a citizen who cannot take one at the kiosk. Audited
   * with the staff member; printed on the hall kiosk's printer only when asked.
   */
  issueCounterTicket: {
    method: 'POST',
    path: '/windows/:windowId/priority-tickets',
    tags: ['counter'],
    access: access.staff(['staff', 'supervisor']),
    params: WindowParams,
    body: CounterTicketRequest,
    responses: { 201: IssueTicketResponse, ...errorReplies(400, 401, 403, 404, 409) },
    secondary: 'hallOnly',
  },
});
