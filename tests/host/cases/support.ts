import type { Db } from '../../../db/open';
import { CaseService } from '../../../host/cases/case-service';
import type { CaseServiceOptions } from '../../../host/cases/case-service';
import { CatalogCache } from '../../../host/cases/catalog-cache';
import type { CatalogSource } from '../../../host/cases/catalog-cache';
import { EvaluationService } from '../../../host/cases/evaluation-service';
import type { Clock } from '../../../host/clock/clock';
import { EventBus } from '../../../host/events/event-bus';
import { IdentityKeyer } from '../../../host/identity/identity-key';
import { ReviewService } from '../../../host/reviews/review-service';
import type { CitizenCard } from '../../../host/identity/identity-sessions';

/** A test card (the public sample number of GB 11643). */
export const CARD: CitizenCard = { kind: 'resident', name: '张三丰', idNumber: '11010519491231002X', birthDate: '1949-12-31' };

/** 老年人优待证: phone and address typed, name, ID number and birth date from the card. */
export const ELDER_ITEM = 'MS-LNYD-001';
export const elderForm = { phone: '13800000000', address: '北京市东城区景山前街4号' };

/** A source that is never reachable: the kiosk on day one with the network down. */
export const unreachable: CatalogSource = {
  catalog: async () => ({ ok: false, kind: 'retryable', message: 'network error (ECONNREFUSED)' }),
};

export interface Services {
  catalog: CatalogCache;
  cases: CaseService;
  evaluations: EvaluationService;
  /** 差评 follow-ups (5 working days, no holidays), opened with each 差评. */
  reviews: ReviewService;
  keyer: IdentityKeyer;
  /** Where the evaluations publish `evaluation.submitted` and the follow-ups their steps. */
  bus: EventBus;
}

export function services(
  db: Db,
  clock: Clock,
  options: {
    source?: CatalogSource;
    caseOptions?: Partial<CaseServiceOptions>;
    /** The case numbers of the card on the reader (default: those CARD filed here). */
    cardCaseNumbers?: () => readonly string[] | null;
  } = {},
): Services {
  const keyer = IdentityKeyer.ephemeral();
  const catalog = new CatalogCache({ db, source: options.source ?? unreachable, clock });
  const cases = new CaseService({
    db,
    catalog,
    clock,
    keyOf: (id) => keyer.keyOf(id),
    hallId: 'hall-01',
    terminalId: 'kiosk-01',
    timeZone: 'Asia/Shanghai',
    calendar: { holidays: [], extraWorkdays: [] },
    ...options.caseOptions,
  });
  const bus = new EventBus(2000, () => clock.now());
  const reviews = new ReviewService({
    db,
    clock,
    bus,
    hallId: 'hall-01',
    timeZone: 'Asia/Shanghai',
    calendar: () => ({ holidays: [], extraWorkdays: [] }),
    rectifyWorkingDays: () => 5,
  });
  const evaluations = new EvaluationService({
    db,
    clock,
    bus,
    hallId: 'hall-01',
    terminalId: 'kiosk-01',
    ticketKey: (ticketId) => keyer.tag('ticket', String(ticketId)),
    serviceToken: (ticketId) => keyer.tag('evaluation-token', String(ticketId)),
    cardCaseNumbers:
      options.cardCaseNumbers ??
      (() => cases.casesForCard(keyer.keyOf(CARD.idNumber)).flatMap((c) => (c.caseNumber === null ? [] : [c.caseNumber]))),
    followups: reviews,
  });
  return { catalog, cases, evaluations, reviews, bus, keyer };
}
