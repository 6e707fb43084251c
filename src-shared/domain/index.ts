/** Pure business rules shared by the renderer and the main process: field validation and conflict detection. */
export * from './conflict';
export * from './fields';
export { stripInvisible } from './text/invisible';
export { normalizeText, toSimplified } from './text/normalize-text';
