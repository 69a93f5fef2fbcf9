/**
 * The one piece of graphql-ws the library uses, behind ws-source.ts's dynamic import(): a module of
 * its own so bundlers keep only the client (a dynamic import of the package root would keep its
 * whole namespace, server and `graphql` included).
 */
export { createClient } from 'graphql-ws/client';
