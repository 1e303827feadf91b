export * from './model';
export * from './measure';
export * from './build';
export * from './paginate';
export * from './selfeval';
export * from './forms';
export * from './runs';
