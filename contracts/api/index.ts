/**
 * The host API's route table: every HTTP operation declared once (method, path, schemas, replies,
 * who may call it, whether a secondary kiosk relays it). The host registers its routes from it
 * (host/api/route.ts), the renderer's client and the hall link call by it, the hall relay is
 * keyed by it, and the OpenAPI document is built from the schemas it gives the routes.
 */
import { backupOperations } from './backups';
import { cameraOperations } from './camera';
import { caseOperations } from './cases';
import { consoleOperations } from './console';
import { counterOperations } from './counter';
import { districtOperations } from './district';
import { evaluatorOperations } from './evaluator';
import { floorOperations } from './floor';
import { hostOperations } from './host';
import { hoursOperations } from './hours';
import { identityOperations } from './identity';
import { linkOperations } from './links';
import { managerToolOperations } from './manager-tools';
import type { Operation } from './operation';
import { queueOperations } from './queue';
import { reportOperations } from './reports';
import { reviewOperations } from './reviews';
import { terminalOperations } from './terminal';

export * from './operation';

const areas = [
  hostOperations,
  identityOperations,
  queueOperations,
  caseOperations,
  terminalOperations,
  consoleOperations,
  hoursOperations,
  linkOperations,
  reviewOperations,
  evaluatorOperations,
  counterOperations,
  backupOperations,
  floorOperations,
  reportOperations,
  managerToolOperations,
  districtOperations,
  cameraOperations,
];

/** Every operation by name. */
export const operations = {
  ...hostOperations,
  ...identityOperations,
  ...queueOperations,
  ...caseOperations,
  ...terminalOperations,
  ...consoleOperations,
  ...hoursOperations,
  ...linkOperations,
  ...reviewOperations,
  ...evaluatorOperations,
  ...counterOperations,
  ...backupOperations,
  ...floorOperations,
  ...reportOperations,
  ...managerToolOperations,
  ...districtOperations,
  ...cameraOperations,
};

export type Operations = typeof operations;
export type OperationName = keyof Operations;

// Two areas declaring one name would let the later one replace the earlier silently.
if (areas.reduce((count, area) => count + Object.keys(area).length, 0) !== Object.keys(operations).length) {
  throw new Error('contracts/api: an operation name is declared in two areas');
}

/** The operations as a list (for tests, the hall relay's checks and tools). */
export const operationList: readonly Operation[] = Object.values(operations);

/** The names of the operations a secondary kiosk answers from its hall. */
export type RelayedOperationName = {
  [N in OperationName]: Operations[N] extends { readonly secondary: 'relay' } ? N : never;
}[OperationName];
