export * from './steps';
export * from './bands';
export * from './scoring';
