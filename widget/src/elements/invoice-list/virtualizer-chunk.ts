/**
 * What the invoice list's virtualizer chunk holds (`virtualizer.ts` imports it on demand): the
 * `virtualize` directive and its default layout, which it would otherwise fetch as a further chunk
 * when it first lays rows out.
 */
export { virtualize, virtualizerRef } from '@lit-labs/virtualizer/virtualize.js';
export { FlowLayout } from '@lit-labs/virtualizer/layouts/flow.js';
