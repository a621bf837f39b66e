/**
 * Sharing and persistence, framework free. Every way in (link, file, autosave) ends in
 * restore() and answers with a RestoreResult: `{ ok: true, design, warnings }` or
 * `{ ok: false, problems }`, never an exception.
 */
export { designFromHash, encodeDesign, isDesignHash, linkFor, DAMAGED_LINK_MESSAGE } from './link';
export { designToJson, fileNameFor, readDesignFile } from './files';
export {
  browserStorage,
  tabStorage,
  createAutosave,
  type Autosave,
  type AutosaveOptions,
  type KeptDesign,
  type LoadResult,
  type SaveReport,
  type StorageLike,
} from './autosave';
