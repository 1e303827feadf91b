export * from './decimal';
export * from './weights';
export * from './score';
export * from './init';
