/**
 * Jobs: the durable job queue with leases (`queue.ts`) and the hourly maintenance chain, to which
 * each slice hands its pruning (`maintenance.ts`). Handlers are registered in `domain/registry.ts`.
 *
 * This module is the slice's entry: the rest of the server imports jobs from here only.
 */
export { MAINTENANCE, maintenanceHandler, type Prune, scheduleMaintenance } from './maintenance';
export { enqueueJob, type JobHandler, JobWorker } from './queue';
