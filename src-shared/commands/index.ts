export * from './patch';
export * from './locate';
export * from './commands';
export * from './dutyRows';
export * from './paste';
export * from './fix';
export * from './selfeval';
export * from './attachSelfevals';
