export * from './cells';
export * from './match';
export * from './find';
export * from './replace';
