/** The HTTP API's types the console names (the staff API's included), from the server's contract: types only. */
export type * from '../../../internal/types.js';
export type * from '../../../../../server/src/contract/index.js';
