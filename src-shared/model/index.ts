export * from './amount';
export * from './ids';
export * from './schema';
export * from './factory';
export * from './templates';
export * from './numbering';
export * from './load';
export * from './migrations';
