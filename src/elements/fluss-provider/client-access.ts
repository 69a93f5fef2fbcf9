/**
 * How other elements reach the provider's client: a one-shot context request, and the
 * PROVIDER_MISSING error they report when there is no provider (or it has no endpoint).
 */
import { ContextEvent } from '@lit/context';
import { flussClientContext } from '../../context/client-context.js';
import type { FlussClient } from '../../data/fluss-client.js';
import { FlussErrorEvent, type FlussErrorDetail } from '../../events/fluss-error.js';

/** The `fluss-error` detail for an element that needs a server but has no provider. */
export function providerMissingDetail(what = 'This element'): FlussErrorDetail {
  return {
    code: 'PROVIDER_MISSING',
    severity: 'error',
    message: `${what} needs an enclosing <fluss-provider endpoint="…"> to talk to a Fluss server; none was found.`,
    recoverable: false,
    phase: 'http',
  };
}

/**
 * Returns the client of the nearest `<fluss-provider>` above `host` (crossing shadow roots), or
 * undefined after dispatching a PROVIDER_MISSING `fluss-error` on `host` (unless `report` is false).
 * Elements that want to follow provider changes use a `ContextConsumer` on `flussClientContext`.
 */
export function requestFlussClient(host: HTMLElement, options: { report?: boolean; what?: string } = {}): FlussClient | undefined {
  let client: FlussClient | undefined;
  host.dispatchEvent(
    new ContextEvent(
      flussClientContext,
      host,
      (value: FlussClient | undefined) => {
        client = value;
      },
      false,
    ),
  );
  if (!client && options.report !== false) host.dispatchEvent(new FlussErrorEvent(providerMissingDetail(options.what)));
  return client;
}
