export * from './selection';
export * from './cellKeys';
