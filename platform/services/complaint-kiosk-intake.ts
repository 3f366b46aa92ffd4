import type { CreateCaseRequest } from '../../contracts/central-api';
import { complaintTopicOfLabel, type NewComplaint } from '../../contracts/complaints';
import { CreditCode } from '../../contracts/credit-code';
import { COMPLAINT_ITEM_CODE } from '../../contracts/district-catalog';

/** Whether a case the kiosk submitted is a 营商诉求 (the catalog's complaint item). */
export function isComplaintCase(request: CreateCaseRequest): boolean {
  return request.itemCode === COMPLAINT_ITEM_CODE;
}

const field = (request: CreateCaseRequest, key: string): string => request.form[key]?.trim() ?? '';

/**
 * The complaint a kiosk case carries, from the 营商诉求 item's form: the company's name, the
 * topic by its label (`complaintTopicOfLabel`: an unknown label is `other`, so nothing is lost),
 * the details, the applicant as the contact, and the credit code the kiosk's form asks for
 * (optional; read as `CreditCode` reads it, kept only when valid). The kiosk validated the form already; a
 * field missing here is kept as empty rather than refusing a case the hall was told it filed.
 */
export function complaintOfKioskCase(request: CreateCaseRequest): NewComplaint {
  const creditCode = CreditCode.safeParse(field(request, 'creditCode'));
  return {
    channel: 'kiosk',
    externalRef: null,
    enterprise: {
      name: field(request, 'companyName') || request.applicant.name,
      creditCode: creditCode.success ? creditCode.data : null,
    },
    contact: { name: request.applicant.name, phone: (request.applicant.phone ?? field(request, 'phone')).replace(/\s+/g, '') },
    topic: complaintTopicOfLabel(field(request, 'topic')),
    area: null,
    text: field(request, 'details') || request.itemName,
    attachments: [],
  };
}
