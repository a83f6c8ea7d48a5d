import { AsyncLocalStorage } from 'node:async_hooks';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { keys } from '../functions/store/keys.js';

type Tally = { auth: number; route: number };
export type RequestCount = { requests: number; authPerRequest: number; routePerRequest: number; routeMax: number };

/** The two lookups of `authenticate`: the e-mail claim (GetItem) and the person's partition (Query). */
const AUTH_KEY_PREFIXES = [keys.personEmail('').PK, keys.personItems('').partition];

function isAuthLookup(input: { Key?: { PK?: unknown }; ExpressionAttributeValues?: Record<string, unknown> }): boolean {
  const pk = input.Key?.PK ?? input.ExpressionAttributeValues?.[':pk'];
  return typeof pk === 'string' && AUTH_KEY_PREFIXES.some((prefix) => pk.startsWith(prefix));
}

/**
 * Counts the DynamoDB calls each HTTP request makes: a middleware on the client adds to the
 * tally of the request whose async context it runs in. A call is one `send` (retries are not
 * counted again), sorted into the sign-in lookups and the route's own work.
 */
export function createDynamoRequestCounter() {
  const current = new AsyncLocalStorage<Tally>();
  const totals = new Map<string, { requests: number; auth: number; route: number; routeMax: number }>();

  return {
    instrument(client: DynamoDBClient): void {
      client.middlewareStack.add(
        (next) => async (args) => {
          const tally = current.getStore();
          if (tally) tally[isAuthLookup(args.input as never) ? 'auth' : 'route']++;
          return next(args);
        },
        { step: 'initialize', name: 'benchDynamoRequestCounter' },
      );
    },

    /** Runs one HTTP request's handling and adds its calls to `label`'s totals. */
    async count<T>(label: string, handle: () => Promise<T>): Promise<T> {
      const tally: Tally = { auth: 0, route: 0 };
      try {
        return await current.run(tally, handle);
      } finally {
        const total = totals.get(label) ?? { requests: 0, auth: 0, route: 0, routeMax: 0 };
        totals.set(label, { requests: total.requests + 1, auth: total.auth + tally.auth, route: total.route + tally.route, routeMax: Math.max(total.routeMax, tally.route) });
      }
    },

    /** The label's calls per request since the last reset. */
    take(label: string): RequestCount {
      const total = totals.get(label) ?? { requests: 0, auth: 0, route: 0, routeMax: 0 };
      totals.delete(label);
      const per = (n: number) => (total.requests ? Math.round((n / total.requests) * 10) / 10 : 0);
      return { requests: total.requests, authPerRequest: per(total.auth), routePerRequest: per(total.route), routeMax: total.routeMax };
    },
  };
}
export type DynamoRequestCounter = ReturnType<typeof createDynamoRequestCounter>;
