// The outbox request and its cache key (see domains/people/queries.ts for the pattern).
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { mailApi } from '../../../../src/platform/mail/endpoints.ts';
import { call } from '../../api.ts';

export const mailKeys = {
  outbox: (limit: number, offset: number) => ['mail', 'outbox', limit, offset] as const,
};

/** One page of the outbox; the previous page stays on screen while the next one loads. */
export const useOutbox = (limit: number, offset: number) =>
  useQuery({
    queryKey: mailKeys.outbox(limit, offset),
    queryFn: () => call(mailApi.outbox, { query: { limit, offset } }),
    placeholderData: keepPreviousData,
  });
