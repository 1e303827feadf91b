export * from './interval';
export * from './parse';
export * from './match';
export * from './bands';
export * from './parts';
