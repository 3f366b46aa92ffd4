export * from './errors';
export * from './identity';
export * from './queue';
export * from './events';
export * from './health';
export * from './config';
export * from './simulator';
