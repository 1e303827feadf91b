export * from './entry';
export * from './library';
export * from './suggest';
export * from './fill';
export * from './sheet';
