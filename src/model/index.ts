export * from './params';
export * from './types';
export { restore, checkParam, plainText, LIMITS, DEFAULT_RUN, type RestoreResult } from './restore';
export { checkGraph } from './graph';
