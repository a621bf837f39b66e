export * from './params';
export * from './types';
export { restore, checkParam, parseNumberText, plainText, notesText, LIMITS, DEFAULT_RUN, type RestoreResult } from './restore';
export { checkGraph, runnable } from './graph';
export { simulatesAlike } from './alike';
export { nodeName } from './names';
