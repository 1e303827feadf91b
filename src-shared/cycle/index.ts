export * from './years';
export * from './rollover';
export * from './match';
export * from './diff';
export * from './project-clipboard';
