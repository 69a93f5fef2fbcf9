/**
 * The data layer: the Fluss GraphQL client (HTTP + graphql-ws), its typed errors, the operation
 * documents, the event pager and the run follower.
 */
export { FlussClient, isQueryDocument, retryAfterMs, type FlussClientOptions, type GetToken, type QueryOptions, type QueryResult, type RetryOptions, type TokenReason } from './fluss-client.js';
export { FlussClientError, isFlussClientError, type FlussClientErrorCode } from './errors.js';
export { type SubscriptionSink, type WsSourceOptions } from './ws-source.js';
export { loadAllRunEvents, normalizeEvents, type LoadRunEventsOptions, type LoadRunEventsResult } from './load-run-events.js';
export { followRun, type FollowPhase, type FollowRunOptions, type RunFollower } from './follow-run.js';
export { deriveWsEndpoint, originOf } from './endpoint.js';
export * from './operations.js';
